-- (a CTE after scope.sql and unit_money.sql) A 镇 or a 部门 ($kind) is measured on the allocations it received (its
-- budget) and the payments it made against them; a town's sub-units count in the town's line and are not listed among
-- the departments (measured_units, docs/units.md). Its budget is what was allocated to it, so `allocated` equals
-- `total`. Read by the towns and departments views (docs/views.md), which are also the overview's rankings;
-- prev_spend_rate is for 环比.
, unit_rows AS (
  SELECT
    u.id, u.name,
    b.total::DECIMAL(18,2)                 AS total,
    b.total::DECIMAL(18,2)                 AS allocated,
    coalesce(up.paid, 0)::DECIMAL(18,2)    AS paid,
    spend_rate(up.paid, b.total)           AS spend_rate,
    gap_points(up.paid, b.total, params.tp) AS gap_points,
    gap_amount(up.paid, b.total, params.tp) AS gap_amount,
    prev_spend_rate(up.paid_prev, b.total_prev) AS prev_spend_rate
  FROM params, units u
  JOIN unit_budget b ON b.unit_id = u.id
  LEFT JOIN unit_paid up ON up.unit_id = u.id
  WHERE u.kind = $kind
)
