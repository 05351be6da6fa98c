import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/queries/db';
import type { Scope } from '@/lib/auth/roles';
import { EMPTY_VIEW_FILTER } from '@/lib/views/filter';
import type { PaymentQuery } from '@/queries/payments';
import { exportPayments, listPayments } from '@/queries/payments';
import { paymentQuality, paymentsWithGap } from '@/queries/import/quality';
import { levelTotals } from '@/queries/overview';
import { csv, importText, useSeededCounty } from '../fixtures/import-load/helpers';

/** Every payment of the fixture (all in 2018): budget year 2018 to its last day, on basis 'all' (docs/views.md). */
const EVERY: PaymentQuery = { ...EMPTY_VIEW_FILTER, year: 2018, asOf: '2018-12-31', basis: 'all' };

// One visibility rule (queries/visibility.sql) behind 支付明细, its exports and 数据质量. seedCounty: towns
// 101 甲镇 and 102 乙镇, departments 201 县农业农村局 and 202 县水利局; ZB001 is fund 22 (农财所, section 4), ZB003 fund 43
// (教科文股, section 2). Three payments, imported as a user would:
//   V-T1  by the admin: 县农业农村局 pays for 甲镇 against ZB001;
//   V-A1  by the admin: 县水利局, indicator ZB999 unknown;
//   V-S1  by 农财所: 县水利局, no 指标明细号 (accepted because its 资金名称 is 农财所's fund; an unknown 明细号 would be
//         refused, docs/import-limits.md).
const NONGCAI = 4;
const JIAOKEWEN = 2;
const HEADER = ['支付凭证号', '支付日期', '支付金额', '指标明细号', '资金名称', '预算单位', '乡镇'];

describe('which payments a viewer may read', () => {
  let db: Db;
  useSeededCounty((d) => (db = d));
  beforeAll(async () => {
    const admin = await importText(db, 'payments', csv([
      HEADER,
      ['V-T1', '2018-05-02', '1000', 'ZB001', '', '县农业农村局', '甲镇'],
      ['V-A1', '2018-05-03', '300', 'ZB999', '', '县水利局', ''],
    ]));
    const section = await importText(db, 'payments', csv([
      HEADER,
      ['V-S1', '2018-05-04', '70', '', '中央财政专项扶贫资金', '县水利局', ''],
    ]), { sectionId: NONGCAI });
    expect([admin.accepted, section.accepted]).toEqual([2, 1]);
  });

  const listed = async (scope: Scope) =>
    (await listPayments(db, EVERY, scope, { page: 1, pageSize: 100 })).rows.map((r) => r.voucher_no).sort();
  const exported = async (scope: Scope) => {
    const vouchers: string[] = [];
    for await (const rows of exportPayments(db, EVERY, scope, 100)) vouchers.push(...rows.map((r) => r.voucher_no));
    return vouchers.sort();
  };
  /** 数据质量: [unit, payments, unmatched to an indicator] per paying unit. */
  const quality = async (scope: Scope) =>
    (await paymentQuality(db, scope)).map((r) => [r.unit_id, r.payments, r.unmatched_indicator]);
  const unmatched = async (scope: Scope) => (await paymentsWithGap(db, scope, 'indicator')).map((p) => p.voucher_no);

  it('a town reads a payment a department made for it, in the list, the export and 数据质量', async () => {
    const jia: Scope = { kind: 'town', unitId: 101 };
    expect(await listed(jia)).toEqual(['V-T1']);
    expect(await exported(jia)).toEqual(['V-T1']);
    expect(await quality(jia)).toEqual([[201, 1, 0]]);
  });

  it('another town reads none of them', async () => {
    const yi: Scope = { kind: 'town', unitId: 102 };
    expect(await listed(yi)).toEqual([]);
    expect(await quality(yi)).toEqual([]);
    expect(await unmatched(yi)).toEqual([]);
  });

  it('a 股室 reads its funds\' payments and the unmatched payment of its own import, not the admin\'s', async () => {
    const nongcai: Scope = { kind: 'section', unitId: NONGCAI };
    expect(await listed(nongcai)).toEqual(['V-S1', 'V-T1']);
    expect(await quality(nongcai)).toEqual([[201, 1, 0], [202, 1, 1]]);
    expect(await unmatched(nongcai)).toEqual(['V-S1']);
    // Another 股室 has no payments on its funds here and imported nothing.
    expect(await listed({ kind: 'section', unitId: JIAOKEWEN })).toEqual([]);
    expect(await unmatched({ kind: 'section', unitId: JIAOKEWEN })).toEqual([]);
  });

  it('a department reads what it paid, whoever imported it; everyone-scope reads everything', async () => {
    expect(await listed({ kind: 'department', unitId: 202 })).toEqual(['V-A1', 'V-S1']);
    expect(await unmatched({ kind: 'department', unitId: 202 })).toEqual(['V-A1', 'V-S1']);
    expect(await listed({ kind: 'all' })).toEqual(['V-A1', 'V-S1', 'V-T1']);
    expect(await quality({ kind: 'all' })).toEqual([[202, 2, 2], [201, 1, 0]]);
  });

  it('reading is not spending: the town\'s overview does not count the department\'s payment for it', async () => {
    const filter = { year: 2018, asOf: '2018-12-31', timeProgressMode: 'month' as const };
    expect((await levelTotals(db, filter, { kind: 'town', unitId: 101 })).map((r) => r.paid)).toEqual(['0.00']);
    expect((await levelTotals(db, filter, { kind: 'department', unitId: 201 })).map((r) => r.paid)).toEqual(['1000.00', '1000.00']);
  });
});
