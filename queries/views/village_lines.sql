-- (a CTE after scope.sql, unit_money.sql and unit_rows.sql with $kind = 'town') The villages view's lines: a town's money split by the village it
-- lies in (docs/villages-and-projects.md). Budget: the town's allocations (its sub-units' included, as in its line of
-- the towns view) by the village of the allocation's project; paid: the town's payments by the payment's village, else
-- its project's. A village counts only in its own town; whatever has no village of the town is one line 未落实到村 per
-- town, so the lines of a town sum exactly to its line in the towns view (the same conditions as scope.sql's alloc and
-- paid, the same measured_units, the same towns: those with a budget). scope.sql's alloc and paid keep one line per
-- indicator and unit, which every other view reads; only this view pays for the project and village keys.
, village_alloc AS (
  SELECT a.unit_id, a.project_code, sum(a.amount) AS allocated
  FROM allocations a, params
  WHERE a.alloc_date <= params.as_of AND a.indicator_id IN (SELECT id FROM ind)
    AND (NOT params.unit_scoped OR a.unit_id IN (SELECT id FROM own_units($scope_unit::INTEGER)))
  GROUP BY ALL
),
village_paid AS (
  SELECT p.unit_id, p.project_code, p.village_id, sum(p.amount) AS paid
  FROM payments p, params
  WHERE p.pay_date <= params.as_of AND p.indicator_id IN (SELECT id FROM ind)
    AND (NOT params.unit_scoped OR p.unit_id IN (SELECT id FROM own_units($scope_unit::INTEGER)))
  GROUP BY ALL
),
town_money AS (
  SELECT m.measured_id AS town_id, pr.village_id, a.allocated AS total, 0 AS paid
  FROM village_alloc a JOIN measured_units() m ON m.id = a.unit_id
  LEFT JOIN projects pr ON pr.code = a.project_code
  UNION ALL
  SELECT m.measured_id, coalesce(p.village_id, pr.village_id), 0, p.paid
  FROM village_paid p JOIN measured_units() m ON m.id = p.unit_id
  LEFT JOIN projects pr ON pr.code = p.project_code
),
village_lines AS (
  SELECT t.id AS town_id, t.name AS town_name, v.id AS village_id, sum(tm.total) AS total, sum(tm.paid) AS paid
  FROM town_money tm
  JOIN unit_rows t ON t.id = tm.town_id
  LEFT JOIN units v ON v.id = tm.village_id AND v.kind = 'village' AND v.parent_id = t.id
  GROUP BY ALL
)
