import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/queries/db';
import type { Scope } from '@/lib/auth/roles';
import { runView, runViewChart, type ViewQuery, type ViewRow } from '@/queries/views/run';
import { EMPTY_VIEW_FILTER, type ViewFilter } from '@/lib/views/filter';
import { VIEWS, viewById } from '@/lib/views/registry';
import type { ViewSort } from '@/lib/views/types';
import { idleBucketChartData, idleBucketChartOption, idleBucketTooltip } from '@/components/charts/options/idleBucketChart';
import { tempDb } from '../helpers/temp-db';
import { loadStalledFixture } from '../fixtures/stalled';

// The fixture (test/fixtures/stalled.ts) as of 2018-06-30. Every expected value below is worked out from it by hand.
const ALL: Scope = { kind: 'all' };
const BASE: ViewQuery['filter'] = { ...EMPTY_VIEW_FILTER, year: 2018, asOf: '2018-06-30' };

function query(id: string, filter: Partial<ViewFilter>, sort?: ViewSort) {
  const view = viewById(id)!;
  return { view, q: { filter: { ...BASE, ...filter } as ViewQuery['filter'], sort: sort ?? view.defaultSort, page: null } };
}
async function rows(db: Db, id: string, filter: Partial<ViewFilter> = {}, scope: Scope = ALL, sort?: ViewSort): Promise<ViewRow[]> {
  const { view, q } = query(id, filter, sort);
  return (await runView(db, view, q, scope)).rows;
}
const byName = (list: ViewRow[]) => Object.fromEntries(list.map((r) => [r.name as string, r]));
const pick = (list: ViewRow[], keys: string[]) => list.map((r) => Object.fromEntries(keys.map((k) => [k, r[k]])));

describe('滞留资金 and 资金流速 on a hand-computed fixture', () => {
  let db: Db;
  let cleanup: () => void;
  beforeAll(async () => {
    ({ db, cleanup } = await tempDb());
    await loadStalledFixture(db);
  });
  afterAll(() => cleanup());

  it('stalled: balances idle 30 days or more, per (unit, indicator), the oldest first', async () => {
    const list = await rows(db, 'stalled');
    expect(pick(list, ['name', 'indicator', 'indicator_year', 'first_alloc', 'last_alloc', 'allocated', 'paid', 'balance', 'last_paid', 'idle_days', 'bucket', 'reclaim'])).toEqual([
      // 甲镇 S3 (2016, carried over): B5 250,000 − Q5 50,000 = 200,000; last paid 2016-06-01, 2016-06-01 → 2018-06-01
      // = 365 + 365 = 730 days, + 29 = 759 > 730 → 收回统筹.
      { name: '甲镇', indicator: 'S3', indicator_year: 2016, first_alloc: '2016-04-01', last_alloc: '2016-04-01', allocated: '250000.00', paid: '50000.00', balance: '200000.00', last_paid: '2016-06-01', idle_days: 759, bucket: '365天以上', reclaim: '收回统筹' },
      // 乙镇 S1: B3 200,000 + B8 50,000 never paid → days from the first allocation: 2018-02-09 → 06-30 = 19 + 31 + 30
      // + 31 + 30 = 141.
      { name: '乙镇', indicator: 'S1', indicator_year: 2018, first_alloc: '2018-02-09', last_alloc: '2018-05-01', allocated: '250000.00', paid: '0.00', balance: '250000.00', last_paid: null, idle_days: 141, bucket: '90–179天', reclaim: null },
      // 甲镇 S1: B1 500,000 + B2 100,000 (its body's) = 600,000; Q1 200,000 + Q2 50,000 (its body's) = 250,000, Q3 after
      // the 截止日期 left out → 350,000; last paid 04-01 → 30 + 31 + 29 = 90 days: on the boundary, in 90–179.
      { name: '甲镇', indicator: 'S1', indicator_year: 2018, first_alloc: '2018-01-20', last_alloc: '2018-03-01', allocated: '600000.00', paid: '250000.00', balance: '350000.00', last_paid: '2018-04-01', idle_days: 90, bucket: '90–179天', reclaim: null },
      // 县教育局 S2: B4 300,000 − Q4 100,000 = 200,000; last paid 04-02 → 89 days: still 30–89.
      { name: '县教育局', indicator: 'S2', indicator_year: 2018, first_alloc: '2018-03-05', last_alloc: '2018-03-05', allocated: '300000.00', paid: '100000.00', balance: '200000.00', last_paid: '2018-04-02', idle_days: 89, bucket: '30–89天', reclaim: null },
    ]);
    // Not listed: 乙镇 S2 (B6 06-20, idle 10 days), 县教育局 S5 (paid in full), 甲镇's Q6 on S2 (no allocation behind it).
  });

  it('stalled: the 89/90-day boundary, and 365 days', async () => {
    // 90: 甲镇 S1 (exactly 90) stays, 县教育局 S2 (89) goes.
    expect((await rows(db, 'stalled', { idleDays: 90 })).map((r) => [r.name, r.indicator, r.idle_days])).toEqual([
      ['甲镇', 'S3', 759], ['乙镇', 'S1', 141], ['甲镇', 'S1', 90],
    ]);
    expect((await rows(db, 'stalled', { idleDays: 365 })).map((r) => r.idle_days)).toEqual([759]);
    // One day later the 89 becomes 90.
    expect((await rows(db, 'stalled', { idleDays: 90, asOf: '2018-07-01' })).map((r) => [r.indicator, r.idle_days])).toContainEqual(['S2', 90]);
  });

  it('stalled: a later 截止日期 counts the payment it ignored before', async () => {
    // As of 07-05, Q3 (30,000 on 07-05 by 甲镇财政所) is paid: 甲镇 S1 320,000 paid, idle 0 → not stalled.
    const later = await rows(db, 'stalled', { asOf: '2018-07-05' });
    expect(later.find((r) => r.name === '甲镇' && r.indicator === 'S1')).toBeUndefined();
    const all = await rows(db, 'stalled', { asOf: '2018-07-05', idleDays: null });
    expect(all.map((r) => r.indicator)).not.toContain('S5');
  });

  it('stalled: narrowed by town, department, fund and 股室; each role sees its own balances', async () => {
    expect((await rows(db, 'stalled', { town: 101 })).map((r) => r.indicator)).toEqual(['S3', 'S1']);
    expect((await rows(db, 'stalled', { department: 201 })).map((r) => r.indicator)).toEqual(['S2']);
    expect((await rows(db, 'stalled', { department: 101 }))).toEqual([]); // a town is not a department
    expect((await rows(db, 'stalled', { fund: 43 })).map((r) => r.name)).toEqual(['县教育局']);
    expect((await rows(db, 'stalled', { section: 4 })).map((r) => r.indicator)).toEqual(['S3', 'S1', 'S1']);
    expect((await rows(db, 'stalled', {}, { kind: 'town', unitId: 101 })).map((r) => [r.indicator, r.balance])).toEqual([['S3', '200000.00'], ['S1', '350000.00']]);
    expect((await rows(db, 'stalled', {}, { kind: 'department', unitId: 201 })).map((r) => r.indicator)).toEqual(['S2']);
    expect((await rows(db, 'stalled', {}, { kind: 'section', unitId: 2 })).map((r) => r.indicator)).toEqual(['S2']);
    // A filter naming another unit only narrows the viewer's own rows.
    expect(await rows(db, 'stalled', { town: 102 }, { kind: 'town', unitId: 101 })).toEqual([]);
    const allowed = (scope: Scope) => VIEWS.filter((v) => v.id.startsWith('velocity') || v.id === 'stalled').filter((v) => v.allowed(scope)).map((v) => v.id);
    expect(allowed(ALL)).toEqual(['stalled', 'velocity', 'velocity_sections', 'velocity_towns', 'velocity_slowest', 'velocity_towns_slowest']);
    expect(allowed({ kind: 'town', unitId: 101 })).toEqual(['stalled', 'velocity_towns', 'velocity_towns_slowest']);
    expect(allowed({ kind: 'department', unitId: 201 })).toEqual(['stalled']);
    expect(allowed({ kind: 'section', unitId: 2 })).toEqual(['stalled', 'velocity', 'velocity_sections', 'velocity_slowest']);
    // The 资金流速 views link to each other (ViewDef.related): every id names a view.
    expect(viewById('velocity_towns')!.related!.map((id) => viewById(id)?.title)).toEqual(['资金流速（按资金）', '资金流速（按股室）', '资金流速（按镇）', '资金流速最慢的指标', '资金流速最慢的镇级分配']);
  });

  it('stalled: rows drill down to the allocations and the payments behind them, in the indicator\'s own year', async () => {
    const view = viewById('stalled')!;
    const [s3] = await rows(db, 'stalled');
    const filter = { ...BASE, idleDays: 90 };
    const href = (key: string) => view.columns.find((c) => c.key === key)!.href!(s3, filter);
    expect(href('indicator')).toBe('/views/allocations?year=2016&as_of=2018-06-30&indicator=S3');
    expect(href('balance')).toBe('/payments?year=2016&as_of=2018-06-30&town=101&indicator=S3');
  });

  it('stalled chart: count and balance per aging bucket, from SQL over every matching row', async () => {
    const { view, q } = query('stalled', {});
    // ≥ 30: 30–89 S2 200,000 (1); 90–179 乙镇 S1 250,000 + 甲镇 S1 350,000 = 600,000 (2); 180–364 none; 365+ S3 200,000.
    expect(await runViewChart(db, view, q, ALL)).toEqual([
      { floor: 30, bucket: '30–89天', balances: 1, balance: '200000.00' },
      { floor: 90, bucket: '90–179天', balances: 2, balance: '600000.00' },
      { floor: 180, bucket: '180–364天', balances: 0, balance: '0.00' },
      { floor: 365, bucket: '365天以上', balances: 1, balance: '200000.00' },
    ]);
    const { q: q90 } = query('stalled', { idleDays: 90 });
    expect((await runViewChart(db, view, q90, ALL)).map((r) => r.floor)).toEqual([90, 180, 365]);
    expect(await runViewChart(db, viewById('towns')!, q, ALL)).toEqual([]); // a view without a chart
  });

  it('the aging chart option: balances in 万元 with each bucket\'s count', () => {
    const data = [
      { floor: 30, bucket: '30–89天', balances: 1, balance: '200000.00' },
      { floor: 90, bucket: '90–179天', balances: 1234, balance: '123456789.12' },
    ];
    const d = idleBucketChartData(data);
    // 200,000 元 = 20 万元; 123,456,789.12 元 = 12,345.678912 万元 → 12,345.68.
    expect(d).toEqual({ buckets: ['30–89天', '90–179天'], balance: [20, 12345.68], count: [1, 1234] });
    const option = idleBucketChartOption(data);
    const [series] = option.series as { data: number[]; label: { formatter: (p: { dataIndex: number }) => string } }[];
    expect(series.data).toEqual([20, 12345.68]);
    expect(series.label.formatter({ dataIndex: 1 })).toBe('1,234笔');
    expect(idleBucketTooltip(d, 1)).toBe('<b>90–179天</b><br/>滞留余额　12,345.68万元<br/>1,234笔');
  });

  it('velocity per fund and per 股室: median days to allocation, first payment and 80 % paid', async () => {
    // Per indicator (receipt → first allocation / first payment / 80 % paid):
    //   S1 01-10: B1 01-20 → 10; Q2 02-15 → 21 + 15 = 36; 250,000 of 1,000,000 → not 80 %.
    //   S5 02-01: B7 02-11 → 10; Q7 03-01 → 28; Q7 + Q8 = 80,000 = 80 % on 03-11 → 38.
    //   S2 03-01: B4 03-05 → 4; Q4 04-02 → 31 + 1 = 32; Q4 + Q6 = 110,000 < 320,000 → not 80 %.
    //   S4 05-01: nothing yet. (S3 is 2016's: not the year's money.)
    const funds = byName(await rows(db, 'velocity'));
    // fund 22 (S1, S5): medians 10, (36 + 28) / 2 = 32, 38 (S1 not counted); 1 not at 80 %.
    expect(funds['中央财政专项扶贫资金']).toMatchObject({ level: 'central', indicators: 2, median_to_alloc: 10, median_to_pay: 32, median_to_80: 38, not_80: 1 });
    expect(funds['中小学公用经费补助资金']).toMatchObject({ indicators: 1, median_to_alloc: 4, median_to_pay: 32, median_to_80: null, not_80: 1 });
    expect(funds['农业发展专项资金']).toMatchObject({ indicators: 1, median_to_alloc: null, median_to_pay: null, median_to_80: null, not_80: 1 });
    const sections = byName(await rows(db, 'velocity_sections'));
    // 农财所 = funds 22 + 128: S1, S5, S4 → 3 indicators, medians 10, 32, 38; 2 not at 80 %.
    expect(sections['农财所']).toMatchObject({ level: null, indicators: 3, median_to_alloc: 10, median_to_pay: 32, median_to_80: 38, not_80: 2 });
    expect(sections['教科文股']).toMatchObject({ indicators: 1, median_to_alloc: 4, median_to_pay: 32, not_80: 1 });
    expect((await rows(db, 'velocity_sections', {}, { kind: 'section', unitId: 2 })).map((r) => r.name)).toEqual(['教科文股']);
  });

  it('velocity per town: from the allocation to the town (its bodies included) to its first payment and 80 %', async () => {
    // 甲镇 S1: first allocation B1 01-20, first payment Q2 (its body) 02-15 → 11 + 15 = 26; 250,000 of 600,000 → not 80 %.
    // Q6 (S2) has no allocation to 甲镇 behind it: not counted. 乙镇: S1 and S2 allocated, never paid.
    const towns = byName(await rows(db, 'velocity_towns'));
    expect(towns['甲镇']).toMatchObject({ allocations: 1, median_to_pay: 26, median_to_80: null, not_80: 1 });
    expect(towns['乙镇']).toMatchObject({ allocations: 2, median_to_pay: null, median_to_80: null, not_80: 2 });
    expect((await rows(db, 'velocity_towns', {}, { kind: 'town', unitId: 102 })).map((r) => r.name)).toEqual(['乙镇']);
    // The towns ranking shows the same medians beside 支出进度, read from the 滞留余额's pairs: 26 and none.
    const ranking = byName(await rows(db, 'towns'));
    expect([ranking['甲镇'].median_to_pay, ranking['乙镇'].median_to_pay]).toEqual([26, null]);
    // The slowest (indicator, town) allocations, by the days to 80 % or, not there, since the first allocation:
    // 甲镇 S1 01-20 → 06-30 = 31 + 28 + 31 + 30 + 31 + 10 = 161; 乙镇 S1 from B3 02-09 (B8 later) = 141; 乙镇 S2 06-20 = 10.
    expect(pick(await rows(db, 'velocity_towns_slowest'), ['name', 'indicator', 'allocated', 'days_to_pay', 'waiting', 'not_80'])).toEqual([
      { name: '甲镇', indicator: 'S1', allocated: '600000.00', days_to_pay: 26, waiting: 161, not_80: '未达80%' },
      { name: '乙镇', indicator: 'S1', allocated: '250000.00', days_to_pay: null, waiting: 141, not_80: '未达80%' },
      { name: '乙镇', indicator: 'S2', allocated: '50000.00', days_to_pay: null, waiting: 10, not_80: '未达80%' },
    ]);
    expect((await rows(db, 'velocity_towns_slowest', {}, { kind: 'town', unitId: 101 })).map((r) => r.indicator)).toEqual(['S1']);
  });

  it('velocity: the slowest indicators first, those not yet at 80 % by the days they have waited', async () => {
    // waiting: S1 not at 80 %, 01-10 → 06-30 = 21 + 28 + 31 + 30 + 31 + 30 = 171; S2 03-01 → 06-30 = 121; S4 05-01 → 60;
    // S5 reached 80 % after 38.
    expect(pick(await rows(db, 'velocity_slowest'), ['name', 'waiting', 'days_to_80', 'not_80'])).toEqual([
      { name: 'S1', waiting: 171, days_to_80: null, not_80: '未达80%' },
      { name: 'S2', waiting: 121, days_to_80: null, not_80: '未达80%' },
      { name: 'S4', waiting: 60, days_to_80: null, not_80: '未达80%' },
      { name: 'S5', waiting: 38, days_to_80: 38, not_80: null },
    ]);
  });

  it('sections: 下达及时率, median days to first payment and 滞留余额 beside 支出进度', async () => {
    const list = byName(await rows(db, 'sections'));
    // 农财所: received S1 1,000,000 + S4 100,000 + S5 100,000 = 1,200,000; allocated within 30 days of receipt: B1
    // 500,000 (10 days) + B3 200,000 (30 days, on the boundary) + B7 100,000 (10 days) = 800,000 (B2, 50 days, is
    // late) → 800,000 / 1,200,000 = 0.6667. Median days to first payment (36, 28) → 32. 滞留余额 ≥ 90 days:
    // 甲镇 S3 200,000 + 乙镇 S1 250,000 + 甲镇 S1 350,000 = 800,000. (B8, 111 days after receipt, is late too.)
    expect(list['农财所']).toMatchObject({ total: '1200000.00', median_to_pay: 32, stalled_90: '800000.00' });
    expect(list['农财所'].alloc_timely).toBeCloseTo(800000 / 1200000, 12);
    // 教科文股: received 400,000; B4 300,000 (4 days) in time, B6 (111 days) late → 0.75; first payment 32; nothing
    // idle 90 days (县教育局 S2 89 days, 乙镇 S2 10 days).
    expect(list['教科文股']).toMatchObject({ total: '400000.00', alloc_timely: 0.75, median_to_pay: 32, stalled_90: '0.00' });
    const view = viewById('sections')!;
    expect(view.columns.find((c) => c.key === 'stalled_90')!.href!(list['农财所'], BASE)).toBe('/views/stalled?year=2018&as_of=2018-06-30&section=4&idle_days=90');
  });

  it('towns: median days to first payment and 滞留余额', async () => {
    const list = byName(await rows(db, 'towns'));
    // 甲镇: S1 26 days; 滞留 ≥ 90: S1 350,000 + S3 (2016) 200,000 = 550,000. 乙镇 (B3 + B8 + B6 = 300,000): never
    // paid; S1 250,000 (141 days), S2 50,000 idle 10 days left out.
    expect(list['甲镇']).toMatchObject({ total: '600000.00', median_to_pay: 26, stalled_90: '550000.00' });
    expect(list['乙镇']).toMatchObject({ total: '300000.00', median_to_pay: null, stalled_90: '250000.00' });
  });
});
