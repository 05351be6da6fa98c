-- 名单比对命中 (docs/rules.md): a payment whose payee account is on another department's list of accounts, or whose
-- payee name is on a list of companies (市场监管 失信/吊销 企业 …). Both sides are compared normalised (list_key:
-- trimmed, full-width made half-width); a name one character off is not a match. Orange: the reviewer judges whether
-- the listing bars the payment. One hit per payment, naming every value and list it matched.
WITH hits AS (
  SELECT p.voucher_no, w.listed_value, w.list_label
  FROM payments p JOIN listed('account') w ON w.k = list_key(p.payee_account)
  WHERE p.pay_date <= $as_of::DATE
  UNION ALL
  SELECT p.voucher_no, w.listed_value, w.list_label
  FROM payments p JOIN listed('company') w ON w.k = list_key(p.payee_name)
  WHERE p.pay_date <= $as_of::DATE
), by_payment AS (
  SELECT voucher_no, string_agg(DISTINCT listed_value, '；' ORDER BY listed_value) AS matched,
         string_agg(DISTINCT list_label, '；' ORDER BY list_label) AS list
  FROM hits GROUP BY voucher_no
)
SELECT 'payment' AS subject_type, p.voucher_no AS subject_id, p.unit_id, p.amount, 'orange' AS severity,
       json_object('pay_date', p.pay_date, 'payee_name', p.payee_name, 'payee_account', p.payee_account,
                   'matched', h.matched, 'list', h.list, 'purpose', p.purpose) AS evidence
FROM by_payment h JOIN payments p ON p.voucher_no = h.voucher_no
