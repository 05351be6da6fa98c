import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/queries/db';
import type { Scope } from '@/lib/auth/roles';
import { EMPTY_VIEW_FILTER, type ViewFilter } from '@/lib/views/filter';
import { viewById } from '@/lib/views/registry';
import { runView, runViewChart, type ViewQuery } from '@/queries/views/run';
import { todoCount, warningById } from '@/queries/warnings';
import { tempDb } from '../helpers/temp-db';
import { loadFixture } from '../helpers/fixture';

// Five warnings (docs/workflow.md). Funds: 22 (农财所), 43 (教科文股). Towns 101 甲镇, 102 乙镇; department 201.
//   W1 IDLE_FUNDS on allocation A1 (of I1, fund 22), sent to 甲镇, deadline 2018-01-10, unanswered: overdue
//   W2 BAD_MEMO on payment P2 (of I2, fund 43), sent to 201 and answered 已整改 before its deadline
//   W3 ALLOC_OVERDUE on indicator I1, new;  W4 NOT_ALLOCATED on I2, dismissed
//   W5 SHARED_ACCOUNT on an account, sent to 乙镇, and the data no longer shows it (数据已消除)
const FIXTURE = `
INSERT INTO units (id, kind, name) VALUES (101, 'town', '甲镇'), (102, 'town', '乙镇'), (201, 'department', '县教育局');
INSERT INTO indicators (id, fund_id, level, year, amount, received_date) VALUES
  ('I1', 22, 'central', 2018, 1000.00, '2018-01-05'), ('I2', 43, 'province', 2018, 500.00, '2018-01-05');
INSERT INTO allocations (id, indicator_id, unit_id, amount, alloc_date) VALUES ('A1', 'I1', 101, 800.00, '2018-01-06'),
  ('A2', 'I2', 201, 100.00, '2018-01-07');
INSERT INTO payments (voucher_no, indicator_id, unit_id, amount, pay_date, purpose) VALUES ('P2', 'I2', 201, 50.00, '2018-02-01', '');
INSERT INTO warnings (id, rule_id, key, subject_type, subject_id, unit_id, amount, severity, status, assigned_unit_id, deadline, cleared_at) VALUES
  (1, 'IDLE_FUNDS', 'IDLE_FUNDS:allocation:A1', 'allocation', 'A1', 101, 800.00, 'red', 'sent', 101, '2018-01-10', NULL),
  (2, 'BAD_MEMO', 'BAD_MEMO:payment:P2', 'payment', 'P2', 201, 50.00, 'blue', 'rectified', 201, '2099-01-01', NULL),
  (3, 'ALLOC_OVERDUE', 'ALLOC_OVERDUE:indicator:I1', 'indicator', 'I1', $nongcai, 200.00, 'orange', 'new', NULL, NULL, NULL),
  (4, 'NOT_ALLOCATED', 'NOT_ALLOCATED:indicator:I2', 'indicator', 'I2', $kejiaowen, 500.00, 'yellow', 'dismissed', NULL, NULL, NULL),
  (5, 'SHARED_ACCOUNT', 'SHARED_ACCOUNT:account:6217', 'account', '6217', 102, 9000.00, 'red', 'sent', 102, '2099-01-01', current_timestamp);
INSERT INTO warning_events (warning_id, actor, action, from_status, to_status) VALUES
  (2, 'jiandu', 'send', 'new', 'sent'), (2, 'jiaoyu', 'rectify', 'sent', 'rectified');
`;

const BASE = { ...EMPTY_VIEW_FILTER, year: 2018, asOf: '2018-10-31' } as ViewQuery['filter'];

describe('预警列表, 预警总览 and 待办 as views (lib/views/warning-views.ts)', () => {
  let db: Db;
  let cleanup: () => void;
  const section: Record<string, Scope> = {};
  beforeAll(async () => {
    ({ db, cleanup } = await tempDb());
    for (const r of await db.all<{ id: number; name: string }>("SELECT id, name FROM units WHERE kind = 'section'")) section[r.name] = { kind: 'section', unitId: r.id };
    const id = (name: string) => String((section[name] as { unitId: number }).unitId);
    await loadFixture(db, FIXTURE.replace('$nongcai', id('农财所')).replace('$kejiaowen', id('教科文股')));
  });
  afterAll(() => cleanup());

  const rows = async (view: string, scope: Scope = { kind: 'all' }, f: Partial<ViewFilter> = {}) => {
    const v = viewById(view)!;
    return (await runView(db, v, { filter: { ...BASE, ...f } as ViewQuery['filter'], sort: v.defaultSort, page: null }, scope)).rows;
  };
  const ids = async (scope: Scope, f: Partial<ViewFilter> = {}) => (await rows('warnings', scope, f)).map((r) => Number(r.id)).sort();

  it('each viewer reads its own: a 股室 the warnings on its funds, a unit only what was sent to it', async () => {
    expect(await ids({ kind: 'all' })).toEqual([1, 2, 3, 4, 5]);
    // 农财所 manages fund 22: W1 (allocation of I1) and W3 (I1); 教科文股 fund 43: W2 (payment of I2) and W4 (I2).
    expect(await ids(section['农财所'])).toEqual([1, 3]);
    expect(await ids(section['教科文股'])).toEqual([2, 4]);
    expect(await ids({ kind: 'town', unitId: 101 })).toEqual([1]);
    expect(await ids({ kind: 'town', unitId: 102 })).toEqual([5]);
    expect(await ids({ kind: 'department', unitId: 201 })).toEqual([2]);
    expect(await warningById(db, 5, { kind: 'town', unitId: 101 })).toBeNull();
    expect((await warningById(db, 5, { kind: 'town', unitId: 102 }))?.cleared).toBe(true);
  });

  it('the list narrows by rule, severity and state (open: neither 认定正常 nor 销号), reds first', async () => {
    expect(await ids({ kind: 'all' }, { state: 'open' })).toEqual([1, 2, 3, 5]);
    expect(await ids({ kind: 'all' }, { severity: 'red' })).toEqual([1, 5]);
    expect(await ids({ kind: 'all' }, { rule: 'BAD_MEMO' })).toEqual([2]);
    const list = await rows('warnings');
    expect(list.map((r) => r.severity_rank)).toEqual([1, 1, 2, 3, 4]);
    // W1 is past its deadline unanswered; W5 is 数据已消除.
    expect(list.filter((r) => r.overdue === '逾期').map((r) => Number(r.id))).toEqual([1]);
    expect(list.find((r) => Number(r.id) === 5)).toMatchObject({ cleared: '数据已消除', assigned_name: '乙镇' });
  });

  it('预警总览 by rule and by unit: counts, open, 处理率, 整改率, 逾期', async () => {
    const byRule = Object.fromEntries((await rows('warnings_by_rule')).map((r) => [r.id, r]));
    expect(byRule.IDLE_FUNDS).toMatchObject({ warnings: 1, open: 1, amount: '800.00', red: 1, waiting: 1, cleared: 0 });
    expect(byRule.NOT_ALLOCATED).toMatchObject({ warnings: 1, open: 0, yellow: 1 });
    expect(byRule.SHARED_ACCOUNT).toMatchObject({ cleared: 1, waiting: 1 });
    const byUnit = Object.fromEntries((await rows('warnings_by_unit')).map((r) => [r.name, r]));
    // 甲镇: 1 sent, none answered, past its deadline; 县教育局: 1 sent, answered 已整改 → 处理率 and 整改率 100 %.
    expect(byUnit['甲镇']).toMatchObject({ sent: 1, answered: 0, answer_rate: 0, rectified: 0, overdue: 1, unit_kind: 'town' });
    expect(byUnit['县教育局']).toMatchObject({ sent: 1, answered: 1, answer_rate: 1, rectified: 1, rectify_rate: 1, overdue: 0 });
    expect(byUnit['乙镇']).toMatchObject({ sent: 1, answered: 0, overdue: 0 });
  });

  it('待办 holds what waits for the viewer\'s answer, and the header counts it', async () => {
    expect((await rows('todo', { kind: 'town', unitId: 101 })).map((r) => Number(r.id))).toEqual([1]);
    expect(await rows('todo', { kind: 'department', unitId: 201 })).toEqual([]); // answered, waiting for supervision
    expect(await todoCount(db, { kind: 'town', unitId: 101 })).toBe(1);
    expect(await todoCount(db, section['农财所'])).toBe(0); // its funds' warnings were not sent to it
    expect(await todoCount(db, { kind: 'all' })).toBe(0);
  });

  it('the 镇, 部门 and 股室 views count the open warnings each answers for', async () => {
    // 甲镇: W1 (responsible and sent to it); 县教育局: W2 (已整改, waiting for supervision, still open); 农财所: W3
    // (responsible: ALLOC_OVERDUE names the fund's 股室); 教科文股: W4 was dismissed, so none.
    expect((await rows('towns')).map((r) => [r.name, r.open_warnings])).toEqual([['甲镇', 1]]);
    expect((await rows('departments')).map((r) => [r.name, r.open_warnings])).toEqual([['县教育局', 1]]);
    const sections = Object.fromEntries((await rows('sections')).map((r) => [r.name, r.open_warnings]));
    expect([sections['农财所'], sections['教科文股']]).toEqual([1, 0]);
  });

  it('预警总览\'s weekly trend: twelve weeks, this week\'s found within the viewer\'s warnings, settled from the history', async () => {
    const v = viewById('warnings_by_rule')!;
    const chart = (scope: Scope) => runViewChart(db, v, { filter: BASE, sort: v.defaultSort, page: null }, scope);
    // Summed over the twelve weeks, so the test holds even when a week turns between the insert and the query.
    const sum = (rows: Awaited<ReturnType<typeof chart>>, key: 'found' | 'settled') => rows.reduce((n, w) => n + Number(w[key]), 0);
    const all = await chart({ kind: 'all' });
    // Every warning of the fixture was first found when it was inserted, this week; none was closed or dismissed
    // through a step (W4's 认定正常 has no event), so nothing was settled.
    expect(all).toHaveLength(12);
    expect([sum(all, 'found'), sum(all, 'settled')]).toEqual([5, 0]);
    expect(sum(await chart({ kind: 'town', unitId: 101 }), 'found')).toBe(1);
    await db.run("INSERT INTO warning_events (warning_id, actor, action, from_status, to_status) VALUES (2, 'jiandu', 'close', 'rectified', 'closed')");
    try {
      expect(sum(await chart({ kind: 'all' }), 'settled')).toBe(1);
    } finally {
      await db.run("DELETE FROM warning_events WHERE warning_id = 2 AND action = 'close'");
    }
  });
});
