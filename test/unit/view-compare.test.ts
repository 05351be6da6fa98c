import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/queries/db';
import type { Scope } from '@/lib/auth/roles';
import { runView, type ViewQuery, type ViewRow } from '@/queries/views/run';
import { previousMonthEnd } from '@/lib/views/compare';
import { EMPTY_VIEW_FILTER, type ViewFilter } from '@/lib/views/filter';
import { viewById } from '@/lib/views/registry';
import type { ViewSort } from '@/lib/views/types';
import { viewCsv } from '@/lib/views/export';
import { DEFAULT_SETTINGS } from '@/lib/settings';
import { tempDb } from '../helpers/temp-db';
import { loadDrillFixture } from '../fixtures/drill';

const ALL: Scope = { kind: 'all' };
const BASE = { ...EMPTY_VIEW_FILTER, year: 2018, asOf: '2018-06-30' } as ViewQuery['filter'];

async function rows(db: Db, id: string, filter: Partial<ViewFilter> = {}, scope: Scope = ALL, sort?: ViewSort) {
  const view = viewById(id)!;
  return (await runView(db, view, { filter: { ...BASE, ...filter } as ViewQuery['filter'], sort: sort ?? view.defaultSort, page: null }, scope)).rows;
}
const byName = (list: ViewRow[]) => Object.fromEntries(list.map((r) => [r.name as string, r]));

describe('previousMonthEnd', () => {
  it('is the last day of the month before the 截止日期\'s month', () => {
    expect(previousMonthEnd('2018-06-30')).toBe('2018-05-31');
    expect(previousMonthEnd('2018-06-15')).toBe('2018-05-31');
    expect(previousMonthEnd('2018-03-31')).toBe('2018-02-28');
    expect(previousMonthEnd('2016-03-01')).toBe('2016-02-29'); // a leap year
    expect(previousMonthEnd('2018-01-31')).toBe('2017-12-31');
  });
});

describe('环比: the change of 支出进度 against the previous month-end, in points', () => {
  let db: Db;
  let cleanup: () => void;
  beforeAll(async () => {
    ({ db, cleanup } = await tempDb());
    await loadDrillFixture(db);
  });
  afterAll(() => cleanup());

  it('is measured at the day the pages name: SQL\'s previous_month_end equals previousMonthEnd', async () => {
    for (const day of ['2018-06-30', '2018-06-15', '2018-03-31', '2016-03-01', '2018-01-31']) {
      const row = await db.one<{ d: string }>('SELECT previous_month_end($day::DATE)::VARCHAR AS d', { day });
      expect(row?.d).toBe(previousMonthEnd(day));
    }
  });

  it('towns: a budget that grew, a payment on the month-end, a town new this month', async () => {
    const list = byName(await rows(db, 'towns'));
    // 甲镇 now: budget A1 500,000 + A4 100,000 (its body) = 600,000; paid P1 100,000 + P2 50,000 + P6 30,000 = 180,000
    // → 0.3. On 05-31: budget 500,000 (A4 not yet), paid P1 100,000 → 0.2. 环比 (0.3 − 0.2) × 100 = +10 points.
    expect(list['甲镇']).toMatchObject({ total: '600000.00', paid: '180000.00' });
    expect(list['甲镇'].change_points).toBeCloseTo(10, 9);
    // 乙镇 now: A2 200,000 + A5 100,000 = 300,000, paid P3 40,000 → 0.1333…; on 05-31: 200,000, P3 (paid that very
    // day counts) → 0.2. 环比 (40,000/300,000 − 0.2) × 100 = −6.666… points.
    expect(list['乙镇'].change_points).toBeCloseTo((40000 / 300000 - 0.2) * 100, 9);
    expect(list['乙镇'].change_points).toBeCloseTo(-6.6667, 4);
    // 丙镇 got its first money on 06-05: no line on 05-31, so no change (null), never a change from 0.
    expect(list['丙镇']).toMatchObject({ total: '50000.00', change_points: null });
  });

  it('departments and sections carry it too', async () => {
    // 县教育局: 400,000; paid P4 100,000 + P5 20,000 = 120,000 → 0.3; on 05-31 P4 only → 0.25. +5 points.
    const [dept] = await rows(db, 'departments');
    expect(dept).toMatchObject({ name: '县教育局', paid: '120000.00' });
    expect(dept.change_points).toBeCloseTo(5, 9);
    const sections = byName(await rows(db, 'sections'));
    // 农财所 (fund 22): received I1 + I3 = 1,100,000, paid P1 + P2 + P3 + P6 = 220,000 → 0.2; on 05-31 received I1
    // 1,000,000 (I3 arrives 06-20), paid P1 + P3 = 140,000 → 0.14. (0.2 − 0.14) × 100 = +6 points.
    expect(sections['农财所'].change_points).toBeCloseTo(6, 9);
    // 教科文股 (fund 43): the 县教育局's money, 0.3 against 0.25 → +5.
    expect(sections['教科文股'].change_points).toBeCloseTo(5, 9);
  });

  it('sorts by 环比 in SQL, a line without a change last either way', async () => {
    const asc = await rows(db, 'towns', {}, ALL, { key: 'change_points', dir: 'asc' });
    expect(asc.map((r) => r.name)).toEqual(['乙镇', '甲镇', '丙镇']);
    const desc = await rows(db, 'towns', {}, ALL, { key: 'change_points', dir: 'desc' });
    expect(desc.map((r) => r.name)).toEqual(['甲镇', '乙镇', '丙镇']);
  });

  it('a chosen line and a scoped viewer get the same change; January compares with nothing', async () => {
    expect((await rows(db, 'towns', { town: 101 }))[0].change_points).toBeCloseTo(10, 9);
    const own = await rows(db, 'towns', {}, { kind: 'town', unitId: 101 });
    expect(own).toHaveLength(1);
    expect(own[0].change_points).toBeCloseTo(10, 9);
    // 31 January compares with 2017-12-31, when none of 2018's indicators had arrived: every change is null.
    const january = await rows(db, 'towns', { asOf: '2018-01-31' });
    expect(january.map((r) => [r.name, r.change_points])).toEqual([['甲镇', null]]);
  });

  it('the export names the column 环比(百分点) with one decimal', async () => {
    const towns = viewById('towns')!;
    const csv = viewCsv(towns, await rows(db, 'towns'), DEFAULT_SETTINGS.gapBands).toString('utf8').slice(1).split('\r\n');
    expect(csv[0]).toContain(',排名,环比(百分点),色带');
    // 甲镇 first (支出进度 0.3): rank 1, +10.0 → 10.
    expect(csv[1]).toMatch(/^甲镇,.*,1,10,/);
    expect(csv[2]).toMatch(/^乙镇,.*,2,-6\.7,/);
  });
});
