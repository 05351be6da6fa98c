-- The 资金流速 view per 镇 or 部门 ($kind), after scope.sql and unit_velocity_rows.sql: how many (indicator, unit)
-- allocations, and the median days from the first allocation to the first payment and to 80 % of the allocation
-- paid; an allocation not there yet by the 截止日期 is left out of that median and counted in not_80.
SELECT
  u.id, u.name,
  count(*)::INTEGER AS allocations,
  median(v.days_to_pay) AS median_to_pay,
  median(v.days_to_80)  AS median_to_80,
  count(*) FILTER (WHERE v.days_to_80 IS NULL)::INTEGER AS not_80
FROM unit_velocity_rows v
JOIN units u ON u.id = v.unit_id
WHERE u.kind = $kind::VARCHAR AND ($row_unit::INTEGER IS NULL OR u.id = $row_unit::INTEGER)
GROUP BY u.id, u.name
