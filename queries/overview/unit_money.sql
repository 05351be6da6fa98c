-- (a CTE after scope.sql) The money a 镇 or a 部门 is measured on: the allocations it received (its budget) and the
-- payments it made against them, per unit, a town's sub-units counted as the town (measured_units, docs/units.md). Both
-- kinds at once: unit_rows.sql picks one ($kind) for the rankings; the SPEND_LAG rule reads both (docs/rules.md).
, unit_budget AS (
  SELECT m.measured_id AS unit_id, sum(a.allocated) AS total, sum(a.allocated_prev) AS total_prev
  FROM alloc a JOIN measured_units() m ON m.id = a.unit_id GROUP BY 1
),
unit_paid AS (
  SELECT m.measured_id AS unit_id, sum(p.paid) AS paid, sum(p.paid_prev) AS paid_prev
  FROM paid p JOIN measured_units() m ON m.id = p.unit_id GROUP BY 1
)
