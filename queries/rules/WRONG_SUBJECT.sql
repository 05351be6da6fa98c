-- 科目不符 (docs/rules.md): poverty money booked outside poverty spending. The 功能科目 classes that are never poverty
-- spending — 202 外交, 203 国防, 204 公共安全, 227 预备费, 230 转移性支出, 232 债务付息, 233 债务发行费用 — are kept
-- here, not in settings, because a setting is a number. Such a class is orange; an empty 功能科目 (the payment cannot
-- be classed) and 经济科目 39999 其他支出 (the payment hides what it bought) are yellow.
WITH checked AS (
  SELECT p.*, nullif(trim(p.func_code), '') IS NULL AS func_empty,
         coalesce(left(trim(p.func_code), 3) IN ('202', '203', '204', '227', '230', '232', '233'), false) AS func_outside,
         coalesce(trim(p.eco_code) = '39999', false) AS eco_other
  FROM payments p
  WHERE p.pay_date <= $as_of::DATE AND p.amount >= $min_amount
)
SELECT 'payment' AS subject_type, voucher_no AS subject_id, unit_id, amount,
       CASE WHEN func_outside THEN 'orange' ELSE 'yellow' END AS severity,
       json_object('pay_date', pay_date, 'func_code', func_code, 'eco_code', eco_code,
                   'reason', concat_ws('；',
                     CASE WHEN func_empty THEN '功能科目为空' END,
                     CASE WHEN func_outside THEN '功能科目' || left(trim(func_code), 3) || '类不属扶贫支出' END,
                     CASE WHEN eco_other THEN '经济科目39999其他支出' END),
                   'payee_name', payee_name, 'purpose', purpose) AS evidence
FROM checked
WHERE func_empty OR func_outside OR eco_other
