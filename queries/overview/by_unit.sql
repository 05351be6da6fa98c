-- A 镇 or a 部门 ($kind) is measured on the allocations it received (its budget) and the payments it made against them.
, unit_budget AS (
  SELECT a.unit_id, sum(a.amount) AS total
  FROM allocations a, params
  WHERE a.alloc_date <= params.as_of AND a.indicator_id IN (SELECT id FROM ind)
  GROUP BY a.unit_id
),
unit_paid AS (
  SELECT p.unit_id, sum(p.amount) AS paid
  FROM payments p, params
  WHERE p.pay_date <= params.as_of AND p.indicator_id IN (SELECT id FROM ind)
  GROUP BY p.unit_id
)
SELECT
  u.id, u.name,
  b.total::DECIMAL(18,2)                 AS total,
  coalesce(up.paid, 0)::DECIMAL(18,2)    AS paid,
  rate(up.paid, b.total)                                   AS spend_rate,
  (rate(up.paid, b.total) - params.tp) * 100                   AS gap_points,
  ((rate(up.paid, b.total) - params.tp) * b.total)::DECIMAL(18,2) AS gap_amount
FROM params, units u
JOIN unit_budget b ON b.unit_id = u.id
LEFT JOIN unit_paid up ON up.unit_id = u.id
WHERE u.kind = $kind
