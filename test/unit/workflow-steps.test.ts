import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/queries/db';
import { takeStep } from '@/queries/warnings/step';
import { tempDb } from '../helpers/temp-db';
import { testViewer } from '../helpers/viewer';

// Three warnings of one rule; 101 甲镇 and 102 乙镇 answer (docs/workflow.md).
const FIXTURE = `
INSERT INTO units (id, kind, name) VALUES (101, 'town', '甲镇'), (102, 'town', '乙镇');
INSERT INTO warnings (id, rule_id, key, subject_type, subject_id, unit_id, amount, severity, status) VALUES
  (1, 'BAD_MEMO', 'BAD_MEMO:payment:P1', 'payment', 'P1', 101, 100.00, 'blue', 'new'),
  (2, 'BAD_MEMO', 'BAD_MEMO:payment:P2', 'payment', 'P2', 101, 200.00, 'blue', 'new'),
  (3, 'BAD_MEMO', 'BAD_MEMO:payment:P3', 'payment', 'P3', 102, 300.00, 'blue', 'new');
`;

const supervisor = testViewer('jiandu', 'supervisor', null);
const jia = testViewer('jiazhen', 'town', 101);
const yi = testViewer('yizhen', 'town', 102);

describe('taking 疑点 steps (queries/warnings/step.ts)', () => {
  let db: Db;
  let cleanup: () => void;
  beforeAll(async () => {
    ({ db, cleanup } = await tempDb());
    await db.run(FIXTURE);
  });
  afterAll(() => cleanup());

  const events = (id: number) => db.all<{ actor: string; action: string; from_status: string; to_status: string; unit_id: number | null; comment: string | null }>(
    'SELECT actor, action, from_status, to_status, unit_id, comment FROM warning_events WHERE warning_id = $id ORDER BY happened_at, rowid', { id });

  it('sends, is answered, returned, answered again and closed; every step an event and an audit row', async () => {
    // Friday 2018-09-28 + 3 working days: 09-29 and 09-30 are 调休 working days, 国庆 10-01..07, so 10-08.
    expect(await takeStep(db, 1, 'send', supervisor, { comment: '请核实用途', unitId: 101 }, '10.0.0.1', '2018-09-28'))
      .toEqual({ ok: true, status: 'sent', deadline: '2018-10-08' });
    expect(await takeStep(db, 1, 'verify', yi, { comment: '无误' }, null)).toEqual({ ok: false, error: '只有被下发核实的单位可以答复' });
    expect(await takeStep(db, 1, 'rectify', jia, { comment: '已补充用途摘要' }, null)).toMatchObject({ ok: true, status: 'rectified' });
    expect(await takeStep(db, 1, 'return', supervisor, { comment: '' }, null)).toEqual({ ok: false, error: '请填写退回的理由' });
    expect(await takeStep(db, 1, 'return', supervisor, { comment: '摘要仍不完整' }, null)).toMatchObject({ ok: true, status: 'returned' });
    expect(await takeStep(db, 1, 'verify', jia, { comment: '经核实为工程进度款' }, null)).toMatchObject({ ok: true, status: 'verified' });
    expect(await takeStep(db, 1, 'close', supervisor, { comment: '' }, null)).toMatchObject({ ok: true, status: 'closed' });
    expect(await takeStep(db, 1, 'close', supervisor, { comment: '' }, null)).toEqual({ ok: false, error: '当前状态为“已销号”，不能通过/销号' });
    expect(await events(1)).toEqual([
      { actor: 'jiandu', action: 'send', from_status: 'new', to_status: 'sent', unit_id: 101, comment: '请核实用途' },
      { actor: 'jiazhen', action: 'rectify', from_status: 'sent', to_status: 'rectified', unit_id: null, comment: '已补充用途摘要' },
      { actor: 'jiandu', action: 'return', from_status: 'rectified', to_status: 'returned', unit_id: null, comment: '摘要仍不完整' },
      { actor: 'jiazhen', action: 'verify', from_status: 'returned', to_status: 'verified', unit_id: null, comment: '经核实为工程进度款' },
      { actor: 'jiandu', action: 'close', from_status: 'verified', to_status: 'closed', unit_id: null, comment: null },
    ]);
    expect(await db.one('SELECT status, assigned_unit_id, deadline::VARCHAR AS deadline FROM warnings WHERE id = 1'))
      .toEqual({ status: 'closed', assigned_unit_id: 101, deadline: '2018-10-08' });
    const audit = await db.all<{ action: string; target: string }>("SELECT action, target FROM audit_log WHERE target = 'warning:1' ORDER BY id");
    expect(audit.map((a) => a.action)).toEqual(['warning_send', 'warning_rectify', 'warning_return', 'warning_verify', 'warning_close']);
  });

  it('dismisses with a reason only, and refuses a refused step without a trace', async () => {
    expect(await takeStep(db, 2, 'dismiss', supervisor, { comment: ' ' }, null)).toEqual({ ok: false, error: '请填写认定正常的理由' });
    expect(await takeStep(db, 2, 'dismiss', jia, { comment: '正常' }, null)).toEqual({ ok: false, error: '只有监督检查室可以认定正常' });
    expect(await events(2)).toEqual([]);
    expect(await takeStep(db, 2, 'dismiss', supervisor, { comment: '系统内部调账' }, null)).toMatchObject({ ok: true, status: 'dismissed' });
    expect(await takeStep(db, 2, 'send', supervisor, { comment: '', unitId: 101 }, null)).toEqual({ ok: false, error: '当前状态为“认定正常”，不能下发核实' });
  });

  it('closes a sent doubt the data no longer shows (数据已消除); a deadline must be 1–60 working days', async () => {
    expect(await takeStep(db, 3, 'send', supervisor, { comment: '', unitId: 102, days: 0 }, null)).toEqual({ ok: false, error: '答复期限须是 1 到 60 个工作日' });
    expect(await takeStep(db, 3, 'send', supervisor, { comment: '', unitId: 102, days: 5 }, null, '2018-06-13'))
      .toEqual({ ok: true, status: 'sent', deadline: '2018-06-21' }); // Thu 14, Fri 15, (端午 Mon 18) Tue 19, Wed 20, Thu 21
    expect(await takeStep(db, 3, 'close', supervisor, { comment: '' }, null)).toMatchObject({ ok: false });
    await db.run('UPDATE warnings SET cleared_at = current_timestamp WHERE id = 3');
    expect(await takeStep(db, 3, 'close', supervisor, { comment: '数据已消除' }, null)).toMatchObject({ ok: true, status: 'closed' });
  });
});
