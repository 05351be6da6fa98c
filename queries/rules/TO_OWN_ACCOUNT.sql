-- 转入单位实有账户 (docs/rules.md): a payment into the paying unit's own account, or into any town's own account —
-- treasury money flowing back into a unit's account instead of reaching the payee (资金回流). Always red. Where both
-- hold (a town paying into its own account), the evidence names the paying unit.
SELECT 'payment' AS subject_type, p.voucher_no AS subject_id, p.unit_id, p.amount, 'red' AS severity,
       json_object('pay_date', p.pay_date, 'payee_name', p.payee_name, 'payee_account', p.payee_account,
                   'account_owner', o.name,
                   'owner_relation', CASE WHEN o.id = p.unit_id THEN '付款单位本单位账户' ELSE '乡镇实有账户' END,
                   'purpose', p.purpose) AS evidence
FROM payments p
JOIN units o ON o.account_no = trim(p.payee_account) AND (o.id = p.unit_id OR o.kind = 'town')
WHERE p.pay_date <= $as_of::DATE AND nullif(trim(o.account_no), '') IS NOT NULL
QUALIFY row_number() OVER (PARTITION BY p.voucher_no ORDER BY o.id = p.unit_id DESC, o.id) = 1
