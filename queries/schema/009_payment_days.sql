-- The payments summed per day, indicator, paying unit, town and batch (docs/data-model.md: payment_days). Every
-- measure, and every count or sum of 支付明细 that filters by nothing a voucher alone has, reads money, dates, units
-- and towns only, so it reads these rows instead of every voucher: the demo's 10 million payments make a tenth as
-- many. Kept by the import, 撤销, unit merges and the demo build (queries/payments/days.ts);
-- test/unit/payment-days.test.ts proves it equal to the detail after each.
CREATE TABLE payment_days (
  batch_id     INTEGER,
  indicator_id VARCHAR,
  unit_id      INTEGER,
  town_id      INTEGER,
  pay_date     DATE NOT NULL,
  amount       DECIMAL(18,2) NOT NULL,
  n            INTEGER NOT NULL
);

INSERT INTO payment_days
SELECT batch_id, indicator_id, unit_id, town_id, pay_date, sum(amount)::DECIMAL(18,2), count(*)::INTEGER
FROM payments
GROUP BY ALL
ORDER BY pay_date, indicator_id;
