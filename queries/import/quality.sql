-- 数据质量: per paying unit (预算单位), how many payments lack what the measures and rules need.
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
