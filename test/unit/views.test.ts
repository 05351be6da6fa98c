import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { Db } from '@/queries/db';
import type { Scope } from '@/lib/auth/roles';
import { levelTotals } from '@/queries/overview';
import { saveSettings } from '@/queries/settings';
import { runView, type ViewQuery, type ViewRow } from '@/queries/views/run';
import { EMPTY_VIEW_FILTER, type ViewFilter } from '@/lib/views/filter';
import { VIEWS, viewById } from '@/lib/views/registry';
import type { ViewSort } from '@/lib/views/types';
import { viewCsv, viewXlsx } from '@/lib/views/export';
import { DEFAULT_SETTINGS, DEFAULT_THRESHOLDS } from '@/lib/settings';
import { yuanToWan } from '@/lib/format';
import { tempDb } from '../helpers/temp-db';
import { loadViewsFixture } from '../fixtures/views';

const ALL: Scope = { kind: 'all' };
const AS_OF = '2018-06-30';
const BASE: ViewQuery['filter'] = { ...EMPTY_VIEW_FILTER, year: 2018, asOf: AS_OF };

async function rows(db: Db, id: string, filter: Partial<ViewFilter> = {}, scope: Scope = ALL, sort?: ViewSort, page: ViewQuery['page'] = null) {
  const view = viewById(id)!;
  return runView(db, view, { filter: { ...BASE, ...filter } as ViewQuery['filter'], sort: sort ?? view.defaultSort, page }, scope);
}
const byName = (list: ViewRow[]) => Object.fromEntries(list.map((r) => [r.name as string, r]));

describe('views on a hand-computed fixture', () => {
  let db: Db;
  let cleanup: () => void;
  beforeAll(async () => {
    ({ db, cleanup } = await tempDb());
    await loadViewsFixture(db);
  });
  afterAll(() => cleanup());

  it('towns: the town and its own body\'s money, an allocation never paid, a payment after the 截止日期 left out', async () => {
    const { count, rows: list } = await rows(db, 'towns');
    expect(count).toBe(2);
    expect(list.map((r) => r.name)).toEqual(['甲镇', '乙镇']);
    const [jia, yi] = list;
    // 甲镇: budget A1 400,000 + A2 100,000 = 500,000; paid P1 150,000 + P2 60,000.25 = 210,000.25 (P3 after the
    // 截止日期, P6 is 县农业农村局's, P7 against 2017). 支出进度 0.4200005; gap (0.4200005 − 0.5) × 100 = −7.99995
    // points → blue (−10..0); gap amount −0.0799995 × 500,000 = −39,999.75.
    expect(jia).toMatchObject({ id: 101, total: '500000.00', allocated: '500000.00', paid: '210000.25', gap_amount: '-39999.75', rank: 1, band: 'blue' });
    expect(jia.spend_rate).toBeCloseTo(0.4200005, 12);
    expect(jia.gap_points).toBeCloseTo(-7.99995, 9);
    // 乙镇: 200,000 allocated, nothing paid → −50 points, red; −100,000.00.
    expect(yi).toMatchObject({ id: 102, total: '200000.00', paid: '0.00', spend_rate: 0, gap_points: -50, gap_amount: '-100000.00', rank: 2, band: 'red' });
  });

  it('departments: county departments only (a town\'s body is in its town), each on its allocations', async () => {
    const list = byName((await rows(db, 'departments')).rows);
    expect(Object.keys(list).sort()).toEqual(['县农业农村局', '县教育局'].sort());
    // 县农业农村局: 150,000 allocated; paid P5 100,000 + P6 10,000 (made for 甲镇, still its own) = 110,000 →
    // 0.7333…, +23.33 points, green; gap amount 110,000 − 75,000 = 35,000.
    expect(list['县农业农村局']).toMatchObject({ total: '150000.00', paid: '110000.00', gap_amount: '35000.00', rank: 1, band: 'green' });
    expect(list['县农业农村局'].gap_points).toBeCloseTo((110000 / 150000 - 0.5) * 100, 9);
    // 县教育局: 300,000, paid 95,000 → −18.33 points, yellow; 95,000 − 150,000 = −55,000.
    expect(list['县教育局']).toMatchObject({ total: '300000.00', paid: '95000.00', gap_amount: '-55000.00', rank: 2, band: 'yellow' });
    expect(list['县教育局'].spend_rate).toBeCloseTo(95000 / 300000, 12);
  });

  it('sections: received, allocated and paid over the indicators of the funds each manages', async () => {
    const list = byName((await rows(db, 'sections')).rows);
    expect(Object.keys(list).sort()).toEqual(['农财所', '教科文股'].sort());
    // 农财所 (funds 22, 128): received I1 + I3 = 1,200,000; allocated A1 + A2 + A3 + A5 = 850,000; paid P1 + P2 + P5 + P6
    // = 320,000.25 → −23.33 points, orange; gap amount 320,000.25 − 600,000 = −279,999.75; 未分配 350,000.
    expect(list['农财所']).toMatchObject({ total: '1200000.00', allocated: '850000.00', paid: '320000.25', gap_amount: '-279999.75', unallocated: '350000.00', rank: 1, band: 'orange' });
    expect(list['农财所'].alloc_rate).toBeCloseTo(850000 / 1200000, 12);
    expect(list['农财所'].gap_points).toBeCloseTo((320000.25 / 1200000 - 0.5) * 100, 9);
    // 教科文股 (fund 43): received 500,000, allocated 300,000, paid 95,000 → −31 points, red; −155,000; 未分配 200,000.
    expect(list['教科文股']).toMatchObject({ total: '500000.00', allocated: '300000.00', paid: '95000.00', gap_amount: '-155000.00', unallocated: '200000.00', rank: 2, band: 'red' });
    expect(list['教科文股'].gap_points).toBeCloseTo(-31, 9);
  });

  it('a later 截止日期 counts the later payment', async () => {
    const [jia] = (await rows(db, 'towns', { asOf: '2018-07-01' })).rows;
    expect(jia).toMatchObject({ name: '甲镇', paid: '230000.25' });
  });

  it('narrowing: by level (the indicators), by a chosen row (which keeps its rank)', async () => {
    const county = await rows(db, 'departments', { level: 'county' });
    expect(county.rows).toMatchObject([{ name: '县农业农村局', total: '150000.00', paid: '110000.00' }]);
    expect((await rows(db, 'towns', { level: 'county' })).rows).toEqual([]);
    const yi = await rows(db, 'towns', { town: 102 });
    expect(yi).toMatchObject({ count: 1, rows: [{ name: '乙镇', rank: 2 }] });
    expect((await rows(db, 'sections', { section: 2 })).rows).toMatchObject([{ name: '教科文股', rank: 2, total: '500000.00' }]);
    // Towns' money on the funds 教科文股 manages: none.
    expect((await rows(db, 'towns', { section: 2 })).rows).toEqual([]);
  });

  it('sorts by a declared column and pages with LIMIT/OFFSET, the count over every row', async () => {
    const byGap = await rows(db, 'towns', {}, ALL, { key: 'gap_points', dir: 'asc' });
    expect(byGap.rows.map((r) => r.name)).toEqual(['乙镇', '甲镇']);
    const second = await rows(db, 'towns', {}, ALL, undefined, { page: 2, pageSize: 1 });
    expect(second).toMatchObject({ count: 2, rows: [{ name: '乙镇' }] });
    expect(await rows(db, 'towns', {}, ALL, undefined, { page: 3, pageSize: 1 })).toEqual({ count: 2, rows: [] });
    await expect(rows(db, 'towns', {}, ALL, { key: 'band', dir: 'asc' })).rejects.toThrow(/cannot be sorted/);
  });

  it('scoped: a town sees its own line unranked; each view says which roles it serves', async () => {
    const own = await rows(db, 'towns', {}, { kind: 'town', unitId: 101 });
    expect(own.rows).toMatchObject([{ name: '甲镇', total: '500000.00', paid: '210000.25', rank: null }]);
    const section = await rows(db, 'sections', {}, { kind: 'section', unitId: 2 });
    expect(section.rows).toMatchObject([{ name: '教科文股', paid: '95000.00', rank: null }]);
    // The ranking views; the ledger's views serve every role (docs/ledger.md).
    const RANKINGS = ['towns', 'departments', 'sections'];
    const allowed = (scope: Scope) => VIEWS.filter((v) => RANKINGS.includes(v.id) && v.allowed(scope)).map((v) => v.id);
    expect(allowed(ALL)).toEqual(['towns', 'departments', 'sections']);
    expect(allowed({ kind: 'town', unitId: 101 })).toEqual(['towns']);
    expect(allowed({ kind: 'department', unitId: 201 })).toEqual(['departments']);
    expect(allowed({ kind: 'section', unitId: 2 })).toEqual(['sections']);
  });

  it('the towns view agrees with the overview: each town\'s line is its own KPI card, and the lines add up to the towns\' money', async () => {
    const view = (await rows(db, 'towns')).rows;
    for (const row of view) {
      const [card] = (await levelTotals(db, { year: 2018, asOf: AS_OF, timeProgressMode: 'month' }, { kind: 'town', unitId: row.id as number }))
        .filter((r) => r.level === null);
      expect({ total: row.total, paid: row.paid }).toEqual({ total: card.total, paid: card.paid });
    }
    const sum = (key: 'total' | 'paid') => view.reduce((s, r) => s + Math.round(Number(r[key]) * 100), 0);
    expect(sum('total')).toBe(70_000_000); // A1 + A2 + A3 = 700,000.00 元 in 分
    expect(sum('paid')).toBe(21_000_025); // P1 + P2 = 210,000.25 元 in 分
  });

  it('the colour bands follow the thresholds in the settings', async () => {
    await saveSettings(db, { ...DEFAULT_SETTINGS, thresholds: { green: 0, blue: -5, yellow: -10, orange: -30 } });
    try {
      expect((await rows(db, 'towns')).rows.map((r) => r.band)).toEqual(['yellow', 'red']);
    } finally {
      await saveSettings(db, { ...DEFAULT_SETTINGS, thresholds: DEFAULT_THRESHOLDS });
    }
  });

  it('exports: Chinese headers, exact 元, percentages and points, band labels, neutralised text', async () => {
    const towns = viewById('towns')!;
    const { rows: list } = await rows(db, 'towns');
    const evil = { ...list[1], name: '=HYPERLINK("http://x")' };
    const csv = viewCsv(towns, [list[0], evil], DEFAULT_SETTINGS.gapBands).toString('utf8');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe('镇(中心),预算(已分配)(元),已分配(元),已支付(元),支出进度(%),超(短)序时进度(百分点),超(短)序时金额(元),分配→首笔支付(中位天数),滞留余额(90天以上)(元),未办结预警,排名,环比(百分点),色带');
    // 甲镇: I1 allocated 01-20 (A1), first paid 03-01 (P1) → 11 + 28 + 1 = 40 days. 滞留 ≥ 90 days: I1 500,000 −
    // 210,000.25 = 289,999.75, last paid 04-01 → 90 days; I4 (2017) 80,000 − 5,000 = 75,000, last paid 02-01 → 149
    // days; 364,999.75. 乙镇: never paid; A3 200,000 since 01-25 → 156 days.
    // 环比: on 2018-05-31 甲镇 had the same budget and payments (P1, P2), 乙镇 the same 200,000 unpaid: 0 points each.
    // No rule has run on this fixture: no open warnings.
    expect(lines[1]).toBe('甲镇,500000.00,500000.00,210000.25,42,-8,-39999.75,40,364999.75,0,1,0,滞后10个百分点以内');
    expect(lines[2]).toBe(`"'=HYPERLINK(""http://x"")",200000.00,200000.00,0.00,0,-50,-100000.00,,200000.00,0,2,0,滞后30个百分点以上`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await viewXlsx(towns, [list[0], evil], DEFAULT_SETTINGS.gapBands, ['2018年度', '截止 2018-06-30']) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.getCell('A1').value).toBe('镇(中心)支出进度（2018年度 · 截止 2018-06-30）');
    expect(sheet.getCell('B2').value).toBe('预算(已分配)(万元)');
    // Money in 万元, exact: 500,000 元 = 50 万元; 210,000.25 = 21.000025; −39,999.75 = −3.999975; 364,999.75 = 36.499975.
    expect(sheet.getRow(3).values).toEqual([undefined, '甲镇', 50, 50, 21.000025, 42, -8, -3.999975, 40, 36.499975, 0, 1, 0, '滞后10个百分点以内']);
    expect(sheet.getCell('D3').numFmt).toBe('#,##0.00'); // shows 21.00, as the page's 万元
    // What Excel shows (two decimals) is what the page shows, for every money column of the line.
    towns.columns.forEach((c, i) => {
      if (c.format !== 'wan') return;
      expect((sheet.getRow(3).getCell(i + 1).value as number).toFixed(2), c.key).toBe(yuanToWan(String(list[0][c.key])).replace(/,/g, ''));
    });
    expect(sheet.getCell('A4').value).toBe(`'=HYPERLINK("http://x")`);
  });
});
