import { describe, expect, it } from 'vitest';
import { ruleById } from '@/lib/rules/registry';
import type { RuleHit } from '@/lib/rules/types';
import type { Viewer } from '@/lib/auth/roles';
import { permissions } from '@/lib/auth/permissions';
import { describeAuditDetail, auditActionLabel } from '@/lib/auth/audit-labels';
import { parseRiskPoints } from '@/lib/funds/risk-points-form';
import type { Db } from '@/queries/db';
import { listAudit } from '@/queries/auth/audit';
import { listRiskPoints, saveRiskPoints, type RiskPoints } from '@/queries/funds/risk-points';
import { evaluateRule } from '@/queries/rules/evaluate';
import { useFixtureDb } from '../helpers/fixture';
import { ALLOC_LIMIT_FIXTURE, DEADLINE_FIXTURE, IDLE_LIMIT_FIXTURE } from '../fixtures/risk-points';

// 个性风险点 per fund (docs/rules.md "Risk points per fund"): the fund's own values decide the rules where set, the
// rule's setting elsewhere; FUND_DEADLINE; who may set them, and the audit. Expected values worked out by hand from
// test/fixtures/risk-points.ts.

const AS_OF = '2018-06-30';
const run = (db: Db, id: string, asOf = AS_OF, params: Record<string, number> = {}) => evaluateRule(db, ruleById(id)!, asOf, params);
const brief = (hits: RuleHit[]) => hits.map((h) => [h.subject_id, h.unit_id, h.amount, h.severity]);
const ids = (hits: RuleHit[]) => hits.map((h) => h.subject_id);

describe('a fund’s own 分配时限 replaces ALLOC_OVERDUE’s and NOT_ALLOCATED’s days', () => {
  const ctx = useFixtureDb(ALLOC_LIMIT_FIXTURE);

  it('ALLOC_OVERDUE', async () => {
    const hits = await run(ctx.db, 'ALLOC_OVERDUE');
    expect(brief(hits)).toEqual([
      // B1 (fund 128, 15 days): due by 03-16, allocated 03-20 → all 100,000 late, all allocated since → blue. Its twin
      // B2 on fund 22 (30 days, due 03-31) is on time. B3 (fund 43, 60 days: due 04-30) allocated 04-15: on time.
      ['B1', 4, '100000.00', 'blue'],
      // B4: 06-14 + 15 = 06-29, before the 截止日期, nothing allocated → 80,000, 16 days → yellow. B5: 06-15 + 15 =
      // 06-30 is its last day.
      ['B4', 4, '80000.00', 'yellow'],
    ]);
    expect(hits[0].evidence).toMatchObject({ days_held: 121, limit_days: 15, on_time: 0, late: 100000 });
    // The rule's setting moves the funds without their own limit only: at 10 days B2 (day 19) is late, B3 keeps its
    // 60 and B5 its 15.
    const tighter = await run(ctx.db, 'ALLOC_OVERDUE', AS_OF, { days: 10 });
    expect(brief(tighter)).toEqual([['B1', 4, '100000.00', 'blue'], ['B2', 4, '100000.00', 'blue'], ['B4', 4, '80000.00', 'yellow']]);
    expect(tighter[1].evidence).toMatchObject({ limit_days: 10 });
  });

  it('NOT_ALLOCATED', async () => {
    const hits = await run(ctx.db, 'NOT_ALLOCATED');
    // B4: 16 days > its fund's 15, nothing allocated (with the rule's 30 it would not be due); B5: 15 days, not more.
    expect(brief(hits)).toEqual([['B4', 4, '80000.00', 'yellow']]);
    expect(hits[0].evidence).toMatchObject({ days_held: 16, limit_days: 15 });
  });
});

describe('a fund’s own 滞留天数 replaces IDLE_FUNDS’s days', () => {
  const ctx = useFixtureDb(IDLE_LIMIT_FIXTURE);

  it('a balance idle 61 days fires on a fund of 60, not on a fund of the default 90', async () => {
    const hits = await run(ctx.db, 'IDLE_FUNDS');
    // K1 (J1 × 甲镇, fund 128: 60 days): 100,000 − 40,000 = 60,000, last paid 04-30 → 61 days → yellow.
    // Not: K2 (fund 128) 59 days; K3 (fund 22, the rule's 90) 61 days; K4 (fund 43: 120) 100 days.
    expect(brief(hits)).toEqual([['K1', 101, '60000.00', 'yellow']]);
    expect(hits[0].evidence).toMatchObject({ idle_days: 61, limit_days: 60, balance: 60000 });
  });

  it('the rule’s setting moves only the funds without their own; a later 截止日期 reaches the 120', async () => {
    // 50 days: K3 (61) fires now; K2 (59 < 60) and K4 (100 < 120) keep their fund's threshold.
    expect(ids(await run(ctx.db, 'IDLE_FUNDS', AS_OF, { days: 50 }))).toEqual(['K1', 'K3']);
    // 2018-07-20: K1 81, K2 79 (≥ 60), K3 81 (< 90), K4 120 (≥ 120).
    expect(ids(await run(ctx.db, 'IDLE_FUNDS', '2018-07-20'))).toEqual(['K1', 'K2', 'K4']);
  });
});

describe('FUND_DEADLINE 最后使用关口', () => {
  const ctx = useFixtureDb(DEADLINE_FIXTURE);

  it('a final date passed is red, 30 days ahead orange, 31 nothing; spent money and later money are not due', async () => {
    const hits = await run(ctx.db, 'FUND_DEADLINE');
    expect(brief(hits)).toEqual([
      // D1 (fund 22, final date 06-29 = 截止日期 − 1): 500,000 − 200,000 = 300,000 unspent → red. D2 is spent (60,000 +
      // 40,000 = 100,000), D3 arrived on 06-30, after the final date.
      ['D1', 4, '300000.00', 'red'],
      // D4 (fund 43, 07-30 = 截止日期 + 30): 200,000 − 50,000 (the 08-05 payment is not yet made) → orange. D5 (fund
      // 128, 07-31 = + 31) is not yet near.
      ['D4', 2, '150000.00', 'orange'],
    ]);
    expect(hits[0].evidence).toEqual({
      fund: '中央财政专项扶贫资金', final_date: '2018-06-29', days_left: -1, received: 500000, paid: 200000, balance: 300000,
    });
    expect(hits[1].evidence).toMatchObject({ final_date: '2018-07-30', days_left: 30 });
  });

  it('warns the setting’s days ahead; on the final date itself still orange', async () => {
    expect(brief(await run(ctx.db, 'FUND_DEADLINE', AS_OF, { days: 31 }))).toEqual([
      ['D1', 4, '300000.00', 'red'], ['D4', 2, '150000.00', 'orange'], ['D5', 4, '90000.00', 'orange'],
    ]);
    // 2018-07-30: D1 31 days past; D4's date is today (0 days left); D5 1 day left, nothing paid.
    const later = await run(ctx.db, 'FUND_DEADLINE', '2018-07-30');
    expect(brief(later)).toEqual([['D1', 4, '300000.00', 'red'], ['D4', 2, '150000.00', 'orange'], ['D5', 4, '90000.00', 'orange']]);
    expect(later.map((h) => h.evidence.days_left)).toEqual([-31, 0, 1]);
  });

  it('a fund without a final date is never flagged', async () => {
    await ctx.db.run('UPDATE fund_risk_points SET final_date = NULL WHERE fund_id = 22');
    expect(ids(await run(ctx.db, 'FUND_DEADLINE'))).toEqual(['D4']);
  });
});

describe('who sets a fund’s risk points, and the audit', () => {
  const ctx = useFixtureDb('');
  const viewer = (role: Viewer['role'], unitId: number | null, username: string = role): Viewer =>
    ({ id: 1, username, displayName: null, role, unitId, unitName: null });
  // Sections of the catalog: 农财所 = 4 (funds 22, 128), 教科文股 = 2 (fund 43).
  const nongcai = viewer('section', 4, 'nongcai');
  const admin = viewer('admin', null);
  const points = (p: Partial<RiskPoints>): RiskPoints => ({ alloc_days: null, final_date: null, idle_days: null, ...p });
  const auditRows = () => listAudit(ctx.db, { action: 'fund_risk_points' });

  it('the predicates: a 股室 its own funds, the admin any, nobody else', () => {
    expect(permissions.setRiskPoints(nongcai, { section_id: 4 })).toBe(true);
    expect(permissions.setRiskPoints(nongcai, { section_id: 2 })).toBe(false);
    expect(permissions.setRiskPoints(admin, { section_id: 2 })).toBe(true);
    expect(permissions.setRiskPoints(viewer('section', null), { section_id: 4 })).toBe(false);
    for (const role of ['leader', 'supervisor', 'department', 'town'] as const) {
      expect(permissions.setRiskPoints(viewer(role, 4), { section_id: 4 }), role).toBe(false);
      expect(permissions.manageRiskPoints(viewer(role, 4)), role).toBe(false);
    }
    expect([permissions.manageRiskPoints(admin), permissions.manageRiskPoints(nongcai), permissions.manageRiskPoints(viewer('section', null))])
      .toEqual([true, true, false]);
    expect([permissions.riskPointsSection(admin), permissions.riskPointsSection(nongcai), permissions.riskPointsSection(viewer('section', null))])
      .toEqual([undefined, 4, -1]);
  });

  it('the server refuses another section’s fund and writes nothing', async () => {
    const result = await saveRiskPoints(ctx.db, nongcai, 43, points({ idle_days: 60 }), '10.0.0.1');
    expect(result).toMatchObject({ ok: false });
    expect((result as { error: string }).error).toContain('无权');
    expect((await listRiskPoints(ctx.db, 2)).find((f) => f.id === 43)?.idle_days).toBeNull();
    expect(await auditRows()).toEqual([]);
    expect(await saveRiskPoints(ctx.db, nongcai, 999999, points({}), null)).toEqual({ ok: false, error: '资金不在目录中' });
  });

  it('a 股室 sets its fund; each change is audited old → new; an unchanged form writes nothing', async () => {
    expect(await saveRiskPoints(ctx.db, nongcai, 22, points({ alloc_days: 20, final_date: '2018-12-31' }), '10.0.0.1'))
      .toMatchObject({ ok: true });
    const [first] = await auditRows();
    expect(first).toMatchObject({ actor: 'nongcai', action: 'fund_risk_points', ip: '10.0.0.1' });
    expect(first.target).toContain('中央财政专项扶贫资金');
    expect(JSON.parse(first.detail!)).toEqual({ fund_id: 22, alloc_days: { from: null, to: 20 }, final_date: { from: null, to: '2018-12-31' } });
    expect(describeAuditDetail(first.detail)).toBe('资金编号：22；分配时限（天）：无 → 20；最后使用关口：无 → 2018-12-31');
    expect(auditActionLabel('fund_risk_points')).toBe('设置资金风险点');

    // Only what changed: the idle days set, the allocation limit cleared back to the rule's.
    await saveRiskPoints(ctx.db, nongcai, 22, points({ final_date: '2018-12-31', idle_days: 60 }), null);
    const second = (await auditRows())[0];
    expect(JSON.parse(second.detail!)).toEqual({ fund_id: 22, alloc_days: { from: 20, to: null }, idle_days: { from: null, to: 60 } });

    expect(await saveRiskPoints(ctx.db, nongcai, 22, points({ final_date: '2018-12-31', idle_days: 60 }), null))
      .toMatchObject({ ok: true, message: expect.stringContaining('没有变化') });
    expect(await auditRows()).toHaveLength(2);

    const row = (await listRiskPoints(ctx.db, 4)).find((f) => f.id === 22)!;
    expect(row).toMatchObject({ alloc_days: null, final_date: '2018-12-31', idle_days: 60, updated_by: 'nongcai', section: '农财所' });
  });

  it('the admin sets any fund; the page lists a 股室 only its funds, in catalog order', async () => {
    expect(await saveRiskPoints(ctx.db, admin, 43, points({ idle_days: 120 }), null)).toMatchObject({ ok: true });
    const own = await listRiskPoints(ctx.db, 4);
    expect(own.length).toBeGreaterThan(1);
    expect(own.every((f) => f.section_id === 4)).toBe(true);
    expect(own.map((f) => f.id)).toEqual(expect.arrayContaining([22, 128]));
    const order = ['central', 'province', 'city', 'county'];
    const keys = own.map((f) => order.indexOf(f.level) * 10000 + f.seq);
    expect(keys).toEqual([...keys].sort((a, b) => a - b));
    const all = await listRiskPoints(ctx.db, undefined);
    expect(all.find((f) => f.id === 43)?.idle_days).toBe(120);
    expect(await listRiskPoints(ctx.db, -1)).toEqual([]);
  });

  it('the table refuses values the form would', async () => {
    await expect(ctx.db.run('INSERT INTO fund_risk_points (fund_id, alloc_days) VALUES (128, 0)')).rejects.toThrow(/CHECK/i);
    await expect(ctx.db.run("INSERT INTO fund_risk_points (fund_id, final_date) VALUES (128, '2101-01-01')")).rejects.toThrow(/CHECK/i);
  });
});

describe('parseRiskPoints: the form’s limits', () => {
  const form = (f: Partial<{ alloc_days: string; final_date: string; idle_days: string }>) =>
    parseRiskPoints({ alloc_days: '', final_date: '', idle_days: '', ...f });

  it('empty fields mean the rule’s setting; days 1–3650; a real date in 2000–2100', () => {
    expect(form({})).toEqual({ ok: true, points: { alloc_days: null, final_date: null, idle_days: null } });
    expect(form({ alloc_days: ' 1 ', final_date: '2100-12-31', idle_days: '3650' }))
      .toEqual({ ok: true, points: { alloc_days: 1, final_date: '2100-12-31', idle_days: 3650 } });
    expect(form({ final_date: '2000-01-01' })).toMatchObject({ ok: true });
    for (const bad of [{ alloc_days: '0' }, { alloc_days: '3651' }, { idle_days: '1.5' }, { idle_days: '-3' }, { alloc_days: '三十' },
      { final_date: '1999-12-31' }, { final_date: '2101-01-01' }, { final_date: '2018-02-30' }, { final_date: '2018/12/31' }]) {
      expect(form(bad), JSON.stringify(bad)).toMatchObject({ ok: false });
    }
    expect(form({ idle_days: '0' })).toEqual({ ok: false, error: '滞留天数须是 1 到 3650 之间的整数天数' });
  });
});
