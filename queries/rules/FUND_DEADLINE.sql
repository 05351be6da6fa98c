-- 最后使用关口 (docs/rules.md "Risk points per fund"): a fund's money still unspent when the final date its 股室 set
-- (fund_risk_points.final_date) has passed or comes within $days days of the 截止日期. One hit per indicator of the
-- fund received by the final date and by the 截止日期 — money that arrived after the final date was not due by it —
-- whose balance (the indicator less the payments made against it by the 截止日期) is above zero; an overspent
-- indicator is OVER_INDICATOR's. Red once the final date is past; orange from $days days before it up to the date
-- itself, the last day the money may still be spent. Answerable: the fund's 股室.
WITH due AS (
  SELECT i.id, i.amount, f.section_id, f.name AS fund_name, r.final_date,
         (r.final_date - $as_of::DATE)::INTEGER AS days_left
  FROM indicators i JOIN funds f ON f.id = i.fund_id
  JOIN fund_risk_points r ON r.fund_id = i.fund_id
  WHERE i.received_date <= least(r.final_date, $as_of::DATE)
    AND r.final_date <= $as_of::DATE + $days::INTEGER
),
spent AS (
  SELECT p.indicator_id, sum(p.amount) AS paid
  FROM payment_days p
  WHERE p.pay_date <= $as_of::DATE AND p.indicator_id IN (SELECT id FROM due)
  GROUP BY ALL
),
balances AS (
  SELECT d.*, coalesce(s.paid, 0) AS paid, d.amount - coalesce(s.paid, 0) AS balance
  FROM due d LEFT JOIN spent s ON s.indicator_id = d.id
)
SELECT 'indicator' AS subject_type, id AS subject_id, section_id AS unit_id, balance AS amount,
       CASE WHEN days_left < 0 THEN 'red' ELSE 'orange' END AS severity,
       json_object('fund', fund_name, 'final_date', final_date, 'days_left', days_left, 'received', amount,
                   'paid', paid, 'balance', balance) AS evidence
FROM balances
WHERE balance > 0
