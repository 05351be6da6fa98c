-- 摘要不规范 (docs/rules.md): a 用途摘要 that does not say what the money paid for. The memo is read without its
-- punctuation, symbols and spaces; it fails when nothing is left (empty: yellow), or only digits, or a word that names
-- no purpose (the list below, kept here because a setting is a number), or fewer than $min_chars characters (blue).
WITH memo AS (
  SELECT p.*, regexp_replace(coalesce(p.purpose, ''), '[\p{P}\p{S}\s]', '', 'g') AS words
  FROM payments p
  WHERE p.pay_date <= $as_of::DATE
),
judged AS (
  SELECT memo.*,
         CASE WHEN words = '' THEN '摘要为空'
              WHEN regexp_full_match(words, '\p{N}+') THEN '摘要只有数字'
              WHEN lower(words) IN ('无', '付款', '支付', '款', '费用', '其他', '其它', '详见附件', '见附件', '附件', '略',
                                    '同上', '备注', '转账', '划款', '拨款', '货款', '往来款', '资金', '款项', '测试',
                                    'test', 'na', 'null') THEN '摘要无实际内容'
              WHEN length(words) < $min_chars THEN '摘要过短' END AS reason
  FROM memo
)
SELECT 'payment' AS subject_type, voucher_no AS subject_id, unit_id, amount,
       CASE WHEN words = '' THEN 'yellow' ELSE 'blue' END AS severity,
       json_object('pay_date', pay_date, 'purpose', purpose, 'reason', reason, 'payee_name', payee_name) AS evidence
FROM judged
WHERE reason IS NOT NULL
