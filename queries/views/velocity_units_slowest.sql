-- The slowest allocations to a 镇 or 部门 ($kind), one line per (indicator, unit), after scope.sql and
-- unit_velocity_rows.sql (docs/stalled-and-velocity.md): the days from the first allocation to the first payment and
-- to 80 % of the allocation paid, and `waiting` — those days to 80 % or, not there yet, the days since the first
-- allocation — by which the slowest come first. $row_unit picks a unit.
SELECT
  v.indicator_id || '@' || v.unit_id AS id, u.name, v.indicator_id AS indicator, f.name AS fund,
  v.first_alloc, v.allocated, v.days_to_pay, v.days_to_80,
  coalesce(v.days_to_80, (params.as_of - v.first_alloc)::INTEGER) AS waiting,
  CASE WHEN v.days_to_80 IS NULL THEN '未达80%' END AS not_80
FROM unit_velocity_rows v CROSS JOIN params
JOIN units u ON u.id = v.unit_id
JOIN indicators i ON i.id = v.indicator_id
LEFT JOIN funds f ON f.id = i.fund_id
WHERE u.kind = $kind::VARCHAR AND ($row_unit::INTEGER IS NULL OR u.id = $row_unit::INTEGER)
