-- (a CTE after velocity_rows.sql) 资金流速's last step: the day the payments against an indicator first reach 80 % of
-- its amount, by the 截止日期 (null: not yet). Payments are summed per day (payment_days), so the 80 % day is a day,
-- whatever the order of one day's vouchers.
, velocity_paid_80 AS (
  SELECT d.indicator_id, min(d.pay_date) FILTER (WHERE d.cumulative >= 0.8 * ind.amount) AS paid_80
  FROM (
    SELECT p.indicator_id, p.pay_date,
           sum(sum(p.amount)) OVER (PARTITION BY p.indicator_id ORDER BY p.pay_date) AS cumulative
    FROM payment_days p CROSS JOIN params
    WHERE p.pay_date <= params.as_of AND p.indicator_id IN (SELECT id FROM ind)
    GROUP BY p.indicator_id, p.pay_date
  ) d
  JOIN ind ON ind.id = d.indicator_id
  GROUP BY d.indicator_id
),
velocity_rows_80 AS (
  SELECT v.*, p.paid_80, (p.paid_80 - v.received_date)::INTEGER AS days_to_80
  FROM velocity_rows v LEFT JOIN velocity_paid_80 p ON p.indicator_id = v.id
)
