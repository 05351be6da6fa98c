import { describe, expect, it } from 'vitest';
import { takeSteps } from '@/queries/warnings/step';
import { useFixtureDb } from '../helpers/fixture';
import { testViewer } from '../helpers/viewer';

// Five warnings: 1–4 待认定, 5 already 认定正常 (docs/workflow.md).
const FIXTURE = `
INSERT INTO units (id, kind, name) VALUES (101, 'town', '甲镇');
INSERT INTO warnings (id, rule_id, key, subject_type, subject_id, unit_id, amount, severity, status)
SELECT i, 'BAD_MEMO', 'BAD_MEMO:payment:P' || i, 'payment', 'P' || i, 101, 100.00, 'blue',
       CASE WHEN i = 5 THEN 'dismissed' ELSE 'new' END
FROM range(1, 6) t(i);
`;

const supervisor = testViewer('jiandu', 'supervisor', null);
const jia = testViewer('jiazhen', 'town', 101);

describe('bulk 下发核实 and 认定正常 from 预警列表 (queries/warnings/step.ts takeSteps)', () => {
  const ctx = useFixtureDb(FIXTURE);

  const statuses = async () => (await ctx.db.all<{ id: number; status: string }>('SELECT id, status FROM warnings ORDER BY id')).map((r) => r.status);
  const count = async (sql: string) => (await ctx.db.one<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM ${sql}`))!.n;

  it('one of three that cannot be sent: none moves, and the answer names it with why', async () => {
    expect(await takeSteps(ctx.db, [1, 2, 5], 'send', supervisor, { comment: '请核实', unitId: 101 }, null, '2018-06-06')).toEqual({
      ok: false, error: '1 条疑点不能处理，所选疑点均未处理',
      refused: [{ id: 5, error: '当前状态为“认定正常”，不能下发核实' }],
    });
    expect(await statuses()).toEqual(['new', 'new', 'new', 'new', 'dismissed']);
    expect(await count('warning_events')).toBe(0);
    expect(await count("audit_log WHERE action LIKE 'warning_%'")).toBe(0);
  });

  it('three that may be sent: each its own event and audit row, one deadline', async () => {
    // Wednesday 2018-06-06 + 3 working days: Thu 07, Fri 08, Mon 11.
    expect(await takeSteps(ctx.db, [1, 2, 3], 'send', supervisor, { comment: '请核实', unitId: 101 }, '10.0.0.7', '2018-06-06'))
      .toEqual({ ok: true, status: 'sent', deadline: '2018-06-11', moved: 3 });
    expect(await statuses()).toEqual(['sent', 'sent', 'sent', 'new', 'dismissed']);
    expect(await ctx.db.all('SELECT warning_id, actor, action, from_status, to_status, unit_id, comment FROM warning_events ORDER BY warning_id'))
      .toEqual([1, 2, 3].map((id) => ({ warning_id: id, actor: 'jiandu', action: 'send', from_status: 'new', to_status: 'sent', unit_id: 101, comment: '请核实' })));
    expect(await ctx.db.all("SELECT actor, action, target, ip FROM audit_log WHERE action LIKE 'warning_%' ORDER BY id"))
      .toEqual([1, 2, 3].map((id) => ({ actor: 'jiandu', action: 'warning_send', target: `warning:${id}`, ip: '10.0.0.7' })));
    expect(await ctx.db.all("SELECT id, assigned_unit_id, deadline::VARCHAR AS deadline FROM warnings WHERE status = 'sent' ORDER BY id"))
      .toEqual([1, 2, 3].map((id) => ({ id, assigned_unit_id: 101, deadline: '2018-06-11' })));
  });

  it('认定正常 needs its one reason; a town may not decide; an id named twice counts once', async () => {
    expect(await takeSteps(ctx.db, [4], 'dismiss', supervisor, { comment: ' ' }, null)).toEqual({
      ok: false, error: '1 条疑点不能处理，所选疑点均未处理', refused: [{ id: 4, error: '请填写认定正常的理由' }],
    });
    expect(await takeSteps(ctx.db, [4, 99], 'dismiss', jia, { comment: '正常' }, null)).toEqual({
      ok: false, error: '2 条疑点不能处理，所选疑点均未处理',
      refused: [{ id: 4, error: '只有监督检查室可以认定正常' }, { id: 99, error: '疑点 #99 不存在' }],
    });
    expect(await takeSteps(ctx.db, [4, 4], 'dismiss', supervisor, { comment: '系统内部调账' }, null))
      .toEqual({ ok: true, status: 'dismissed', deadline: null, moved: 1 });
    expect(await count("warning_events WHERE action = 'dismiss'")).toBe(1);
  });

  it('refuses nothing selected, more than 500, a send without a unit and a deadline outside 1–60', async () => {
    expect(await takeSteps(ctx.db, [], 'dismiss', supervisor, { comment: 'x' }, null)).toEqual({ ok: false, error: '请先勾选疑点', refused: [] });
    const many = Array.from({ length: 501 }, (_, i) => i + 1);
    expect(await takeSteps(ctx.db, many, 'dismiss', supervisor, { comment: 'x' }, null))
      .toEqual({ ok: false, error: '一次最多处理 500 条疑点，已选 501 条', refused: [] });
    expect(await takeSteps(ctx.db, [1], 'send', supervisor, { comment: '', unitId: 101, days: 61 }, null))
      .toEqual({ ok: false, error: '答复期限须是 1 到 60 个工作日', refused: [] });
    await ctx.db.run("UPDATE warnings SET status = 'new' WHERE id = 1");
    expect(await takeSteps(ctx.db, [1], 'send', supervisor, { comment: '' }, null)).toMatchObject({
      ok: false, refused: [{ id: 1, error: '请选择下发核实的单位（股室、部门或镇）' }],
    });
  });
});
