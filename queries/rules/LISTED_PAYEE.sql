-- 名单比对命中 (docs/rules.md): a payment whose payee account is on another department's list of accounts, or whose
-- payee name is on a list of companies (市场监管 失信/吊销 企业 …). Both sides are compared normalised (list_key:
-- trimmed, full-width made half-width); a name one character off is not a match. Orange: the reviewer judges whether
-- the listing bars the payment. One hit per payment, naming every value and list it matched: the listed companies and
-- the listed accounts apart, because an account is personal data and is masked where it is shown (docs/roles.md).
-- Payees repeat, so each distinct account and name is normalised once (not once per payment: at 10,000,000 payments
-- that alone would take most of the rule's time) and the matches are found among the payments by the raw text.
WITH matched AS (
  SELECT 'account' AS what, a.v AS raw, w.listed_value, w.list_label
  FROM (SELECT DISTINCT payee_account AS v FROM payments WHERE pay_date <= $as_of::DATE) a JOIN listed('account') w ON w.k = list_key(a.v)
  UNION ALL
  SELECT 'company', n.v, w.listed_value, w.list_label
  FROM (SELECT DISTINCT payee_name AS v FROM payments WHERE pay_date <= $as_of::DATE) n JOIN listed('company') w ON w.k = list_key(n.v)
), candidates AS (
  -- Only the payments to a matched payee are read whole: carrying every payment's columns through the statement took
  -- most of the rule's 15 s at 10,000,000 payments.
  SELECT voucher_no, unit_id, amount, pay_date, payee_name, payee_account, purpose
  FROM payments
  WHERE pay_date <= $as_of::DATE
    AND (payee_account IN (SELECT raw FROM matched WHERE what = 'account') OR payee_name IN (SELECT raw FROM matched WHERE what = 'company'))
), hits AS (
  SELECT c.voucher_no, m.what, m.listed_value, m.list_label
  FROM candidates c JOIN matched m
    ON (m.what = 'account' AND m.raw = c.payee_account) OR (m.what = 'company' AND m.raw = c.payee_name)
), by_payment AS (
  SELECT voucher_no,
         string_agg(DISTINCT listed_value, '；' ORDER BY listed_value) FILTER (WHERE what = 'company') AS listed_company,
         string_agg(DISTINCT listed_value, '；' ORDER BY listed_value) FILTER (WHERE what = 'account') AS listed_account,
         string_agg(DISTINCT list_label, '；' ORDER BY list_label) AS list
  FROM hits GROUP BY voucher_no
)
SELECT 'payment' AS subject_type, p.voucher_no AS subject_id, p.unit_id, p.amount, 'orange' AS severity,
       json_object('pay_date', p.pay_date, 'payee_name', p.payee_name, 'payee_account', p.payee_account,
                   'listed_company', h.listed_company, 'listed_account', h.listed_account, 'list', h.list,
                   'purpose', p.purpose) AS evidence
FROM by_payment h JOIN candidates p ON p.voucher_no = h.voucher_no
