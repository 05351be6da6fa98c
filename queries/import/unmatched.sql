-- The payments behind a 数据质量 count: unmatched to an indicator ($what = 'indicator'), to a project ('project'),
-- or missing a field ('func_code', 'payee_account', 'purpose'), for one unit ($unit; -1 = no unit) or all (NULL).
SELECT p.voucher_no, p.pay_date, p.amount, p.indicator_id, p.indicator_doc_no, p.project_code, p.func_code,
       p.payee_name, p.payee_account, p.purpose, p.unit_id, u.name AS unit_name, p.batch_id
FROM p
LEFT JOIN units u ON u.id = p.unit_id
WHERE ($unit::INTEGER IS NULL OR coalesce(p.unit_id, -1) = $unit::INTEGER)
  AND CASE $what::VARCHAR
        WHEN 'indicator' THEN p.indicator_id IS NULL OR p.indicator_id NOT IN (SELECT id FROM indicators)
        WHEN 'project' THEN p.project_code IS NOT NULL AND p.project_code NOT IN (SELECT code FROM projects)
        WHEN 'func_code' THEN p.func_code IS NULL
        WHEN 'payee_account' THEN p.payee_account IS NULL
        WHEN 'purpose' THEN p.purpose IS NULL OR trim(p.purpose) = ''
        ELSE false
      END
ORDER BY p.pay_date, p.voucher_no
LIMIT $limit OFFSET $offset;
