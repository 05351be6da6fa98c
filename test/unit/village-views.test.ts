import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/queries/db';
import type { Scope } from '@/lib/auth/roles';
import { runView, type ViewQuery, type ViewRow } from '@/queries/views/run';
import { filterOptions } from '@/queries/views/navigation';
import { projectAllocations, projectFacts, projectPayments, projectTargets } from '@/queries/projects/project';
import { EMPTY_VIEW_FILTER, type ViewFilter } from '@/lib/views/filter';
import { viewById } from '@/lib/views/registry';
import { viewCsv } from '@/lib/views/export';
import { DEFAULT_SETTINGS } from '@/lib/settings';
import { tempDb } from '../helpers/temp-db';
import { loadVillagesFixture } from '../fixtures/villages';

const ALL: Scope = { kind: 'all' };
const JIA: Scope = { kind: 'town', unitId: 101 };
const YI: Scope = { kind: 'town', unitId: 102 };
const AS_OF = '2018-06-30';
const BASE: ViewQuery['filter'] = { ...EMPTY_VIEW_FILTER, year: 2018, asOf: AS_OF };

async function rows(db: Db, id: string, filter: Partial<ViewFilter> = {}, scope: Scope = ALL) {
  const view = viewById(id)!;
  return (await runView(db, view, { filter: { ...BASE, ...filter } as ViewQuery['filter'], sort: view.defaultSort, page: null }, scope)).rows;
}
const fen = (yuan: unknown) => Math.round(Number(yuan) * 100);
const codes = (list: ViewRow[]) => list.map((r) => r.code).sort();

describe('镇 → 村 → 项目 on a hand-computed fixture', () => {
  let db: Db;
  let cleanup: () => void;
  beforeAll(async () => {
    ({ db, cleanup } = await tempDb());
    await loadVillagesFixture(db);
  });
  afterAll(() => cleanup());

  it('villages: each village of 甲镇 on the town\'s own money, the rest in 未落实到村', async () => {
    const list = await rows(db, 'villages', { town: 101 });
    // Sorted by 支出进度, highest first.
    expect(list.map((r) => r.name)).toEqual(['西村', '东村', '未落实到村']);
    const [xi, dong, rest] = list;
    // 东村: A1 300,000 + A2 50,000 (甲镇财政所) = 350,000; paid P1 120,000 (its project's village) + P2 30,000.50 =
    // 150,000.50; 150,000.50 / 350,000 = 0.4285728…; gap (0.4285728… − 0.5) × 100 = −7.1427… → blue;
    // gap amount 150,000.50 − 175,000 = −24,999.50.
    expect(dong).toMatchObject({ id: 1011, town_name: '甲镇', total: '350000.00', allocated: '350000.00', paid: '150000.50', gap_amount: '-24999.50', band: 'blue' });
    expect(dong.spend_rate).toBeCloseTo(150000.5 / 350000, 12);
    expect(dong.gap_points).toBeCloseTo((150000.5 / 350000 - 0.5) * 100, 9);
    // 西村: A5 40,000 (county money for XM2 given to the town; A4 is 县农业农村局's); paid P3 10,000 (the payment's own
    // village) + P6 15,000 (on the 截止日期, by XM2's village) = 25,000 → 0.625, +12.5 points, green; 25,000 − 20,000.
    expect(xi).toMatchObject({ id: 1012, total: '40000.00', paid: '25000.00', spend_rate: 0.625, gap_points: 12.5, gap_amount: '5000.00', band: 'green' });
    // 未落实到村: A3 100,000 (no project) + A7 20,000 (XM6 names 乙镇's 南村) = 120,000; paid P4 5,000 (no village) +
    // P10 7,000 (names 南村) + P11 3,000 (XM6) = 15,000 → 0.125, −37.5 points, red; 15,000 − 60,000 = −45,000.
    expect(rest).toMatchObject({ id: null, total: '120000.00', paid: '15000.00', spend_rate: 0.125, gap_points: -37.5, gap_amount: '-45000.00', band: 'red' });
  });

  it('a town equals the sum of its villages plus 未落实到村, and that is its line in the towns view', async () => {
    const villages = await rows(db, 'villages');
    const towns = await rows(db, 'towns');
    // 甲镇: 350,000 + 40,000 + 120,000 = 510,000 = A1 + A2 + A3 + A5 + A7; paid 150,000.50 + 25,000 + 15,000 = 190,000.50.
    // 乙镇: 南村 only, A6 150,000 and P8 150,000 (nothing unassigned, so no 未落实到村 line).
    expect(towns.map((t) => [t.name, t.total, t.paid])).toEqual([['乙镇', '150000.00', '150000.00'], ['甲镇', '510000.00', '190000.50']]);
    for (const town of towns) {
      const own = villages.filter((v) => v.town_id === town.id);
      expect(own.reduce((s, v) => s + fen(v.total), 0)).toBe(fen(town.total));
      expect(own.reduce((s, v) => s + fen(v.paid), 0)).toBe(fen(town.paid));
    }
    expect(villages.filter((v) => v.town_id === 102).map((v) => [v.name, v.total, v.paid])).toEqual([['南村', '150000.00', '150000.00']]);
    expect(villages).toHaveLength(4);
  });

  it('villages: a 镇 user reads its own villages only; the village filter picks one line', async () => {
    expect((await rows(db, 'villages', {}, JIA)).map((r) => r.name).sort()).toEqual(['东村', '未落实到村', '西村'].sort());
    expect(await rows(db, 'villages', { town: 102 }, JIA)).toEqual([]);
    expect((await rows(db, 'villages', { village: 1012 })).map((r) => [r.name, r.paid])).toEqual([['西村', '25000.00']]);
    const allowed = (s: Scope) => viewById('villages')!.allowed(s);
    expect([allowed(ALL), allowed(JIA), allowed({ kind: 'department', unitId: 201 }), allowed({ kind: 'section', unitId: 4 })])
      .toEqual([true, true, false, false]);
  });

  it('drill-down links carry the year and the 截止日期', () => {
    const filter = { ...BASE, fund: 22 };
    const townName = viewById('towns')!.columns.find((c) => c.key === 'name')!;
    expect(townName.href!({ id: 101 }, filter)).toBe('/views/villages?year=2018&as_of=2018-06-30&town=101&fund=22');
    const villageName = viewById('villages')!.columns.find((c) => c.key === 'name')!;
    expect(villageName.href!({ id: 1011 }, filter)).toBe('/views/projects?year=2018&as_of=2018-06-30&village=1011&fund=22');
    expect(villageName.href!({ id: null }, filter)).toBeNull();
    const projectName = viewById('projects')!.columns.find((c) => c.key === 'name')!;
    expect(projectName.href!({ code: 'XM1' }, filter)).toBe('/projects/XM1?year=2018&as_of=2018-06-30');
  });

  it('projects: the year\'s projects and earlier open ones, with their money to the 截止日期 and payment progress', async () => {
    const list = Object.fromEntries((await rows(db, 'projects')).map((r) => [r.code, r]));
    // XM5 is 2017's, 验收 in 2017 and without money in 2018: not listed. XM4 is 2017's and still 实施: listed.
    expect(Object.keys(list).sort()).toEqual(['XM1', 'XM2', 'XM3', 'XM4', 'XM6', 'XM7']);
    // XM1: A1 300,000 + A2 50,000 (A8 after the 截止日期) = 350,000; paid P1 120,000 + P2 30,000.50 + P10 7,000 = 157,000.50
    // (P7 after) → 0.448572…
    expect(list.XM1).toMatchObject({ town_name: '甲镇', village_name: '东村', status: 'in_progress', planned_amount: '500000.00', allocated: '350000.00', paid: '157000.50', planned_end: '2018-12-31', overdue: null });
    expect(list.XM1.progress).toBeCloseTo(157000.5 / 350000, 12);
    // XM2: every unit's money: A4 250,000 + A5 40,000 = 290,000; P5 200,000 + P6 15,000 = 215,000; past 2018-05-31, 实施.
    expect(list.XM2).toMatchObject({ allocated: '290000.00', paid: '215000.00', overdue: '逾期' });
    expect(list.XM2.progress).toBeCloseTo(215000 / 290000, 12);
    // XM3: past its planned end but 完工: not overdue; 150,000 of 150,000.
    expect(list.XM3).toMatchObject({ allocated: '150000.00', paid: '150000.00', progress: 1, overdue: null });
    // XM4: its 2017 money counts (A9 80,000; P9 25,000 paid in 2018) → 0.3125; overdue since 2017-12-31.
    expect(list.XM4).toMatchObject({ allocated: '80000.00', paid: '25000.00', progress: 0.3125, overdue: '逾期' });
    // XM7: nothing allocated, so progress is paid / planned: 20,000 / 100,000 = 0.2.
    expect(list.XM7).toMatchObject({ allocated: '0.00', paid: '20000.00', progress: 0.2 });
  });

  it('projects: the export names the status by its label and keeps exact 元', async () => {
    const list = await rows(db, 'projects', { project: 'XM1' });
    const lines = viewCsv(viewById('projects')!, list, DEFAULT_SETTINGS.gapBands).toString('utf8').slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe('项目编码,项目名称,镇(中心),村,状态,计划投资(元),已分配(元),已支付(元),支付进度(%),计划完工,逾期');
    // 157,000.50 / 350,000 = 44.857…% → 44.9.
    expect(lines[1]).toBe('XM1,东村肉羊养殖项目,甲镇,东村,实施,500000.00,350000.00,157000.50,44.9,2018-12-31,');
  });

  it('projects: filters by status, overdue, village, town and fund', async () => {
    expect(codes(await rows(db, 'projects', { status: 'in_progress' }))).toEqual(['XM1', 'XM2', 'XM4', 'XM7']);
    expect(codes(await rows(db, 'projects', { overdue: true }))).toEqual(['XM2', 'XM4']);
    expect(codes(await rows(db, 'projects', { village: 1011 }))).toEqual(['XM1', 'XM4']);
    expect(codes(await rows(db, 'projects', { town: 102 }))).toEqual(['XM3', 'XM7']);
    // Fund 43 is only I2: A5 40,000 and P6 15,000, both XM2's → measured on them: 0.375.
    expect(await rows(db, 'projects', { fund: 43 })).toMatchObject([{ code: 'XM2', allocated: '40000.00', paid: '15000.00', progress: 0.375 }]);
    // Fund 22: I1 and I0 — every listed project has some.
    expect(codes(await rows(db, 'projects', { fund: 22 }))).toEqual(['XM1', 'XM2', 'XM3', 'XM4', 'XM6', 'XM7']);
  });

  it('projects: each scoped viewer its own projects, measured on its own money', async () => {
    // 甲镇: the projects in 甲镇 (XM1, XM2, XM4, XM6; XM5 not this year's). On XM2 only its own A5 and P6 → 0.375.
    const jia = Object.fromEntries((await rows(db, 'projects', {}, JIA)).map((r) => [r.code, r]));
    expect(Object.keys(jia).sort()).toEqual(['XM1', 'XM2', 'XM4', 'XM6']);
    expect(jia.XM2).toMatchObject({ allocated: '40000.00', paid: '15000.00', progress: 0.375 });
    expect(jia.XM1).toMatchObject({ allocated: '350000.00', paid: '157000.50' });
    // 乙镇: XM3, and XM7 lies in it (nothing of XM7's money is 乙镇's).
    expect((await rows(db, 'projects', {}, YI)).map((r) => [r.code, r.allocated, r.paid]).sort())
      .toEqual([['XM3', '150000.00', '150000.00'], ['XM7', '0.00', '0.00']]);
    // 县农业农村局: XM2 (allocated A4, paid P5 → 0.8) and XM7 (it implements it; P12 → 20,000 / 100,000).
    const dept = Object.fromEntries((await rows(db, 'projects', {}, { kind: 'department', unitId: 201 })).map((r) => [r.code, r]));
    expect(dept.XM2).toMatchObject({ allocated: '250000.00', paid: '200000.00', progress: 0.8 });
    expect(dept.XM7).toMatchObject({ allocated: '0.00', paid: '20000.00', progress: 0.2 });
    expect(Object.keys(dept)).toHaveLength(2);
    // 教科文股 (fund 43): the project its fund was allocated to, on that money only.
    expect(await rows(db, 'projects', {}, { kind: 'section', unitId: 2 })).toMatchObject([{ code: 'XM2', allocated: '40000.00', paid: '15000.00' }]);
  });

  it('the filter bar offers a 镇 its own town and villages, a 股室 its own funds', async () => {
    const all = await filterOptions(db, ALL, null);
    expect(all.town.map((t) => t.name)).toEqual(['甲镇', '乙镇']);
    // Villages only of the chosen town, so the list stays short.
    expect(all.village).toEqual([]);
    expect((await filterOptions(db, ALL, 102)).village.map((v) => v.name)).toEqual(['南村']);
    // A 镇 is offered its own villages whatever town the URL names.
    const jia = await filterOptions(db, JIA, 102);
    expect([jia.town.map((t) => t.id), jia.village.map((v) => v.id)]).toEqual([[101], [1011, 1012]]);
    const section = await filterOptions(db, { kind: 'section', unitId: 2 }, null);
    expect(section.section.map((s) => s.id)).toEqual([2]);
    expect(section.fund.map((f) => f.id)).toContain(43);
    expect(section.fund.map((f) => f.id)).not.toContain(22);
    expect(all.fund.find((f) => f.id === 22)).toMatchObject({ name: '中央财政专项扶贫资金', level: 'central' });
  });

  it('the project page: facts, allocations, payments paged newest first, targets against the project\'s time progress', async () => {
    const q = { code: 'XM1', year: 2018, asOf: AS_OF, scope: ALL };
    const facts = await projectFacts(db, q);
    // Time progress: 2018-03-01 → 2018-06-30 is 121 days (30 + 30 + 31 + 30) of 2018-03-01 → 2018-12-31, 305 days.
    expect(facts).toMatchObject({ name: '东村肉羊养殖项目', town_name: '甲镇', village_name: '东村', unit_name: '甲镇', content: '新建羊舍10座', beneficiaries: 40, allocated: '350000.00', paid: '157000.50', overdue: false });
    expect(facts!.time_progress).toBeCloseTo(121 / 305, 12);
    expect((await projectAllocations(db, q)).map((a) => [a.id, a.unit_name, a.fund_name, a.amount, a.indicator_year]))
      .toEqual([['A1', '甲镇', '中央财政专项扶贫资金', '300000.00', 2018], ['A2', '甲镇财政所', '中央财政专项扶贫资金', '50000.00', 2018]]);
    // P10 (06-01), P2 (05-01), P1 (04-01); P7 after the 截止日期. Sum 157,000.50 = the facts' paid.
    const first = await projectPayments(db, q, { page: 1, pageSize: 2 });
    expect(first).toMatchObject({ count: 3, amount: '157000.50' });
    expect(first.rows.map((p) => p.voucher_no)).toEqual(['P10', 'P2']);
    expect((await projectPayments(db, q, { page: 2, pageSize: 2 })).rows.map((p) => [p.voucher_no, p.payee_name, p.purpose]))
      .toEqual([['P1', '恒达建筑工程有限公司', '羊舍工程进度款']]);
    const targets = await projectTargets(db, q);
    // 新建羊舍 3 / 10 = 0.3 < 121/305 = 0.3967 → lagging; 验收合格率 50 / 100 = 0.5 ≥ 0.3967 → ok;
    // 单座造价 5.5 > its upper bound 5 → over; 群众满意度 reported 2018-08-01, after the 截止日期 → unreported.
    expect(targets.map((t) => [t.name, t.actual_value, t.flag])).toEqual([
      ['新建羊舍', 3, 'lagging'], ['验收合格率', 50, 'ok'], ['单座造价', 5.5, 'over'], ['群众满意度', null, 'unreported'],
    ]);
    expect(targets[0].completion).toBeCloseTo(0.3, 12);
    expect(targets[3]).toMatchObject({ completion: null, reported: null });
    // A later 截止日期 knows the satisfaction score: 95 / 90.
    const later = await projectTargets(db, { ...q, asOf: '2018-08-31' });
    expect(later[3].completion).toBeCloseTo(95 / 90, 12);
    expect(later[3].flag).toBe('ok');
  });

  it('the project page: a town user cannot read another town\'s project; a 部门 sees its own money on it', async () => {
    const q = { code: 'XM1', year: 2018, asOf: AS_OF };
    expect(await projectFacts(db, { ...q, scope: YI })).toBeUndefined();
    expect(await projectFacts(db, { ...q, scope: { kind: 'department', unitId: 201 } })).toBeUndefined();
    expect(await projectFacts(db, { ...q, code: 'NOPE', scope: ALL })).toBeUndefined();
    expect(await projectFacts(db, { ...q, scope: JIA })).toMatchObject({ code: 'XM1' });
    const xm2 = { code: 'XM2', year: 2018, asOf: AS_OF, scope: { kind: 'department', unitId: 201 } as Scope };
    expect(await projectFacts(db, xm2)).toMatchObject({ allocated: '250000.00', paid: '200000.00', overdue: true });
    expect((await projectPayments(db, xm2, { page: 1, pageSize: 50 })).rows.map((p) => p.voucher_no)).toEqual(['P5']);
    expect((await projectAllocations(db, xm2)).map((a) => a.id)).toEqual(['A4']);
  });
});
