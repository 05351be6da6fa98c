-- 一卡多人 (docs/rules.md): one bank account receiving subsidies for $ids or more distinct ID numbers by the 截止日期
-- (冒领: one card collecting for several people). Orange. The unit is the town of most of those people (the lowest
-- unit id on a tie); the amount is everything paid into the account.
WITH paid AS (
  SELECT trim(po.account_no) AS account, po.id_number, po.name, po.town_id, po.paid, po.month
  FROM payouts_by($as_of::DATE) po
  WHERE nullif(trim(po.account_no), '') IS NOT NULL
),
shared AS (
  SELECT account, count(DISTINCT id_number) AS ids, count(*) AS payouts, sum(paid) AS amount,
         string_agg(DISTINCT name, '、' ORDER BY name) AS names, min(month) AS first_month, max(month) AS last_month
  FROM paid
  GROUP BY account
  HAVING count(DISTINCT id_number) >= $ids
),
town AS (
  SELECT account, town_id FROM paid
  WHERE account IN (SELECT account FROM shared) AND town_id IS NOT NULL
  GROUP BY account, town_id
  QUALIFY row_number() OVER (PARTITION BY account ORDER BY count(DISTINCT id_number) DESC, town_id) = 1
)
SELECT 'account' AS subject_type, s.account AS subject_id, t.town_id AS unit_id, s.amount, 'orange' AS severity,
       json_object('ids', s.ids, 'names', s.names, 'payouts', s.payouts, 'first_month', s.first_month,
                   'last_month', s.last_month) AS evidence
FROM shared s LEFT JOIN town t ON t.account = s.account
