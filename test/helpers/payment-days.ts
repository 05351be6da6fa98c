import type { Db } from '@/queries/db';

/**
 * How many (batch, indicator, unit, town, day) groups differ between the payments and payment_days, both ways: 0 when
 * the per-day sums hold exactly the detail's money and voucher counts. A group split over several rollup rows (two
 * batches, a merge) is summed first, as every reader does.
 */
export async function paymentDaysDrift(db: Db): Promise<number> {
  const row = await db.one<{ n: string }>(`
    WITH d AS (SELECT batch_id, indicator_id, unit_id, town_id, pay_date, sum(amount) AS amount, count(*) AS n
               FROM payments GROUP BY ALL),
         r AS (SELECT batch_id, indicator_id, unit_id, town_id, pay_date, sum(amount) AS amount, sum(n) AS n
               FROM payment_days GROUP BY ALL)
    SELECT (SELECT count(*) FROM (SELECT * FROM d EXCEPT SELECT * FROM r))
         + (SELECT count(*) FROM (SELECT * FROM r EXCEPT SELECT * FROM d)) AS n`);
  return Number(row?.n);
}
