-- (a CTE after scope.sql) 资金流速 of a 镇 or 部门 (docs/stalled-and-velocity.md): per (indicator of the year, unit) —
-- a town with its sub-units (measured_units, docs/units.md) — the days from the first allocation to it to its first
-- payment against the indicator and to the day its payments first reach 80 % of what was allocated to it, both by the
-- 截止日期 (null: not yet). Within the scope as scope.sql draws it (a 部门 or 镇: its own allocations and payments).
, unit_velocity_alloc AS (
  SELECT a.indicator_id, m.measured_id AS unit_id, min(a.alloc_date) AS first_alloc, sum(a.amount) AS allocated
  FROM allocations a JOIN measured_units() m ON m.id = a.unit_id CROSS JOIN params
  WHERE a.alloc_date <= params.as_of AND a.indicator_id IN (SELECT id FROM ind)
    AND (NOT params.unit_scoped OR a.unit_id IN (SELECT id FROM own_units($scope_unit::INTEGER)))
  GROUP BY a.indicator_id, m.measured_id
),
unit_velocity_day AS (
  SELECT p.indicator_id, m.measured_id AS unit_id, p.pay_date, sum(p.amount) AS amount
  FROM payment_days p JOIN measured_units() m ON m.id = p.unit_id CROSS JOIN params
  WHERE p.pay_date <= params.as_of AND p.indicator_id IN (SELECT id FROM ind)
    AND (NOT params.unit_scoped OR p.unit_id IN (SELECT id FROM own_units($scope_unit::INTEGER)))
  GROUP BY p.indicator_id, m.measured_id, p.pay_date
),
unit_velocity_rows AS (
  SELECT a.indicator_id, a.unit_id, a.first_alloc, a.allocated::DECIMAL(18,2) AS allocated,
         (min(d.pay_date) - a.first_alloc)::INTEGER AS days_to_pay,
         (min(d.pay_date) FILTER (WHERE d.cumulative >= 0.8 * a.allocated) - a.first_alloc)::INTEGER AS days_to_80
  FROM unit_velocity_alloc a
  LEFT JOIN (
    SELECT *, sum(amount) OVER (PARTITION BY indicator_id, unit_id ORDER BY pay_date) AS cumulative FROM unit_velocity_day
  ) d ON d.indicator_id = a.indicator_id AND d.unit_id = a.unit_id
  GROUP BY a.indicator_id, a.unit_id, a.first_alloc, a.allocated
)
