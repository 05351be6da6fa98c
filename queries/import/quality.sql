-- 数据质量: per paying unit (预算单位), how many payments lack what the measures and rules need. Filters: $year (pay
-- date's year, NULL = all), $batch (one import batch, NULL = all) and the viewer's scope ($scope_kind, $scope_unit; a
-- 股室 sees the payments against its funds' indicators, a department or town its own payments).
WITH p AS (
  SELECT p.* FROM payments p
  WHERE ($year::INTEGER IS NULL OR year(p.pay_date) = $year::INTEGER)
    AND ($batch::INTEGER IS NULL OR p.batch_id = $batch::INTEGER)
    AND CASE $scope_kind::VARCHAR
          WHEN 'all' THEN true
          WHEN 'section' THEN p.indicator_id IN (SELECT i.id FROM indicators i JOIN funds f ON f.id = i.fund_id
                                                 WHERE f.section_id = $scope_unit::INTEGER)
          ELSE p.unit_id = $scope_unit::INTEGER
        END
)
SELECT p.unit_id, coalesce(u.name, '（未填或未知预算单位）') AS unit_name, u.kind AS unit_kind,
  count(*) AS payments,
  count(*) FILTER (WHERE i.id IS NULL) AS unmatched_indicator,
  count(*) FILTER (WHERE p.project_code IS NOT NULL AND pr.code IS NULL) AS unmatched_project,
  count(*) FILTER (WHERE p.project_code IS NULL) AS no_project,
  count(*) FILTER (WHERE p.func_code IS NULL) AS missing_func_code,
  count(*) FILTER (WHERE p.payee_account IS NULL) AS missing_payee_account,
  count(*) FILTER (WHERE p.purpose IS NULL OR trim(p.purpose) = '') AS empty_purpose
FROM p
LEFT JOIN indicators i ON i.id = p.indicator_id
LEFT JOIN (SELECT DISTINCT code FROM projects) pr ON pr.code = p.project_code
LEFT JOIN units u ON u.id = p.unit_id
GROUP BY p.unit_id, u.name, u.kind
ORDER BY payments DESC, unit_name;
