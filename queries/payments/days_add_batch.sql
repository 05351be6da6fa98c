-- An import's payments (batch $batch) added to payment_days, in the import's transaction. A day, indicator and unit
-- already there from another batch gets a second row: readers sum, and 撤销 removes exactly this batch's rows.
INSERT INTO payment_days
SELECT batch_id, indicator_id, unit_id, town_id, pay_date, sum(amount)::DECIMAL(18,2), count(*)::INTEGER
FROM payments
WHERE batch_id = $batch
GROUP BY ALL
ORDER BY pay_date, indicator_id;
