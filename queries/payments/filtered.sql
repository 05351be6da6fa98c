-- (shared prefix, not run alone) 支付明细's payments for budget year $year and 截止日期 $as_of (docs/views.md: basis),
-- among those the viewer may read (visible_payments, queries/visibility.sql, given $scope_kind and $scope_unit). Every
-- payment paid by $as_of gets its line:
--   year: against an indicator of the year received by $as_of — exactly what 总览 counts as 已支付
--     (queries/overview/scope.sql), whenever it was paid;
--   carryover: paid from the year's first day, against an earlier year's indicator with a balance left on that day
--     (amount − payments before it > 0): 上年结转 spending;
--   unmatched: paid from the year's first day, with no indicator or one not in the ledger;
--   other: anything else paid from the year's first day (an earlier indicator already spent, a later one).
-- `own` marks a payment as the measured unit's own money: for a department or town viewer, and for the $town filter,
-- the payments made by the unit (a town's by it and its sub-units, own_units, docs/units.md) — 总览's rule. Payments a
-- county department made for a town are visible to the town but are the department's spending, so they appear only
-- under basis 'all' (every payment from the year's first day).
-- The filters (NULL = not set) are ANDed with the scope, never replace it: $level, $fund, $section narrow by the
-- payment's indicator; $department (预算单位 that paid), $town, $village, $indicator, $project, $pay_from, $pay_to,
-- and $q (text in 凭证号, 收款人 or 用途, case-insensitive).
-- The rows are the vouchers when $detail (a list, an export, or a filter by what only a voucher has: $village,
-- $project, $q), else payment_days, the same payments summed per day (docs/data-model.md), whose `n` counts them:
-- counts and sums are sum(n) and sum(amount) either way. $cutoff (a date or NULL) drops older payments: a list's
-- page needs only the days its rows fall on (queries/payments.ts finds that day from payment_days first).
WITH params AS (
  SELECT $year::INTEGER AS budget_year, $as_of::DATE AS as_of, make_date($year::INTEGER, 1, 1) AS year_start,
         coalesce($basis::VARCHAR, 'year') AS basis, $scope_kind::VARCHAR IN ('department', 'town') AS unit_scoped,
         lower(nullif(trim($q::VARCHAR), '')) AS q
),
paid_before AS (
  SELECT p.indicator_id, sum(p.amount) AS paid FROM payment_days p, params WHERE p.pay_date < params.year_start GROUP BY 1
),
indicator_line AS (
  SELECT i.id, i.level, i.fund_id,
         CASE WHEN i.year = params.budget_year AND i.received_date <= params.as_of THEN 'year'
              WHEN i.year < params.budget_year AND i.amount - coalesce(pb.paid, 0) > 0 THEN 'carryover'
              ELSE 'other' END AS line
  FROM indicators i CROSS JOIN params LEFT JOIN paid_before pb ON pb.indicator_id = i.id
),
src AS (
  SELECT p.*, 1 AS n FROM visible_payments($scope_kind::VARCHAR, $scope_unit::INTEGER) p WHERE $detail::BOOLEAN
  UNION ALL BY NAME
  SELECT d.* FROM visible_payment_days($scope_kind::VARCHAR, $scope_unit::INTEGER) d WHERE NOT $detail::BOOLEAN
),
lined AS (
  SELECT p.*, coalesce(il.line, 'unmatched') AS line, p.pay_date >= params.year_start AS in_year,
         (NOT params.unit_scoped OR p.unit_id IN (SELECT id FROM own_units($scope_unit::INTEGER)))
           AND ($town::INTEGER IS NULL OR p.unit_id IN (SELECT id FROM own_units($town::INTEGER))) AS own
  FROM src p CROSS JOIN params
  LEFT JOIN indicator_line il ON il.id = p.indicator_id
  WHERE p.pay_date <= params.as_of AND ($cutoff::DATE IS NULL OR p.pay_date >= $cutoff::DATE)
    AND ($level::VARCHAR IS NULL OR il.level = $level::VARCHAR)
    AND ($fund::INTEGER IS NULL OR il.fund_id = $fund::INTEGER)
    AND ($section::INTEGER IS NULL OR p.indicator_id IN (SELECT id FROM section_indicators($section::INTEGER)))
    AND ($department::INTEGER IS NULL OR p.unit_id = $department::INTEGER)
    AND ($town::INTEGER IS NULL OR p.town_id = $town::INTEGER OR p.unit_id IN (SELECT id FROM own_units($town::INTEGER)))
    AND ($village::INTEGER IS NULL OR p.village_id = $village::INTEGER)
    AND ($indicator::VARCHAR IS NULL OR p.indicator_id = $indicator::VARCHAR)
    AND ($project::VARCHAR IS NULL OR p.project_code = $project::VARCHAR)
    AND ($pay_from::DATE IS NULL OR p.pay_date >= $pay_from::DATE)
    AND ($pay_to::DATE IS NULL OR p.pay_date <= $pay_to::DATE)
    AND (params.q IS NULL
         OR strpos(lower(p.voucher_no), params.q) > 0
         OR strpos(lower(coalesce(p.payee_name, '')), params.q) > 0
         OR strpos(lower(coalesce(p.purpose, '')), params.q) > 0)
),
based AS (
  -- Each payment's basis flags: a payment is in 'all' and in at most one of the others.
  SELECT *, (line = 'year' AND own) AS is_year, (in_year AND line = 'carryover' AND own) AS is_carryover,
         (in_year AND line = 'unmatched' AND own) AS is_unmatched, in_year AS is_all
  FROM lined
),
filtered AS (
  SELECT b.* FROM based b, params
  WHERE CASE params.basis WHEN 'year' THEN b.is_year WHEN 'carryover' THEN b.is_carryover
                          WHEN 'unmatched' THEN b.is_unmatched ELSE b.is_all END
)
