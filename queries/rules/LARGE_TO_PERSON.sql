-- 大额转个人 (docs/rules.md): one payment to an individual of $amount 元 or more (orange), of $red_amount or more red.
-- Subsidies to people go through 惠民发放 in small sums; a large sum to one person's account needs its grounds.
SELECT 'payment' AS subject_type, p.voucher_no AS subject_id, p.unit_id, p.amount,
       CASE WHEN p.amount >= $red_amount THEN 'red' ELSE 'orange' END AS severity,
       json_object('pay_date', p.pay_date, 'payee_name', p.payee_name, 'payee_account', p.payee_account,
                   'payee_bank', p.payee_bank, 'purpose', p.purpose) AS evidence
FROM payments p
WHERE p.pay_date <= $as_of::DATE AND p.payee_type = 'person' AND p.amount >= $amount
