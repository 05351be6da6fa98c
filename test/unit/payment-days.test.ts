import { describe, expect, it } from 'vitest';
import type { Db } from '@/queries/db';
import type { Viewer } from '@/lib/auth/roles';
import { levelTotals } from '@/queries/overview';
import { rollbackBatch } from '@/queries/import/rollback';
import { adminMergeUnits } from '@/lib/units/unit-admin';
import { csv, importText, useSeededCounty } from '../fixtures/import-load/helpers';
import { paymentDaysDrift } from '../helpers/payment-days';

// payment_days (docs/data-model.md) is what every measure reads; it must hold exactly the payments' money after each
// way payments change: an import, a second import onto the same days, 撤销, a unit merge. Seeded county: ZB001 and
// ZB002 are central indicators of 2018; 201 县农业农村局, 202 县水利局, 101 甲镇.
const HEADER = ['支付凭证号', '支付日期', '支付金额', '指标明细号', '预算单位', '乡镇'];
const admin: Viewer = { id: 1, username: 'admin', displayName: null, role: 'admin', unitId: null, unitName: null };
const AS_OF = { year: 2018, asOf: '2018-03-31', timeProgressMode: 'month' as const };

const days = (db: Db) => db.all<{ indicator_id: string; unit_id: number; town_id: number | null; pay_date: string; amount: string; n: number }>(
  `SELECT indicator_id, unit_id, town_id, pay_date::VARCHAR AS pay_date, sum(amount)::VARCHAR AS amount, sum(n)::INTEGER AS n
   FROM payment_days GROUP BY ALL ORDER BY pay_date, indicator_id, unit_id`);
const centralPaid = async (db: Db) => (await levelTotals(db, AS_OF, { kind: 'all' })).find((r) => r.level === 'central')?.paid;

describe('payment_days, the payments summed per day', () => {
  let db: Db;
  useSeededCounty((d) => (db = d));
  let second = 0;

  it('an import adds its payments summed per day, indicator and unit', async () => {
    await importText(db, 'payments', csv([HEADER,
      ['P1', '2018-03-01', '100.00', 'ZB001', '甲镇'],
      ['P2', '2018-03-01', '50.50', 'ZB001', '甲镇'],
      ['P3', '2018-03-02', '200.00', 'ZB002', '县水利局', '乙镇'],
      ['P4', '2018-03-05', '-20.00', 'ZB001', '甲镇'],
    ]));
    expect(await days(db)).toEqual([
      { indicator_id: 'ZB001', unit_id: 101, town_id: null, pay_date: '2018-03-01', amount: '150.50', n: 2 },
      { indicator_id: 'ZB002', unit_id: 202, town_id: 102, pay_date: '2018-03-02', amount: '200.00', n: 1 },
      { indicator_id: 'ZB001', unit_id: 101, town_id: null, pay_date: '2018-03-05', amount: '-20.00', n: 1 },
    ]);
    expect(await paymentDaysDrift(db)).toBe(0);
    // 150.50 + 200 − 20
    expect(await centralPaid(db)).toBe('330.50');
  });

  it('a second import onto the same day adds to it, and 撤销 takes exactly that batch out again', async () => {
    const r = await importText(db, 'payments', csv([HEADER, ['P5', '2018-03-01', '9.50', 'ZB001', '甲镇']]));
    second = r.batch_id;
    expect((await days(db))[0]).toEqual({ indicator_id: 'ZB001', unit_id: 101, town_id: null, pay_date: '2018-03-01', amount: '160.00', n: 3 });
    expect(await paymentDaysDrift(db)).toBe(0);
    expect(await centralPaid(db)).toBe('340.00');
    await rollbackBatch(db, second, 'admin');
    expect((await days(db))[0]).toMatchObject({ amount: '150.50', n: 2 });
    expect(await paymentDaysDrift(db)).toBe(0);
    expect(await centralPaid(db)).toBe('330.50');
  });

  it('a unit merge renames the unit and the town in the sums too', async () => {
    expect(await adminMergeUnits(db, admin, 202, 201, null)).toMatchObject({ ok: true });
    expect(await adminMergeUnits(db, admin, 102, 101, null)).toMatchObject({ ok: true });
    expect((await days(db)).map((d) => [d.unit_id, d.town_id])).toEqual([[101, null], [201, 101], [101, null]]);
    expect(await paymentDaysDrift(db)).toBe(0);
    expect(await centralPaid(db)).toBe('330.50');
  });
});
