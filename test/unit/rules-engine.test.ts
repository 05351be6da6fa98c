import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Db } from '@/queries/db';
import { RULES } from '@/lib/rules/registry';
import type { Viewer } from '@/lib/auth/roles';
import { runRules } from '@/queries/rules/run';
import { latestRunForBatch } from '@/queries/rules/runs';
import { ruleSettings, saveRuleSetting } from '@/queries/rules/settings';
import { adminSaveRuleSettings } from '@/lib/rules/settings-admin';
import { runRulesOnDemand } from '@/lib/rules/run-on-demand';
import { runRulesAfterImport } from '@/lib/rules/after-import';
import type { RuleDef } from '@/lib/rules/types';
import { csv, importText, seedCounty, writeFixture } from '../fixtures/import-load/helpers';
import { buildDemoFile } from '@/lib/cli/demo';
import { tempDb } from '../helpers/temp-db';
import { cli } from '../helpers/cli';
import { loadFixture } from '../helpers/fixture';
import { LARGE_PAYMENT, TEST_RULES, UNALLOCATED } from '../fixtures/rules/engine-rules';

// Three indicators and four payments. As of 2018-06-01 (the newest data date: the last payment's):
//   LARGE_PAYMENT (≥ 50,000 元): ZF1 60,000 orange, ZF3 120,000 red (≥ 2 × 50,000), ZF4 50,000.00 orange; ZF2
//     49,999.99 is a near miss. 3 rows, 60,000 + 120,000 + 50,000 = 230,000.00 元.
//   UNALLOCATED (> 30 days, nothing allocated): ZB2 received 03-01, 92 days before 06-01 → hit (500,000.00 元, the
//     股室 of fund 43); ZB3 received 05-20 is 12 days old; ZB1 was allocated on 01-20.
const FIXTURE = `
INSERT INTO units (id, kind, name, parent_id) VALUES (201, 'department', '县农业农村局', NULL);
INSERT INTO indicators (id, fund_id, level, year, amount, received_date) VALUES
  ('ZB1', 22, 'central', 2018, 1000000, '2018-01-10'),
  ('ZB2', 43, 'province', 2018, 500000, '2018-03-01'),
  ('ZB3', 128, 'county', 2018, 200000, '2018-05-20');
INSERT INTO allocations (id, indicator_id, unit_id, amount, alloc_date) VALUES ('FP1', 'ZB1', 201, 100000, '2018-01-20');
INSERT INTO payments (voucher_no, pay_date, amount, indicator_id, unit_id) VALUES
  ('ZF1', '2018-02-01', 60000, 'ZB1', 201),
  ('ZF2', '2018-04-01', 49999.99, 'ZB1', 201),
  ('ZF3', '2018-06-01', 120000, 'ZB1', 201),
  ('ZF4', '2018-02-15', 50000, 'ZB1', 201)
`;

interface WarningRow {
  id: number; key: string; rule_id: string; subject_id: string; unit_id: number | null; amount: string; severity: string;
  status: string; cleared_at: string | null; last_run_id: number; evidence: string;
}

const admin: Viewer = { id: 1, username: 'admin', displayName: null, role: 'admin', unitId: null, unitName: null };
const supervisor: Viewer = { ...admin, id: 2, username: 'jiandu', role: 'supervisor' };
const town: Viewer = { ...admin, id: 3, username: 'zhen', role: 'town', unitId: 201 };

let cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.reverse()) c();
  cleanups = [];
});

async function county(): Promise<Db> {
  const t = await tempDb();
  cleanups.push(t.cleanup);
  await loadFixture(t.db, FIXTURE);
  return t.db;
}

const warnings = (db: Db) => db.all<WarningRow>(`SELECT id, key, rule_id, subject_id, unit_id, amount::VARCHAR AS amount, severity, status,
  cleared_at::VARCHAR AS cleared_at, last_run_id, evidence FROM warnings ORDER BY key`);
const run = (db: Db, asOf?: string) => runRules(db, { actor: 'tester', asOf }, TEST_RULES);
const sectionOfFund43 = async (db: Db) => (await db.one<{ id: number }>("SELECT id FROM units WHERE kind = 'section' AND name = '教科文股'"))!.id;

describe('running the rules (docs/rules.md "Running the rules")', () => {
  it('inserts the hits as new warnings keyed rule:subject_type:subject_id, as of the newest data date', async () => {
    const db = await county();
    const result = await run(db);
    expect(result.as_of).toBe('2018-06-01');
    expect(result.rules.map(({ ms, ...r }) => r)).toEqual([
      { id: 'TEST_LARGE_PAYMENT', rows: 3, new: 3, cleared: 0, amount_yuan: '230000.00' },
      { id: 'TEST_UNALLOCATED', rows: 1, new: 1, cleared: 0, amount_yuan: '500000.00' },
    ]);
    const rows = await warnings(db);
    expect(rows.map((w) => [w.key, w.severity, w.amount, w.status, w.cleared_at, w.last_run_id])).toEqual([
      ['TEST_LARGE_PAYMENT:payment:ZF1', 'orange', '60000.00', 'new', null, result.run_id],
      ['TEST_LARGE_PAYMENT:payment:ZF3', 'red', '120000.00', 'new', null, result.run_id],
      ['TEST_LARGE_PAYMENT:payment:ZF4', 'orange', '50000.00', 'new', null, result.run_id],
      ['TEST_UNALLOCATED:indicator:ZB2', 'yellow', '500000.00', 'new', null, result.run_id],
    ]);
    expect(rows[3].unit_id).toBe(await sectionOfFund43(db));
    expect(rows[0].unit_id).toBe(201);
    // 03-01 to 06-01: 30 + 30 + 31 + 1 = 92 days (March 31, April 30, May 31 minus the first day, plus June 1).
    expect(JSON.parse(rows[3].evidence)).toEqual({ received_date: '2018-03-01', days: 92 });
  });

  it('a second run over the same data finds the same rows and raises or clears nothing', async () => {
    const db = await county();
    const first = await run(db);
    const second = await run(db);
    expect(second.run_id).toBe(first.run_id + 1);
    expect(second.rules.map((r) => [r.id, r.rows, r.new, r.cleared])).toEqual([['TEST_LARGE_PAYMENT', 3, 0, 0], ['TEST_UNALLOCATED', 1, 0, 0]]);
    const rows = await warnings(db);
    expect(rows).toHaveLength(4);
    expect(rows.every((w) => w.last_run_id === second.run_id)).toBe(true);
  });

  it('clears exactly the warning whose data went (status kept), and un-clears the same row when it comes back', async () => {
    const db = await county();
    await run(db, '2018-06-01');
    await db.run("UPDATE warnings SET status = 'sent' WHERE key = 'TEST_LARGE_PAYMENT:payment:ZF3'");
    const before = (await warnings(db)).find((w) => w.subject_id === 'ZF3')!;

    await loadFixture(db, "DELETE FROM payments WHERE voucher_no = 'ZF3'");
    const gone = await run(db, '2018-06-01');
    expect(gone.rules.map((r) => [r.id, r.rows, r.new, r.cleared, r.amount_yuan])).toEqual([
      ['TEST_LARGE_PAYMENT', 2, 0, 1, '110000.00'], // 60,000 + 50,000
      ['TEST_UNALLOCATED', 1, 0, 0, '500000.00'],
    ]);
    const afterGone = await warnings(db);
    expect(afterGone.filter((w) => w.cleared_at !== null).map((w) => [w.subject_id, w.status])).toEqual([['ZF3', 'sent']]);
    const zf3 = afterGone.find((w) => w.subject_id === 'ZF3')!;
    expect(zf3.last_run_id).toBe(before.last_run_id); // the run that last found it

    await loadFixture(db, "INSERT INTO payments (voucher_no, pay_date, amount, indicator_id, unit_id) VALUES ('ZF3', '2018-06-01', 120000, 'ZB1', 201)");
    const back = await run(db, '2018-06-01');
    expect(back.rules.map((r) => [r.id, r.new, r.cleared])).toEqual([['TEST_LARGE_PAYMENT', 0, 0], ['TEST_UNALLOCATED', 0, 0]]);
    const rows = await warnings(db);
    expect(rows).toHaveLength(4);
    const again = rows.find((w) => w.subject_id === 'ZF3')!;
    expect([again.id, again.status, again.cleared_at, again.last_run_id]).toEqual([before.id, 'sent', null, back.run_id]);
  });

  it('a workflow state set by hand survives a re-run, and the figures follow the data', async () => {
    const db = await county();
    await run(db);
    await db.run("UPDATE warnings SET status = 'rectified', assigned_unit_id = 201, deadline = '2018-06-06' WHERE key = 'TEST_LARGE_PAYMENT:payment:ZF1'");
    await loadFixture(db, "UPDATE payments SET amount = 110000 WHERE voucher_no = 'ZF1'");
    await run(db);
    const zf1 = await db.one<{ status: string; assigned_unit_id: number; deadline: string; amount: string; severity: string }>(
      "SELECT status, assigned_unit_id, deadline::VARCHAR AS deadline, amount::VARCHAR AS amount, severity FROM warnings WHERE key = 'TEST_LARGE_PAYMENT:payment:ZF1'");
    // 110,000 ≥ 2 × 50,000: red now.
    expect(zf1).toEqual({ status: 'rectified', assigned_unit_id: 201, deadline: '2018-06-06', amount: '110000.00', severity: 'red' });
  });

  it('--as-of in the past sees only what existed by then', async () => {
    const db = await county();
    const past = await run(db, '2018-03-01');
    // By 03-01: ZF1 (02-01) and ZF4 (02-15), 60,000 + 50,000 = 110,000.00; ZB2 was received that day (0 days), and
    // ZB1's allocation of 01-20 was made by then.
    expect(past.as_of).toBe('2018-03-01');
    expect(past.rules.map(({ ms, ...r }) => r)).toEqual([
      { id: 'TEST_LARGE_PAYMENT', rows: 2, new: 2, cleared: 0, amount_yuan: '110000.00' },
      { id: 'TEST_UNALLOCATED', rows: 0, new: 0, cleared: 0, amount_yuan: '0.00' },
    ]);
    // An allocation counts only from its date: as of 01-19, ZB1 (received 01-10, 9 days, > 5) was not yet allocated
    // (01-20), so with days = 5 it is a hit.
    await saveRuleSetting(db, UNALLOCATED.id, { enabled: true, params: { days: 5 } }, 'admin');
    const early = await runRules(db, { actor: 'tester', asOf: '2018-01-19', ruleIds: [UNALLOCATED.id] }, TEST_RULES);
    expect(early.rules.map((r) => [r.id, r.rows, r.new])).toEqual([['TEST_UNALLOCATED', 1, 1]]);
    expect((await warnings(db)).filter((w) => w.rule_id === UNALLOCATED.id).map((w) => w.subject_id)).toEqual(['ZB1']);
    // Only the rule that ran clears: LARGE_PAYMENT's two warnings stand.
    expect((await warnings(db)).filter((w) => w.cleared_at !== null)).toEqual([]);
  });

  it('a disabled rule is not run; saved thresholds override the defaults', async () => {
    const db = await county();
    await saveRuleSetting(db, UNALLOCATED.id, { enabled: false, params: {} }, 'admin');
    await saveRuleSetting(db, LARGE_PAYMENT.id, { enabled: true, params: { min_amount: 100_000 } }, 'admin');
    const result = await run(db);
    // Only ZF3 (120,000) reaches 100,000; it is below 2 × 100,000, so orange.
    expect(result.rules.map(({ ms, ...r }) => r)).toEqual([{ id: 'TEST_LARGE_PAYMENT', rows: 1, new: 1, cleared: 0, amount_yuan: '120000.00' }]);
    expect((await warnings(db)).map((w) => [w.key, w.severity])).toEqual([['TEST_LARGE_PAYMENT:payment:ZF3', 'orange']]);
    const runRow = await db.one<{ rule_ids: string[] }>('SELECT rule_ids FROM rule_runs WHERE id = $id', { id: result.run_id });
    expect(runRow!.rule_ids).toEqual(['TEST_LARGE_PAYMENT']);
  });

  it('records the run and one item per rule with the figures', async () => {
    const db = await county();
    const result = await runRules(db, { actor: 'import:#7' }, TEST_RULES);
    const runRow = await db.one<Record<string, unknown>>(`SELECT actor, as_of::VARCHAR AS as_of, rule_ids, rows, new, cleared, ms,
      finished_at >= started_at AS ordered FROM rule_runs WHERE id = $id`, { id: result.run_id });
    // 3 + 1 rows, all new.
    expect(runRow).toEqual({
      actor: 'import:#7', as_of: '2018-06-01', rule_ids: ['TEST_LARGE_PAYMENT', 'TEST_UNALLOCATED'], rows: 4, new: 4, cleared: 0,
      ms: expect.any(Number), ordered: true,
    });
    const items = await db.all<Record<string, unknown>>(`SELECT rule_id AS id, rows, new, cleared, amount::VARCHAR AS amount_yuan, ms
      FROM rule_run_items WHERE run_id = $id ORDER BY rule_id`, { id: result.run_id });
    expect(items).toEqual(result.rules);
    expect(await latestRunForBatch(db, 7)).toEqual({ run_id: result.run_id, as_of: '2018-06-01', new: 4, finished_at: expect.any(String) });
    expect(await latestRunForBatch(db, 8)).toBeNull();
  });

  it('refuses an unknown rule naming the known ones, and a malformed date', async () => {
    const db = await county();
    await expect(runRules(db, { actor: 't', ruleIds: ['NOPE'] }, TEST_RULES)).rejects.toThrow('没有规则 NOPE；可用：TEST_LARGE_PAYMENT, TEST_UNALLOCATED');
    await expect(run(db, '2018-02-30')).rejects.toThrow('2018-02-30');
    expect(await db.one('SELECT count(*)::INTEGER AS n FROM rule_runs')).toEqual({ n: 0 });
  });
});

describe('after an import', () => {
  it('runs the rules queued behind the import, recorded for the batch; a failing run is logged, not thrown', async () => {
    const db = await county();
    // Started together, the run waits for the import (serialize.ts) and so sees its payment; batch ids start at 1.
    const importing = importText(db, 'payments', csv([['支付凭证号', '支付日期', '支付金额', '预算单位', '指标明细号'], ['ZF9', '2018-06-02', '75000', '县农业农村局', 'ZB1']]));
    const running = runRulesAfterImport(db, 1, TEST_RULES);
    const batch = await importing;
    expect(batch.batch_id).toBe(1);
    const result = await running;
    // As of ZF9's date, 06-02: ZF1, ZF3, ZF4 and ZF9 (75,000) of LARGE_PAYMENT, and ZB2 (93 days) — 5 new.
    expect(result!.as_of).toBe('2018-06-02');
    expect(await latestRunForBatch(db, 1)).toMatchObject({ run_id: result!.run_id, as_of: '2018-06-02', new: 5 });
    expect(await latestRunForBatch(db, 2)).toBeNull();

    const broken: RuleDef = { ...UNALLOCATED, id: 'TEST_BROKEN', sql: 'test/fixtures/rules/large_payment.sql', params: {} };
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args);
    try {
      expect(await runRulesAfterImport(db, batch.batch_id, [broken])).toBeNull(); // $min_amount has no value
    } finally {
      console.error = original;
    }
    expect(String((errors[0] as unknown[])[0])).toContain(`the run after import #${batch.batch_id} failed`);
    expect(await latestRunForBatch(db, batch.batch_id)).toMatchObject({ run_id: result!.run_id });
  });

  it('the CLI import waits for the run and says how many warnings it raised', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'fund-monitor-rules-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const file = path.join(dir, 'cli.duckdb');
    const db = await Db.open(file);
    await seedCounty(db);
    db.close();
    const data = writeFixture('支付.csv', csv([['支付凭证号', '支付日期', '支付金额', '预算单位'], ['C1', '2018-03-02', '1000.10', '县水利局']]));
    const r = cli(['import', data, '--kind', 'payments', '--db', file, '--raw-dir', path.join(dir, 'raw'), '--json']);
    expect(r.code).toBe(0);
    // The registry's rules: the count is whatever they raised, recorded as the run for batch 1.
    const out = JSON.parse(r.stdout);
    const check = await Db.open(file, { readOnly: true });
    cleanups.push(() => check.close());
    const run = await latestRunForBatch(check, 1);
    expect(out.warnings).toEqual({ run_id: run!.run_id, new: run!.new });
  });
});

describe('running on demand (立即运行)', () => {
  it('the admin and supervision run the rules under their name, audited; a town may not', async () => {
    const db = await county();
    expect(await runRulesOnDemand(db, supervisor, '10.0.0.2', TEST_RULES)).toEqual({
      ok: true, message: '运行 #1（截止 2018-06-01）：2 条规则，发现 4，新增 4，数据已消除 0', // 3 + 1 hits
    });
    expect(await runRulesOnDemand(db, admin, null, TEST_RULES)).toMatchObject({ ok: true });
    expect(await runRulesOnDemand(db, town, null, TEST_RULES)).toEqual({ ok: false, error: '无权运行预警规则' });
    expect(await db.all('SELECT id, actor FROM rule_runs ORDER BY id')).toEqual([{ id: 1, actor: 'jiandu' }, { id: 2, actor: 'admin' }]);
    const rows = await db.all<{ actor: string; target: string; detail: string }>("SELECT actor, target, detail FROM audit_log WHERE action = 'rule_run' ORDER BY id");
    expect(rows.map((r) => [r.actor, r.target, JSON.parse(r.detail).new])).toEqual([['jiandu', 'rule_run:1', 4], ['admin', 'rule_run:2', 0]]);
  });
});

describe('rule settings (设置)', () => {
  it('the admin saves a rule\'s switch and thresholds, audited with before and after; others are refused', async () => {
    const db = await county();
    const saved = await adminSaveRuleSettings(db, admin, LARGE_PAYMENT.id, { enabled: false, params: { min_amount: 80_000 } }, '10.0.0.1', TEST_RULES);
    expect(saved).toEqual({ ok: true, message: '测试大额支付：设置已保存' });
    expect((await ruleSettings(db)).get(LARGE_PAYMENT.id)).toMatchObject({ enabled: false, params: { min_amount: 80_000 }, updated_by: 'admin' });
    const auditRow = await db.one<{ actor: string; target: string; detail: string; ip: string }>(
      "SELECT actor, target, detail, ip FROM audit_log WHERE action = 'rule_settings'");
    expect({ ...auditRow, detail: JSON.parse(auditRow!.detail) }).toEqual({
      actor: 'admin', target: 'TEST_LARGE_PAYMENT', ip: '10.0.0.1',
      detail: { enabled: { from: true, to: false }, min_amount: { from: 50_000, to: 80_000 } },
    });

    const refused = await adminSaveRuleSettings(db, supervisor, LARGE_PAYMENT.id, { enabled: true, params: { min_amount: 1 } }, null, TEST_RULES);
    expect(refused).toEqual({ ok: false, error: '无权修改预警规则设置' });
    expect(await adminSaveRuleSettings(db, null, LARGE_PAYMENT.id, { enabled: true, params: { min_amount: 1 } }, null, TEST_RULES)).toMatchObject({ ok: false });
    expect(await db.one("SELECT count(*)::INTEGER AS n FROM audit_log WHERE action = 'rule_settings'")).toEqual({ n: 1 });
    expect((await ruleSettings(db)).get(LARGE_PAYMENT.id)).toMatchObject({ enabled: false, params: { min_amount: 80_000 } });
  });

  it('refuses a threshold that is not a finite number within its range, and an unknown rule or parameter', async () => {
    const db = await county();
    const save = (params: Record<string, number>, id = UNALLOCATED.id) => adminSaveRuleSettings(db, admin, id, { enabled: true, params }, null, TEST_RULES);
    expect(await save({ days: Number.NaN })).toEqual({ ok: false, error: '测试未分配：分配期限（天）须为数字' });
    expect(await save({ days: Infinity })).toMatchObject({ ok: false });
    expect(await save({ days: 0 })).toEqual({ ok: false, error: '测试未分配：分配期限（天）须在 1 到 366 之间' });
    expect(await save({ days: 367 })).toMatchObject({ ok: false });
    expect(await save({})).toMatchObject({ ok: false });
    expect(await save({ days: 30, weeks: 2 })).toEqual({ ok: false, error: '规则 测试未分配没有参数 weeks' });
    expect(await save({ days: 30 }, 'NOPE')).toEqual({ ok: false, error: '没有规则 NOPE' });
    expect(await save({ days: 30 })).toEqual({ ok: true, message: '测试未分配：设置没有变化' });
    expect(await db.one('SELECT count(*)::INTEGER AS n FROM rule_settings')).toEqual({ n: 0 });
    expect(await save({ days: 366 })).toEqual({ ok: true, message: '测试未分配：设置已保存' });
    // A rule without a range: from 0, or from 10 × a default below zero (−10 → −100), up to 10¹⁰.
    const lag: RuleDef = { ...UNALLOCATED, id: 'TEST_LAG', name: '测试滞后', params: { gap: { value: -10, label: '差距（百分点）' } } };
    const saveLag = (gap: number) => adminSaveRuleSettings(db, admin, lag.id, { enabled: false, params: { gap } }, null, [lag]);
    expect(await saveLag(-10)).toMatchObject({ ok: true });
    expect(await saveLag(-100.5)).toEqual({ ok: false, error: '测试滞后：差距（百分点）须在 -100 到 10000000000 之间' });
    expect(await saveLag(-100)).toMatchObject({ ok: true });
  });
});

describe('fund-monitor rules run', () => {
  // The command runs the registry's rules (RULES): its JSON is runRules' result on the same data, which a copy of the
  // file taken before the command ran gives the function.
  it('--json prints what runRules returns; the table names the run; --rule and --as-of are checked', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'fund-monitor-rules-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const file = path.join(dir, 'cli.duckdb');
    const copy = path.join(dir, 'copy.duckdb');
    const db = await Db.open(file);
    await loadFixture(db, FIXTURE);
    db.close();
    copyFileSync(file, copy);

    const r = cli(['rules', 'run', '--db', file, '--user', '李主任', '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const printed = JSON.parse(r.stdout);
    const twin = await Db.open(copy);
    cleanups.push(() => twin.close());
    const expected = await runRules(twin, { actor: 'test' });
    const noMs = (x: typeof expected) => ({ ...x, rules: x.rules.map(({ ms, ...rest }) => rest) });
    expect(noMs(printed)).toEqual(noMs(expected));
    expect(printed).toMatchObject({ run_id: 1, as_of: '2018-06-01' });
    expect(printed.rules.map((x: { id: string }) => x.id)).toEqual(RULES.map((x) => x.id));

    const table = cli(['rules', 'run', '--db', file, '--as-of', '2018-03-01']);
    expect(table.code).toBe(0);
    expect(table.stdout.split('\n').slice(0, 2)).toEqual([
      `预警规则运行 #2，截止 2018-03-01，${RULES.length} 条规则`, '规则\t名称\t发现\t新增\t数据已消除\t金额（万元）\t耗时（毫秒）',
    ]);

    const unknown = cli(['rules', 'run', '--db', file, '--rule', 'NOPE']);
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toContain(`没有规则 NOPE；可用：${RULES.map((x) => x.id).join(', ') || '（无）'}`);
    const badDate = cli(['rules', 'run', '--db', file, '--as-of', '2018-3-1']);
    expect(badDate.code).not.toBe(0);
    expect(badDate.stderr).toContain('截止日期 2018-3-1 不是 YYYY-MM-DD 格式的日期');

    const check = await Db.open(file, { readOnly: true });
    cleanups.push(() => check.close());
    expect(await check.all('SELECT id, actor, as_of::VARCHAR AS as_of FROM rule_runs ORDER BY id')).toEqual([
      { id: 1, actor: '李主任', as_of: '2018-06-01' }, { id: 2, actor: 'cli:' + (process.env.USER ?? process.env.USERNAME ?? 'unknown'), as_of: '2018-03-01' },
    ]);
  });
});

describe('the registry\'s rules on the demo county', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'fund-monitor-rules-demo-'));
  let db: Db;
  beforeAll(async () => {
    const file = path.join(dir, 'demo.duckdb');
    await buildDemoFile(file, { payments: 20_000, year: 2018, seed: 3 });
    db = await Db.open(file);
  }, 120_000);
  afterAll(() => {
    db?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a run keeps every hit as one warning; the second raises and clears nothing', async () => {
    const first = await runRules(db, { actor: 'test' });
    expect(first.rules.map((r) => r.id)).toEqual(RULES.map((r) => r.id));
    expect(first.rules.every((r) => r.new === r.rows && r.cleared === 0)).toBe(true);
    const total = first.rules.reduce((n, r) => n + r.rows, 0);
    expect(await db.one('SELECT count(*)::INTEGER AS n FROM warnings')).toEqual({ n: total });
    const second = await runRules(db, { actor: 'test' });
    expect(second.as_of).toBe(first.as_of);
    expect(second.rules.map(({ id, rows, new: n, cleared, amount_yuan }) => [id, rows, n, cleared, amount_yuan]))
      .toEqual(first.rules.map(({ id, rows, amount_yuan }) => [id, rows, 0, 0, amount_yuan]));
  }, 120_000);
});
