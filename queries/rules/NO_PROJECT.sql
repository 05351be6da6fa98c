-- 项目未入库 (docs/rules.md): a payment naming a project the 项目库 does not hold (red: money spent on no approved plan
-- at all), or holds only before 入库 — 未开工 from a 资金安排表, 申报, 审核 (orange: the plan exists but was never
-- approved). A payment with no project code is 数据质量's concern, not this rule's. The project's status is today's:
-- the 项目库 keeps no history of when a project was approved.
SELECT 'payment' AS subject_type, p.voucher_no AS subject_id, p.unit_id, p.amount,
       CASE WHEN pr.code IS NULL THEN 'red' ELSE 'orange' END AS severity,
       json_object('pay_date', p.pay_date, 'project_code', p.project_code, 'project_name', pr.name,
                   'project_status', CASE pr.status WHEN 'not_started' THEN '未开工' WHEN 'declared' THEN '申报'
                                                    WHEN 'reviewed' THEN '审核' ELSE '项目库中无此项目' END,
                   'payee_name', p.payee_name, 'purpose', p.purpose) AS evidence
FROM payments p
LEFT JOIN projects pr ON pr.code = p.project_code
WHERE p.pay_date <= $as_of::DATE
  AND nullif(trim(p.project_code), '') IS NOT NULL
  AND (pr.code IS NULL OR pr.status IN ('not_started', 'declared', 'reviewed'))
