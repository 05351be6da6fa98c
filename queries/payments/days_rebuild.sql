-- payment_days (queries/schema/009_payment_days.sql) computed afresh from every payment, in date order so that a
-- filter on the date skips whole row groups. For writers that change payments in bulk: the demo build, test fixtures.
DELETE FROM payment_days;
INSERT INTO payment_days
SELECT batch_id, indicator_id, unit_id, town_id, pay_date, sum(amount)::DECIMAL(18,2), count(*)::INTEGER
FROM payments
GROUP BY ALL
ORDER BY pay_date, indicator_id;
