-- The budget years that have indicators, newest first, each with the last date on which anything happened to them.
SELECT
  i.year,
  greatest(max(i.received_date),
           coalesce((SELECT max(p.pay_date) FROM payment_days p WHERE year(p.pay_date) = i.year), max(i.received_date)))::VARCHAR AS last_date
FROM indicators i
GROUP BY i.year
ORDER BY i.year DESC
