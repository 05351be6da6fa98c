import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/queries/db';
import type { Scope } from '@/lib/auth/roles';
import { levelTotals } from '@/queries/overview';
import { basisSummaries } from '@/queries/payments';
import { runView, type ViewQuery, type ViewRow } from '@/queries/views/run';
import { EMPTY_VIEW_FILTER, type ViewFilter } from '@/lib/views/filter';
import { viewById } from '@/lib/views/registry';
import { viewCsv } from '@/lib/views/export';
import { DEFAULT_SETTINGS } from '@/lib/settings';
import { tempDb } from '../helpers/temp-db';
import { loadLedgerFixture } from '../fixtures/ledger';
import { rebuildPaymentDays } from '@/queries/payments/days';

const ALL: Scope = { kind: 'all' };
const YEAR = 2018;
const AS_OF = '2018-06-30';
const BASE: ViewQuery['filter'] = { ...EMPTY_VIEW_FILTER, year: YEAR, asOf: AS_OF };
const OVERVIEW = { year: YEAR, asOf: AS_OF, timeProgressMode: 'month' as const };

async function rows(db: Db, id: string, filter: Partial<ViewFilter> = {}, scope: Scope = ALL): Promise<ViewRow[]> {
  const view = viewById(id)!;
  return (await runView(db, view, { filter: { ...BASE, ...filter } as ViewQuery['filter'], sort: view.defaultSort, page: null }, scope)).rows;
}
const kinds = (list: ViewRow[]) => list.map((r) => `${r.row_kind}${r.fund_id === null ? '' : `:${r.fund_id}`}`);
const byKind = (list: ViewRow[], kind: string) => list.find((r) => r.row_kind === kind)!;
/** Exact 元 strings summed in 分, so the comparison is exact. */
const fen = (list: ViewRow[], key: string) => list.reduce((s, r) => s + Math.round(Number(r[key]) * 100), 0);

describe('资金台账, 指标 and 分配 on a hand-computed fixture (2018 as of 2018-06-30, 序时进度 0.5)', () => {
  let db: Db;
  let cleanup: () => void;
  beforeAll(async () => {
    ({ db, cleanup } = await tempDb());
    await loadLedgerFixture(db);
  });
  afterAll(() => cleanup());

  it('ledger: funds in catalog order with level subtotals, the year total, 上年结转 and unmatched payments apart', async () => {
    const list = await rows(db, 'ledger');
    // L4 (fund 128) was received after the 截止日期: no county line. C2 was spent in 2017: no carry-over for fund 43.
    expect(kinds(list)).toEqual(['fund:22', 'level_total', 'fund:43', 'level_total', 'total', 'carryover:22', 'carryover_total', 'unmatched']);
    expect(list.map((r) => r.ord)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const [f22, central, f43, province, total, carry22, carryTotal, unmatched] = list;
    // Fund 22: received L1 1,000,000 + L2 200,000 = 1,200,000; allocated A1 600,000 + A2 100,000 + A3 150,000 = 850,000
    // (A6 after the 截止日期); 未分配 350,000; paid P1 200,000 + P2 100,000 + P3 30,000.50 = 330,000.50 (P5 after it).
    // 支出进度 330,000.50 / 1,200,000 = 0.27500041…; gap (0.27500041… − 0.5) × 100 = −22.49995… points → orange;
    // gap amount 330,000.50 − 600,000 = −269,999.50. 滞留: (L1, 甲镇财政所) last paid 02-15, 135 days ≥ 90 →
    // 100,000 − 30,000.50 = 69,999.50; (L2, 县农业农村局) never paid, allocated 03-05, 117 days → 150,000;
    // (L1, 甲镇) last paid 05-20, 41 days → not stalled. 69,999.50 + 150,000 = 219,999.50.
    expect(f22).toMatchObject({
      level: 'central', name: '中央财政专项扶贫资金', section_name: '农财所', total: '1200000.00', allocated: '850000.00',
      unallocated: '350000.00', paid: '330000.50', gap_amount: '-269999.50', stalled: '219999.50', band: 'orange',
    });
    expect(f22.alloc_rate).toBeCloseTo(850000 / 1200000, 12);
    expect(f22.spend_rate).toBeCloseTo(330000.5 / 1200000, 12);
    expect(f22.gap_points).toBeCloseTo((330000.5 / 1200000 - 0.5) * 100, 9);
    // 中央 holds fund 22 only: the same figures.
    expect(central).toMatchObject({ level: 'central', name: null, total: '1200000.00', paid: '330000.50', stalled: '219999.50' });
    // Fund 43: L3 500,000; allocated A4 400,000 (0.8), 未分配 100,000; paid P4 120,000 (on the 截止日期) → 0.24,
    // −26 points, orange; 120,000 − 250,000 = −130,000; last paid on the 截止日期 → nothing stalled.
    expect(f43).toMatchObject({ total: '500000.00', allocated: '400000.00', alloc_rate: 0.8, unallocated: '100000.00', paid: '120000.00', spend_rate: 0.24, gap_amount: '-130000.00', stalled: '0.00', band: 'orange' });
    expect(f43.gap_points).toBeCloseTo(-26, 9);
    expect(province).toMatchObject({ level: 'province', total: '500000.00', paid: '120000.00' });
    // The year: 1,200,000 + 500,000 = 1,700,000; allocated 1,250,000; paid 450,000.50; 450,000.50 − 850,000 = −399,999.50.
    expect(total).toMatchObject({ total: '1700000.00', allocated: '1250000.00', unallocated: '450000.00', paid: '450000.50', gap_amount: '-399999.50', stalled: '219999.50' });
    // 上年结转 of fund 22: C1 400,000 − P6 150,000 (2017) = 250,000 at 2018-01-01; paid P7 50,000 (P8 after the
    // 截止日期) → 0.2. No gap, no 已分配: it is not the year's budget.
    expect(carry22).toMatchObject({ level: 'central', name: '中央财政专项扶贫资金', total: '250000.00', paid: '50000.00', spend_rate: 0.2, allocated: null, gap_points: null, band: null });
    expect(carryTotal).toMatchObject({ total: '250000.00', paid: '50000.00' });
    // Unmatched: P9 7,000 (no indicator) + P10 3,000.25 (unknown indicator) = 10,000.25; P12 was paid in 2017.
    expect(unmatched).toMatchObject({ total: null, paid: '10000.25', spend_rate: null });
  });

  it('the ledger\'s year total is the overview\'s, for every scope; carry-over and unmatched stay outside it', async () => {
    const scopes: Scope[] = [ALL, { kind: 'town', unitId: 101 }, { kind: 'department', unitId: 202 }, { kind: 'section', unitId: 2 }, { kind: 'section', unitId: 4 }];
    for (const scope of scopes) {
      const total = byKind(await rows(db, 'ledger', {}, scope), 'total');
      const [card] = (await levelTotals(db, OVERVIEW, scope)).filter((r) => r.level === null);
      expect({ total: total.total, allocated: total.allocated, paid: total.paid, gap_amount: total.gap_amount })
        .toEqual({ total: card.total, allocated: card.allocated, paid: card.paid, gap_amount: card.gap_amount });
    }
    // 支付明细's whole period (2018-01-01..06-30): P1 + P2 + P3 + P4 + P7 + P9 + P10 = 510,000.75 = the year's 450,000.50
    // + 上年结转 50,000 + unmatched 10,000.25.
    // 支付明细's bases (the figures 总览 shows beside 已支付) say the same; the ledger's 上年结转 total line says 250,000 of
    // balance at 01-01, 50,000 paid (20 %).
    expect(await basisSummaries(db, { ...EMPTY_VIEW_FILTER, year: OVERVIEW.year, asOf: OVERVIEW.asOf }, ALL)).toMatchObject({
      year: { amount: '450000.50' }, carryover: { amount: '50000.00' }, unmatched: { count: 2, amount: '10000.25' },
      all: { amount: '510000.75' }, other: { count: 0 },
    });
    expect(byKind(await rows(db, 'ledger'), 'carryover_total')).toMatchObject({ total: '250000.00', paid: '50000.00', spend_rate: 0.2 });
  });

  it('scoped: a town its own allocations and carry-over, a 股室 its funds; neither sees others\' unmatched payments', async () => {
    const town = await rows(db, 'ledger', {}, { kind: 'town', unitId: 101 });
    // 甲镇 and 甲镇财政所: A1 600,000 + A2 100,000 = 700,000 (its budget, all allocated); paid 330,000.50; stalled
    // 69,999.50 (its body's pair). Carry-over: A5 400,000 − P6 150,000 = 250,000, paid P7 50,000.
    expect(kinds(town)).toEqual(['fund:22', 'level_total', 'total', 'carryover:22', 'carryover_total']);
    expect(byKind(town, 'total')).toMatchObject({ total: '700000.00', allocated: '700000.00', paid: '330000.50', stalled: '69999.50' });
    expect(byKind(town, 'carryover')).toMatchObject({ total: '250000.00', paid: '50000.00' });
    // 教科文股 manages fund 43 only; C2 carries nothing over.
    const section = await rows(db, 'ledger', {}, { kind: 'section', unitId: 2 });
    expect(kinds(section)).toEqual(['fund:43', 'level_total', 'total']);
    // 县教育局 made P9 (no indicator): its own unmatched payment.
    const dept = await rows(db, 'ledger', {}, { kind: 'department', unitId: 201 });
    expect(kinds(dept)).toEqual(['fund:43', 'level_total', 'total', 'unmatched']);
    expect(byKind(dept, 'unmatched')).toMatchObject({ paid: '7000.00' });
  });

  it('ledger narrowing: by fund and by level; an unmatched payment belongs to no fund', async () => {
    expect(kinds(await rows(db, 'ledger', { fund: 43 }))).toEqual(['fund:43', 'level_total', 'total']);
    const central = await rows(db, 'ledger', { level: 'central' });
    expect(kinds(central)).toEqual(['fund:22', 'level_total', 'total', 'carryover:22', 'carryover_total']);
    expect(kinds(await rows(db, 'ledger', { section: 2 }))).toEqual(['fund:43', 'level_total', 'total']);
  });

  it('indicators: one line per indicator, summing to its fund\'s ledger line', async () => {
    const list = await rows(db, 'indicators', { fund: 22 });
    expect(list.map((r) => r.id)).toEqual(['L1', 'L2']);
    const [l1, l2] = list;
    // L1: received 01-10, first allocated 01-20 → 10 days; allocated 700,000 (0.7); paid 330,000.50; stalled 69,999.50.
    expect(l1).toMatchObject({ doc_no: '中财农〔2018〕1号', received_date: '2018-01-10', total: '1000000.00', allocated: '700000.00', alloc_rate: 0.7, unallocated: '300000.00', paid: '330000.50', stalled: '69999.50', days_to_alloc: 10 });
    // L2: received 03-01, allocated 03-05 → 4 days; nothing paid: −50 points, −100,000, red.
    expect(l2).toMatchObject({ total: '200000.00', allocated: '150000.00', paid: '0.00', gap_points: -50, gap_amount: '-100000.00', band: 'red', stalled: '150000.00', days_to_alloc: 4 });
    const [f22] = await rows(db, 'ledger', { fund: 22 });
    for (const key of ['total', 'allocated', 'paid', 'stalled', 'gap_amount']) expect(fen(list, key)).toBe(fen([f22], key));
    expect(await rows(db, 'indicators', { indicator: 'L3' })).toMatchObject([{ id: 'L3', fund_name: '中小学公用经费补助资金', section_name: '教科文股' }]);
  });

  it('allocations: per indicator and unit, payments matched by both, summing to the indicator\'s allocated', async () => {
    const list = await rows(db, 'allocations', { indicator: 'L1' });
    // Sorted by balance, largest first: 甲镇 600,000 − 300,000 = 300,000; 甲镇财政所 100,000 − 30,000.50 = 69,999.50.
    expect(list.map((r) => r.name)).toEqual(['甲镇', '甲镇财政所']);
    expect(list[0]).toMatchObject({ project_code: 'XM01', total: '600000.00', paid: '300000.00', balance: '300000.00', alloc_date: '2018-01-20', last_pay: '2018-05-20', idle_days: 41, stalled: '0.00' });
    expect(list[1]).toMatchObject({ project_code: null, total: '100000.00', paid: '30000.50', balance: '69999.50', last_pay: '2018-02-15', idle_days: 135, stalled: '69999.50' });
    const [l1] = await rows(db, 'indicators', { indicator: 'L1' });
    expect(fen(list, 'total')).toBe(fen([l1], 'allocated')); // 700,000
    // The drill-downs: the project page, and the unit's payments against the indicator (a town by 镇).
    const view = viewById('allocations')!;
    const href = (key: string, row: ViewRow) => view.columns.find((c) => c.key === key)!.href!(row, BASE);
    expect(href('project_code', list[0])).toBe('/projects/XM01?year=2018&as_of=2018-06-30');
    expect(href('project_code', list[1])).toBeNull();
    expect(href('name', list[0])).toBe('/payments?year=2018&as_of=2018-06-30&town=101&indicator=L1');
    expect(href('name', list[1])).toBe('/payments?year=2018&as_of=2018-06-30&department=111&indicator=L1');
    // A town's lines include its own body's; a department its own; idle at least 90 days: the two stalled pairs.
    expect((await rows(db, 'allocations', { town: 101 })).map((r) => r.name)).toEqual(['甲镇', '甲镇财政所']);
    expect((await rows(db, 'allocations', { department: 202 })).map((r) => r.indicator_id)).toEqual(['L2']);
    expect((await rows(db, 'allocations', { idleDays: 90 })).map((r) => r.id)).toEqual(['L2:202', 'L1:111']);
    // A department sees only its own lines, whatever the filter says.
    expect((await rows(db, 'allocations', { indicator: 'L1' }, { kind: 'department', unitId: 201 }))).toEqual([]);
  });

  it('ledger drill-downs carry the filter; the export labels levels and kinds of line in Chinese', async () => {
    const list = await rows(db, 'ledger');
    const view = viewById('ledger')!;
    const col = (key: string) => view.columns.find((c) => c.key === key)!;
    // The subtotals and totals are shown bold: 中央 and 省 subtotals, 本年合计, 上年结转合计.
    expect(list.filter(view.isTotal!).map((r) => r.ord)).toEqual([2, 4, 5, 7]);
    expect(col('name').href!(list[0], BASE)).toBe('/views/indicators?year=2018&as_of=2018-06-30&fund=22');
    expect(col('row_kind').href!(list[1], BASE)).toBe('/views/ledger?year=2018&as_of=2018-06-30&level=central');
    expect(col('name').href!(list[5], BASE)).toBe('/payments?year=2018&as_of=2018-06-30&fund=22&basis=carryover');
    expect(col('row_kind').href!(list[7], BASE)).toBe('/payments?year=2018&as_of=2018-06-30&basis=unmatched');
    const csv = viewCsv(view, list, DEFAULT_SETTINGS.gapBands).toString('utf8').slice(1).split('\r\n');
    expect(csv[1].split(',').slice(0, 6)).toEqual(['1', '本年指标', '中央', '中央财政专项扶贫资金', '农财所', '1200000.00']);
    expect(csv[6].split(',').slice(0, 6)).toEqual(['6', '上年结转', '中央', '中央财政专项扶贫资金', '农财所', '250000.00']);
    expect(csv[8].split(',').slice(0, 4)).toEqual(['8', '未匹配指标的支付', '', '']);
  });

  it('a pair whose money spans two projects counts each payment once (the last test: it adds rows, then takes them out)', async () => {
    // 甲镇 gets a second allocation of L1 for another project, and pays part of it: A7 10,000 (XM02), P13 5,000.
    await db.run(`INSERT INTO allocations (id, indicator_id, unit_id, project_code, amount, alloc_date) VALUES ('A7', 'L1', 101, 'XM02', 10000.00, '2018-04-01')`);
    await db.run(`INSERT INTO payments (voucher_no, indicator_id, unit_id, project_code, amount, pay_date) VALUES ('P13', 'L1', 101, 'XM02', 5000.00, '2018-04-02')`);
    await rebuildPaymentDays(db);
    try {
      const [jia] = await rows(db, 'allocations', { indicator: 'L1', town: 101, department: null });
      // 600,000 + 10,000 = 610,000 allocated; 200,000 + 100,000 + 5,000 = 305,000 paid; two projects, so none named.
      expect(jia).toMatchObject({ name: '甲镇', total: '610000.00', paid: '305000.00', balance: '305000.00', project_code: null });
      const [l1] = await rows(db, 'indicators', { indicator: 'L1' });
      // L1: 甲镇 305,000 + its body 30,000.50 = 335,000.50, the same as the lines below it.
      expect(l1.paid).toBe('335000.50');
      expect(fen(await rows(db, 'allocations', { indicator: 'L1' }), 'paid')).toBe(fen([l1], 'paid'));
    } finally {
      await db.run(`DELETE FROM allocations WHERE id = 'A7'`);
      await db.run(`DELETE FROM payments WHERE voucher_no = 'P13'`);
      await rebuildPaymentDays(db);
    }
  });
});
