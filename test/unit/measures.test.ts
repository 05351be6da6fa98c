import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/queries/db';
import { levelTotals, monthlyProgress, type OverviewFilter } from '@/queries/overview';
import { tempDb } from '../helpers/temp-db';
import type { Scope } from '@/lib/auth/roles';
import { viewLines } from '../helpers/view-lines';
import { loadFixture } from '../helpers/fixture';

const ALL: Scope = { kind: 'all' };

// A county small enough to compute by hand. Catalog fund ids: 22 = 中央财政专项扶贫资金 (central, 农财所),
// 43 = 中小学公用经费补助资金 (province, 教科文股), 128 = 农业发展专项资金 (county, 农财所).
const FIXTURE = `
INSERT INTO units (id, kind, name) VALUES (101, 'town', '甲镇'), (102, 'town', '乙镇'), (201, 'department', '县教育局');
INSERT INTO indicators (id, fund_id, level, year, amount, received_date) VALUES
  ('I1', 22, 'central', 2018, 1000000.00, '2018-01-10'),
  ('I2', 43, 'province', 2018, 500000.00, '2018-03-05'),
  ('I3', 128, 'county', 2018, 300000.00, '2018-07-01'),  -- received after the as-of date
  ('I4', 22, 'central', 2017, 200000.00, '2017-05-01');  -- another budget year
INSERT INTO allocations (id, indicator_id, unit_id, amount, alloc_date) VALUES
  ('A1', 'I1', 101, 600000.00, '2018-01-20'),
  ('A2', 'I1', 102, 300000.00, '2018-02-01'),
  ('A3', 'I2', 201, 500000.00, '2018-06-20');           -- allocated after the as-of date
INSERT INTO payments (voucher_no, indicator_id, unit_id, amount, pay_date) VALUES
  ('P1', 'I1', 101, 250000.00, '2018-03-15'),
  ('P2', 'I1', 101, 50000.50, '2018-06-15'),            -- on the as-of date: counts
  ('P3', 'I1', 102, 100000.00, '2018-06-16'),           -- the day after: must not count
  ('P4', 'I2', 201, 120000.00, '2018-05-10'),
  ('P5', 'I2', 201, -20000.00, '2018-05-20'),           -- 冲销 (reversal) counts negative
  ('P6', 'I4', 101, 80000.00, '2018-02-01');            -- against the 2017 indicator
`;

const asOf = (date: string, mode: 'month' | 'day' = 'month'): OverviewFilter => ({ year: 2018, asOf: date, timeProgressMode: mode });

describe('overview measures on a hand-computed fixture', () => {
  let db: Db;
  let cleanup: () => void;
  beforeAll(async () => {
    ({ db, cleanup } = await tempDb());
    await loadFixture(db, FIXTURE);
  });
  afterAll(() => cleanup());

  it('totals by level and overall, as of 2018-06-15 (序时进度 6/12)', async () => {
    const rows = await levelTotals(db, asOf('2018-06-15'), ALL);
    expect(rows.map((r) => r.level)).toEqual(['central', 'province', null]);
    const [central, province, all] = rows;
    // central: I1 only. paid = 250,000 + 50,000.50; allocated = 600,000 + 300,000.
    expect(central).toMatchObject({ total: '1000000.00', allocated: '900000.00', paid: '300000.50', gap_amount: '-199999.50' });
    expect(central.alloc_rate).toBeCloseTo(0.9, 12);
    expect(central.spend_rate).toBeCloseTo(0.3000005, 12);
    expect(central.gap_points).toBeCloseTo(-19.99995, 9);
    // province: I2, nothing allocated yet, 120,000 − 20,000 paid.
    expect(province).toMatchObject({ total: '500000.00', allocated: '0.00', paid: '100000.00', gap_amount: '-150000.00' });
    expect(province.spend_rate).toBeCloseTo(0.2, 12);
    expect(province.gap_points).toBeCloseTo(-30, 9);
    // all: 1.5 million received, 400,000.50 paid; gap amount = 400,000.50 − 0.5 × 1,500,000.
    expect(all).toMatchObject({ total: '1500000.00', allocated: '900000.00', paid: '400000.50', gap_amount: '-349999.50' });
    expect(all.alloc_rate).toBeCloseTo(0.6, 12);
    expect(all.spend_rate).toBeCloseTo(400000.5 / 1500000, 12);
    expect(all.gap_points).toBeCloseTo((400000.5 / 1500000 - 0.5) * 100, 9);
  });

  it('a payment the day after the as-of date counts only from that day', async () => {
    const [, , before] = await levelTotals(db, asOf('2018-06-15'), ALL);
    const [, , after] = await levelTotals(db, asOf('2018-06-16'), ALL);
    expect(before.paid).toBe('400000.50');
    expect(after.paid).toBe('500000.50');
  });

  it('an indicator received after the as-of date is not in the total', async () => {
    const rows = await levelTotals(db, asOf('2018-07-01'), ALL);
    expect(rows.find((r) => r.level === 'county')).toMatchObject({ total: '300000.00', paid: '0.00', spend_rate: 0 });
  });

  it('sections are measured on the indicators of the funds they manage', async () => {
    const rows = await viewLines(db, 'sections', asOf('2018-06-15'), ALL);
    const byName = Object.fromEntries(rows.map((r) => [r.name, r]));
    expect(Object.keys(byName).sort()).toEqual(['农财所', '教科文股'].sort());
    expect(byName['农财所']).toMatchObject({ total: '1000000.00', paid: '300000.50' });
    expect(byName['教科文股']).toMatchObject({ total: '500000.00', paid: '100000.00', gap_amount: '-150000.00' });
  });

  it('towns are measured on their allocations and their payments against this year', async () => {
    const rows = await viewLines(db, 'towns', asOf('2018-06-15'), ALL);
    const byName = Object.fromEntries(rows.map((r) => [r.name, r]));
    // 甲镇: budget 600,000; paid P1 + P2 (P6 is against the 2017 indicator) = 300,000.50 → 0.50 ahead of 序时.
    expect(byName['甲镇']).toMatchObject({ total: '600000.00', paid: '300000.50', gap_amount: '0.50' });
    expect(byName['甲镇'].gap_points).toBeCloseTo((300000.5 / 600000 - 0.5) * 100, 9);
    // 乙镇: budget 300,000; P3 is after the as-of date.
    expect(byName['乙镇']).toMatchObject({ total: '300000.00', paid: '0.00', spend_rate: 0, gap_amount: '-150000.00' });
    expect(byName['乙镇'].gap_points).toBeCloseTo(-50, 9);
  });

  it('departments have no budget before their allocation arrives', async () => {
    expect(await viewLines(db, 'departments', asOf('2018-06-15'), ALL)).toEqual([]);
    const [dept] = await viewLines(db, 'departments', asOf('2018-06-30'), ALL);
    expect(dept).toMatchObject({ name: '县教育局', total: '500000.00', paid: '100000.00' });
    expect(dept.spend_rate).toBeCloseTo(0.2, 12);
  });

  it('monthly cumulative progress against 序时进度', async () => {
    const points = await monthlyProgress(db, asOf('2018-06-15'), ALL);
    expect(points.map((p) => p.month_end)).toEqual(['2018-01-31', '2018-02-28', '2018-03-31', '2018-04-30', '2018-05-31', '2018-06-15']);
    expect(points.map((p) => p.total)).toEqual(['1000000.00', '1000000.00', '1500000.00', '1500000.00', '1500000.00', '1500000.00']);
    expect(points.map((p) => p.paid)).toEqual(['0.00', '0.00', '250000.00', '250000.00', '350000.00', '400000.50']);
    const expectedRates = [0, 0, 250000 / 1500000, 250000 / 1500000, 350000 / 1500000, 400000.5 / 1500000];
    points.forEach((p, i) => {
      expect(p.spend_rate).toBeCloseTo(expectedRates[i], 12);
      expect(p.time_progress).toBeCloseTo((i + 1) / 12, 12);
    });
  });

  it('序时进度 by days elapsed when the setting says so', async () => {
    const [central] = await levelTotals(db, asOf('2018-06-15', 'day'), ALL);
    // 2018-06-15 is day 166 of 365.
    expect(central.gap_points).toBeCloseTo((0.3000005 - 166 / 365) * 100, 9);
  });

  it('序时进度 is the full year once the as-of date is past the budget year', async () => {
    const [central] = await levelTotals(db, asOf('2019-02-01'), ALL);
    // paid now includes P3: 400,000.50 on a total of 1,000,000, against 100 %.
    expect(central.paid).toBe('400000.50');
    expect(central.gap_points).toBeCloseTo((0.4000005 - 1) * 100, 9);
  });
  describe('within a viewer\'s scope', () => {
    const section = (unitId: number): Scope => ({ kind: 'section', unitId });
    const town = (unitId: number): Scope => ({ kind: 'town', unitId });

    it('a 股室 sees only the indicators of the funds it manages', async () => {
      // 农财所 is section 4 (fund 22); 教科文股 is section 2 (fund 43).
      const ncs = await levelTotals(db, asOf('2018-06-15'), section(4));
      expect(ncs.map((r) => r.level)).toEqual(['central', null]);
      expect(ncs[1]).toMatchObject({ total: '1000000.00', allocated: '900000.00', paid: '300000.50' });
      const [, jkw] = await levelTotals(db, asOf('2018-06-15'), section(2));
      expect(jkw).toMatchObject({ total: '500000.00', paid: '100000.00' });
      expect((await viewLines(db, 'sections', asOf('2018-06-15'), section(2))).map((r) => r.name)).toEqual(['教科文股']);
    });

    it('a town sees its allocations as its budget and only its own payments', async () => {
      const rows = await levelTotals(db, asOf('2018-06-15'), town(101));
      // 甲镇: A1 600,000 on I1; paid P1 + P2. 乙镇's allocation and payment are invisible.
      expect(rows.find((r) => r.level === null)).toMatchObject({ total: '600000.00', allocated: '600000.00', paid: '300000.50', gap_amount: '0.50' });
      expect((await viewLines(db, 'towns', asOf('2018-06-15'), town(101))).map((r) => r.name)).toEqual(['甲镇']);
      const points = await monthlyProgress(db, asOf('2018-06-15'), town(101));
      expect(points.map((p) => p.total)).toEqual(Array(6).fill('600000.00'));
      expect(points.map((p) => p.paid)).toEqual(['0.00', '0.00', '250000.00', '250000.00', '250000.00', '300000.50']);
    });

    it('a department that paid before its allocation arrived has payments but no budget yet', async () => {
      const [, all] = await levelTotals(db, asOf('2018-06-15'), { kind: 'department', unitId: 201 });
      expect(all).toMatchObject({ total: '0.00', paid: '100000.00', spend_rate: 0 });
    });

    it('a scoped role bound to no unit sees nothing', async () => {
      const rows = await levelTotals(db, asOf('2018-06-15'), town(-1));
      expect(rows).toEqual([expect.objectContaining({ level: null, total: '0.00', paid: '0.00' })]);
      expect(await viewLines(db, 'towns', asOf('2018-06-15'), town(-1))).toEqual([]);
    });
  });
});
