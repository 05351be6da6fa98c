-- A 镇 or a 部门 ($kind) is measured on the allocations it received (its budget) and the payments it made against them.
, unit_budget AS (SELECT unit_id, sum(allocated) AS total FROM alloc GROUP BY unit_id),
unit_paid AS (SELECT unit_id, sum(paid) AS paid FROM paid GROUP BY unit_id)
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
