-- The day a page of the list reaches back to (after filtered.sql on payment_days): the newest day by which the
-- filtered payments, counted from the newest, number $need (the page's offset + size). NULL when there are fewer:
-- the list then reads them all.
SELECT max(pay_date)::VARCHAR AS cutoff
FROM (SELECT pay_date, sum(sum(n)) OVER (ORDER BY pay_date DESC) AS seen FROM filtered GROUP BY pay_date)
WHERE seen >= $need
