-- (shared prefix, not run alone) The year's indicators received by the as-of date, with what was allocated and paid
-- against each by that date, within the viewer's scope ($scope_kind, $scope_unit; see lib/auth/roles.ts):
--   all: every indicator; section: the indicators of the funds the 股室 manages (section_indicators, the macro the
--   payments' visibility rule uses too: queries/visibility.sql);
--   department/town: the unit's own allocations (its budget) and payments, per indicator; a town's own are those of
--   the town and its sub-units (own_units, docs/units.md). These are measures, not visibility: a 镇 may read
--   payments made for it by a county department, but they are that department's spending.
-- Every overview query and every view (docs/views.md) starts from these CTEs so all of them agree with the KPI cards.
-- A view may narrow the indicators by $level, $fund and $section (null = not set; the overview passes nulls).
WITH params AS (
  SELECT $year::INTEGER AS budget_year, $as_of::DATE AS as_of,
         time_progress($as_of::DATE, $year::INTEGER, $tp_mode) AS tp,
         previous_month_end($as_of::DATE) AS prev_as_of,
         $scope_kind::VARCHAR AS scope_kind, $scope_unit::INTEGER AS scope_unit,
         $scope_kind IN ('department', 'town') AS unit_scoped
),
ind AS (
  SELECT i.id, i.level, i.fund_id, i.amount, i.received_date <= params.prev_as_of AS in_prev
  FROM indicators i, params
  WHERE i.year = params.budget_year AND i.received_date <= params.as_of
    AND (params.scope_kind <> 'section' OR i.id IN (SELECT id FROM section_indicators($scope_unit::INTEGER)))
    AND ($level::VARCHAR IS NULL OR i.level = $level::VARCHAR)
    AND ($fund::INTEGER IS NULL OR i.fund_id = $fund::INTEGER)
    AND ($section::INTEGER IS NULL OR i.id IN (SELECT id FROM section_indicators($section::INTEGER)))
),
-- Allocated and paid per indicator and unit (the recipient of an allocation, the 预算单位 of a payment): the indicator
-- rollup feeds levels, funds and sections; the unit rollup feeds towns and departments.
-- The *_prev sums are the same at the previous month-end, on the indicators received by then, for 环比
-- (docs/navigation.md): one pass gives both dates.
alloc AS (
  SELECT a.indicator_id, a.unit_id, sum(a.amount) AS allocated,
         coalesce(sum(a.amount) FILTER (WHERE ind.in_prev AND a.alloc_date <= params.prev_as_of), 0) AS allocated_prev
  FROM allocations a JOIN ind ON ind.id = a.indicator_id, params
  WHERE a.alloc_date <= params.as_of
    AND (NOT params.unit_scoped OR a.unit_id IN (SELECT id FROM own_units($scope_unit::INTEGER)))
  GROUP BY a.indicator_id, a.unit_id
),
-- Payments summed per day (payment_days, docs/data-model.md): the same money as the vouchers, in fewer rows. The
-- last payment's day is for the ledger's idle days (queries/ledger/pairs.sql).
paid AS (
  SELECT p.indicator_id, p.unit_id, sum(p.amount) AS paid, max(p.pay_date) AS last_pay,
         coalesce(sum(p.amount) FILTER (WHERE ind.in_prev AND p.pay_date <= params.prev_as_of), 0) AS paid_prev
  FROM payment_days p JOIN ind ON ind.id = p.indicator_id, params
  WHERE p.pay_date <= params.as_of
    AND (NOT params.unit_scoped OR p.unit_id IN (SELECT id FROM own_units($scope_unit::INTEGER)))
  GROUP BY p.indicator_id, p.unit_id
),
per_indicator AS (
  -- A department or town's budget on an indicator is what was allocated to it.
  SELECT ind.id, ind.level, ind.fund_id,
         CASE WHEN params.unit_scoped THEN coalesce(a.allocated, 0) ELSE ind.amount END AS amount,
         coalesce(a.allocated, 0) AS allocated, coalesce(pd.paid, 0) AS paid,
         CASE WHEN NOT ind.in_prev THEN 0 WHEN params.unit_scoped THEN coalesce(a.allocated_prev, 0) ELSE ind.amount END
           AS amount_prev,
         coalesce(pd.paid_prev, 0) AS paid_prev
  FROM ind CROSS JOIN params
  LEFT JOIN (SELECT indicator_id, sum(allocated) AS allocated, sum(allocated_prev) AS allocated_prev FROM alloc GROUP BY indicator_id) a
    ON a.indicator_id = ind.id
  LEFT JOIN (SELECT indicator_id, sum(paid) AS paid, sum(paid_prev) AS paid_prev FROM paid GROUP BY indicator_id) pd
    ON pd.indicator_id = ind.id
  WHERE NOT params.unit_scoped OR a.indicator_id IS NOT NULL OR pd.indicator_id IS NOT NULL
)
