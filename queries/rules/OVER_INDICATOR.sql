-- 超指标支付 (docs/rules.md): the payments made against an indicator by the 截止日期 exceed its amount; the excess is
-- the amount, and the evidence names the day the running total first passed the indicator. Paying out more than the
-- indicator is never allowed, so every hit is red. Answerable: the fund's 股室.
WITH days AS (
  SELECT p.indicator_id, p.pay_date, sum(p.amount) AS paid
  FROM payment_days p
  WHERE p.pay_date <= $as_of::DATE AND p.indicator_id IS NOT NULL
  GROUP BY ALL
),
running AS (
  SELECT d.*, sum(d.paid) OVER (PARTITION BY d.indicator_id ORDER BY d.pay_date) AS cumulative
  FROM days d
),
per_indicator AS (
  SELECT r.indicator_id, sum(r.paid) AS paid, min(r.pay_date) FILTER (WHERE r.cumulative > i.amount) AS over_date
  FROM running r JOIN indicators i ON i.id = r.indicator_id
  GROUP BY ALL
)
SELECT 'indicator' AS subject_type, i.id AS subject_id, f.section_id AS unit_id, pi.paid - i.amount AS amount,
       'red' AS severity,
       json_object('fund', f.name, 'received_date', i.received_date, 'indicator_amount', i.amount,
                   'paid', pi.paid, 'excess', pi.paid - i.amount, 'over_date', pi.over_date) AS evidence
FROM per_indicator pi
JOIN indicators i ON i.id = pi.indicator_id
JOIN funds f ON f.id = i.fund_id
WHERE pi.paid > i.amount AND i.received_date <= $as_of::DATE
