-- 重复发放 (docs/rules.md), two kinds of subject.
-- Payments: the same payee (its account, else its name), the same amount and the same fund (through the indicator)
-- paid again within $days days. The later payment is the hit and names the one before it; checking only the nearest
-- earlier payment of the same payee, amount and fund is enough, since any earlier one is further away. Paid the same
-- day is red (most likely one voucher entered twice), else orange. A payment whose indicator is unknown has no known
-- fund and is not compared.
-- Payouts: the same ID number paid twice or more for one month and item — red, each payout after the first (in voucher
-- order) naming the first; unit = the payout's town.
WITH paid AS NOT MATERIALIZED (
  SELECT p.voucher_no, p.pay_date, p.amount, p.unit_id, p.payee_name, p.payee_account, i.fund_id,
         coalesce(nullif(trim(p.payee_account), ''), '名称:' || nullif(trim(p.payee_name), '')) AS payee_key
  FROM payments p JOIN indicators i ON i.id = p.indicator_id
  WHERE p.pay_date <= $as_of::DATE
),
-- Payee, amount and fund paid more than once at all: few, so only their payments are sorted by date below. Grouped
-- by one hash of the three (a collision only adds a candidate; the window below compares the values themselves).
repeated AS (
  SELECT hash(payee_key, amount, fund_id) AS k FROM paid
  WHERE payee_key IS NOT NULL
  GROUP BY k HAVING count(*) > 1
),
paired AS (
  SELECT paid.*,
         lag(voucher_no) OVER w AS earlier_voucher,
         lag(pay_date) OVER w AS earlier_date
  FROM paid
  WHERE payee_key IS NOT NULL AND hash(payee_key, amount, fund_id) IN (SELECT k FROM repeated)
  WINDOW w AS (PARTITION BY payee_key, amount, fund_id ORDER BY pay_date, voucher_no)
),
payouts_ranked AS (
  SELECT po.*,
         first_value(payout_key) OVER w AS first_key,
         row_number() OVER w AS nth
  FROM payouts_by($as_of::DATE) po
  WINDOW w AS (PARTITION BY id_number, month, item ORDER BY payout_key)
)
SELECT 'payment' AS subject_type, d.voucher_no AS subject_id, d.unit_id, d.amount,
       CASE WHEN d.pay_date = d.earlier_date THEN 'red' ELSE 'orange' END AS severity,
       json_object('date', d.pay_date, 'payee_name', d.payee_name, 'payee_account', d.payee_account,
                   'id_number', NULL, 'fund_or_item', f.name, 'earlier_voucher', d.earlier_voucher,
                   'earlier_date', d.earlier_date, 'days_apart', d.pay_date - d.earlier_date) AS evidence
FROM paired d JOIN funds f ON f.id = d.fund_id
WHERE d.earlier_voucher IS NOT NULL AND d.pay_date - d.earlier_date <= $days
UNION ALL
SELECT 'payout', r.payout_key, r.town_id, r.paid, 'red',
       json_object('date', r.month, 'payee_name', r.name, 'payee_account', r.account_no,
                   'id_number', r.id_number, 'fund_or_item', r.item, 'earlier_voucher', r.first_key,
                   'earlier_date', r.month, 'days_apart', 0)
FROM payouts_ranked r
WHERE r.nth > 1
