import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/queries/db';
import type { Scope } from '@/lib/auth/roles';
import { EMPTY_VIEW_FILTER } from '@/lib/views/filter';
import type { PaymentQuery } from '@/queries/payments';
import { levelTotals, monthlyProgress, type OverviewFilter } from '@/queries/overview';
import { listPayments, paymentOptions } from '@/queries/payments';
import { csv, importText, useSeededCounty } from '../fixtures/import-load/helpers';
import { viewLines } from '../helpers/view-lines';

/** Every payment of the fixture (all in 2018): budget year 2018 to its last day, on basis 'all' (docs/views.md). */
const EVERY: PaymentQuery = { ...EMPTY_VIEW_FILTER, year: 2018, asOf: '2018-12-31', basis: 'all' };

// A town measured on its own money (docs/units.md): the county allocates to 甲镇, and the treasury export shows the
// town paying as 甲镇人民政府 (the town itself), 甲镇财政所 and 甲镇便民服务中心 (its sub-units). Both files go
// through the real import with 允许新建单位. seedCounty: towns 101 甲镇, 102 乙镇, department 201 县农业农村局;
// indicators ZB001 and ZB002 (central), ZB003 (province).
const ALLOCATIONS = csv([
  ['分配明细号', '指标明细号', '接收单位', '分配金额', '分配日期'],
  ['FP1', 'ZB001', '甲镇', '400,000.00', '2018-01-20'],
  ['FP2', 'ZB002', '甲镇', '100,000.00', '2018-02-20'],
  ['FP3', 'ZB001', '乙镇', '200,000.00', '2018-01-20'],
  ['FP4', 'ZB001', '县农业农村局', '300,000.00', '2018-01-25'],
  ['FP5', 'ZB003', '甲镇财政所', '50,000.00', '2018-03-15'],
]);
const PAYMENTS = csv([
  ['支付凭证号', '支付日期', '支付金额', '指标明细号', '预算单位', '乡镇', '用途'],
  ['ZF01', '2018-03-05', '120,000.00', 'ZB001', '甲镇人民政府', '', '道路硬化'],
  ['ZF02', '2018-04-10', '35,000.50', 'ZB001', '甲镇财政所', '', '产业奖补'],
  ['ZF03', '2018-05-18', '18,250.25', 'ZB002', '甲镇便民服务中心', '', '危房改造'],
  ['ZF04', '2018-06-20', '-5,000.00', 'ZB002', '甲镇人民政府', '', '冲销'],
  ['ZF05', '2018-07-01', '9,999.99', 'ZB001', '甲镇财政所', '', '产业奖补'], // after the as-of date
  ['ZF06', '2018-04-12', '60,000.00', 'ZB001', '县农业农村局', '甲镇', '种苗'], // a county department, for 甲镇
  ['ZF07', '2018-05-02', '30,000.00', 'ZB001', '乙镇政府', '', '水窖'],
  ['ZF08', '2018-06-01', '12,000.00', 'ZB003', '甲镇财政所', '', '助学'],
]);

const JIA = 101;
const AS_OF: OverviewFilter = { year: 2018, asOf: '2018-06-30', timeProgressMode: 'month' };
const ALL: Scope = { kind: 'all' };

describe('a town with sub-units, imported as the treasury writes it', () => {
  let db: Db;
  let caizheng: number;
  useSeededCounty((d) => (db = d));
  beforeAll(async () => {
    expect((await importText(db, 'allocations', ALLOCATIONS, { allowNewUnits: true })).accepted).toBe(5);
    expect((await importText(db, 'payments', PAYMENTS, { allowNewUnits: true })).accepted).toBe(8);
    const subUnits = await db.all<{ id: number; name: string }>(
      "SELECT id, name FROM units WHERE parent_id = 101 AND kind = 'department' ORDER BY name");
    expect(subUnits.map((u) => u.name)).toEqual(['甲镇便民服务中心', '甲镇财政所']);
    caizheng = subUnits[1].id;
  });

  // By hand, as of 2018-06-30 (序时进度 6/12):
  //   甲镇's budget = FP1 400,000 + FP2 100,000 + FP5 50,000 (to 甲镇财政所)          = 550,000.00
  //   甲镇's paid   = ZF01 120,000 + ZF02 35,000.50 + ZF03 18,250.25 − ZF04 5,000 + ZF08 12,000 = 180,250.75
  //   (ZF05 is after the as-of date; ZF06 is 县农业农村局's spending, made for 甲镇.)
  const budget = 400000 + 100000 + 50000;
  const paid = 120000 + 35000.5 + 18250.25 - 5000 + 12000;

  it('the town ranking counts the town\'s and its sub-units\' money in the town\'s line', async () => {
    const towns = Object.fromEntries((await viewLines(db, 'towns', AS_OF, ALL)).map((r) => [r.name, r]));
    expect(Object.keys(towns).sort()).toEqual(['乙镇', '甲镇']);
    expect(towns['甲镇']).toMatchObject({ total: budget.toFixed(2), paid: paid.toFixed(2), gap_amount: (paid - budget / 2).toFixed(2) });
    expect(towns['甲镇'].total).toBe('550000.00');
    expect(towns['甲镇'].paid).toBe('180250.75');
    expect(towns['甲镇'].spend_rate).toBeCloseTo(180250.75 / 550000, 12);
    expect(towns['甲镇'].gap_points).toBeCloseTo((180250.75 / 550000 - 0.5) * 100, 9);
    // 乙镇 paid as 乙镇政府: 30,000 of 200,000.
    expect(towns['乙镇']).toMatchObject({ total: '200000.00', paid: '30000.00' });
    expect(towns['乙镇'].spend_rate).toBeCloseTo(0.15, 12);
  });

  it('sub-units are not listed among the county departments', async () => {
    const departments = await viewLines(db, 'departments', AS_OF, ALL);
    expect(departments.map((r) => [r.name, r.total, r.paid])).toEqual([['县农业农村局', '300000.00', '60000.00']]);
  });

  it('a town user\'s KPI cards and trend are the town\'s and its sub-units\'', async () => {
    const town: Scope = { kind: 'town', unitId: JIA };
    const rows = await levelTotals(db, AS_OF, town);
    // central: FP1 + FP2 = 500,000, paid 120,000 + 35,000.50 + 18,250.25 − 5,000; province: FP5 50,000, paid 12,000.
    expect(rows.map((r) => [r.level, r.total, r.allocated, r.paid])).toEqual([
      ['central', '500000.00', '500000.00', '168250.75'],
      ['province', '50000.00', '50000.00', '12000.00'],
      [null, '550000.00', '550000.00', '180250.75'],
    ]);
    expect(rows[2].spend_rate).toBeCloseTo(180250.75 / 550000, 12);
    const points = await monthlyProgress(db, AS_OF, town);
    expect(points.map((p) => p.total)).toEqual(['400000.00', '500000.00', '550000.00', '550000.00', '550000.00', '550000.00']);
    expect(points.map((p) => p.paid)).toEqual(['0.00', '0.00', '120000.00', '155000.50', '173250.75', '180250.75']);
  });

  it('a user bound to a sub-unit is measured on that sub-unit alone', async () => {
    const rows = await levelTotals(db, AS_OF, { kind: 'department', unitId: caizheng });
    // FP5 50,000 on ZB003 (province); paid ZF02 35,000.50 (on ZB001, central, where it has no budget) + ZF08 12,000.
    expect(rows.map((r) => [r.level, r.total, r.paid])).toEqual([
      ['central', '0.00', '35000.50'], ['province', '50000.00', '12000.00'], [null, '50000.00', '47000.50'],
    ]);
  });

  const vouchers = async (scope: Scope, town: number | null = null) =>
    (await listPayments(db, { ...EVERY, town }, scope, { page: 1, pageSize: 100 })).rows.map((r) => r.voucher_no).sort();

  it('a town user reads its own and its sub-units\' payments and those made for it, and no other town\'s', async () => {
    const town: Scope = { kind: 'town', unitId: JIA };
    expect(await vouchers(town)).toEqual(['ZF01', 'ZF02', 'ZF03', 'ZF04', 'ZF05', 'ZF06', 'ZF08']);
    expect(await vouchers({ kind: 'town', unitId: 102 })).toEqual(['ZF07']);
    expect((await paymentOptions(db, town)).towns.map((t) => t.name)).toEqual(['甲镇']);
  });

  it('支付明细\'s 镇 filter selects the same payments as the town user reads', async () => {
    expect(await vouchers(ALL, JIA)).toEqual(['ZF01', 'ZF02', 'ZF03', 'ZF04', 'ZF05', 'ZF06', 'ZF08']);
    expect(await vouchers(ALL, 102)).toEqual(['ZF07']);
    expect((await paymentOptions(db, ALL)).towns.map((t) => t.name)).toEqual(['甲镇', '乙镇']);
  });
});
