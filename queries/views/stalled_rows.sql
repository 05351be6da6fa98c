-- (a CTE after scope.sql) 滞留资金 (docs/stalled-and-velocity.md): every allocated balance as of the 截止日期, one per
-- (indicator, unit), of any budget year up to the year viewed — an earlier year's unspent allocation is exactly what
-- stalls. Allocated = allocations made by the 截止日期; paid = payments made by then, matched to the allocation by
-- (indicator, unit) since a payment names no allocation (docs/data-model.md). A town's sub-units count as the town
-- (measured_units, docs/units.md), so a town's balance is one line however many of its bodies hold the money.
-- Idle days run from the first allocation and restart at every payment: 截止日期 − the later of the last payment and
-- the first allocation (never paid: since the allocation). Within the viewer's scope as scope.sql draws it (a 股室:
-- the indicators of its funds; a 部门 or 镇: its own allocations and payments) and narrowed by $level, $fund, $section.
, stalled_ind AS (
  SELECT i.id, i.year, i.fund_id, f.section_id
  FROM indicators i CROSS JOIN params
  LEFT JOIN funds f ON f.id = i.fund_id
  WHERE i.year <= params.budget_year AND i.received_date <= params.as_of
    AND (params.scope_kind <> 'section' OR i.id IN (SELECT id FROM section_indicators($scope_unit::INTEGER)))
    AND ($level::VARCHAR IS NULL OR i.level = $level::VARCHAR)
    AND ($fund::INTEGER IS NULL OR i.fund_id = $fund::INTEGER)
    AND ($section::INTEGER IS NULL OR f.section_id = $section::INTEGER)
),
stalled_alloc AS (
  SELECT a.indicator_id, m.measured_id AS unit_id, sum(a.amount) AS allocated,
         min(a.alloc_date) AS first_alloc, max(a.alloc_date) AS last_alloc
  FROM allocations a JOIN measured_units() m ON m.id = a.unit_id CROSS JOIN params
  WHERE a.alloc_date <= params.as_of AND a.indicator_id IN (SELECT id FROM stalled_ind)
    AND (NOT params.unit_scoped OR a.unit_id IN (SELECT id FROM own_units($scope_unit::INTEGER)))
  GROUP BY a.indicator_id, m.measured_id
),
stalled_paid AS (
  SELECT p.indicator_id, m.measured_id AS unit_id, sum(p.amount) AS paid, max(p.pay_date) AS last_paid,
         min(p.pay_date) AS first_paid
  FROM payment_days p JOIN measured_units() m ON m.id = p.unit_id CROSS JOIN params
  WHERE p.pay_date <= params.as_of AND p.indicator_id IN (SELECT id FROM stalled_ind)
    AND (NOT params.unit_scoped OR p.unit_id IN (SELECT id FROM own_units($scope_unit::INTEGER)))
  GROUP BY p.indicator_id, m.measured_id
),
-- Every allocated pair, paid up or not: the towns and departments views read the days to its first payment from it.
stalled_pairs AS (
  SELECT a.indicator_id, a.unit_id, si.year AS indicator_year, si.fund_id, si.section_id,
         a.first_alloc, a.last_alloc,
         a.allocated::DECIMAL(18,2)                            AS allocated,
         coalesce(p.paid, 0)::DECIMAL(18,2)                    AS paid,
         (a.allocated - coalesce(p.paid, 0))::DECIMAL(18,2)    AS balance,
         p.last_paid, p.first_paid,
         (params.as_of - greatest(a.first_alloc, coalesce(p.last_paid, a.first_alloc)))::INTEGER AS idle_days
  FROM stalled_alloc a CROSS JOIN params
  JOIN stalled_ind si ON si.id = a.indicator_id
  LEFT JOIN stalled_paid p ON p.indicator_id = a.indicator_id AND p.unit_id = a.unit_id
),
stalled_rows AS (SELECT * FROM stalled_pairs WHERE balance > 0)
