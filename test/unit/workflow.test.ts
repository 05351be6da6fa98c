import { describe, expect, it } from 'vitest';
import type { Who } from '@/lib/auth/permissions';
import { checkStep, stepsFor, STATUSES, type WarningAction, type WarningState, type WarningStatus } from '@/lib/warnings/workflow';

// docs/workflow.md: supervision (admin, supervisor) decides; the unit a doubt was sent to (unit 101 here) answers.
const supervisor: Who = { role: 'supervisor', unitId: null };
const admin: Who = { role: 'admin', unitId: null };
const town: Who = { role: 'town', unitId: 101 };
const otherTown: Who = { role: 'town', unitId: 102 };
const leader: Who = { role: 'leader', unitId: null };
const w = (status: WarningStatus, cleared = false): WarningState => ({ status, assigned_unit_id: 101, cleared });

describe('the 疑点 workflow', () => {
  it('offers each actor exactly its steps in each state', () => {
    const table = Object.fromEntries(STATUSES.map((s) => [s, [supervisor, town, otherTown, leader].map((who) => stepsFor(who, w(s)).join(','))]));
    expect(table).toEqual({
      new: ['dismiss,send', '', '', ''],
      dismissed: ['', '', '', ''],
      sent: ['', 'verify,rectify', '', ''],
      verified: ['return,close', '', '', ''],
      rectified: ['return,close', '', '', ''],
      returned: ['', 'verify,rectify', '', ''],
      closed: ['', '', '', ''],
    });
    expect(stepsFor(admin, w('new'))).toEqual(stepsFor(supervisor, w('new')));
  });

  it('lets supervision close a doubt the data no longer shows, before it is answered', () => {
    expect(stepsFor(supervisor, w('sent', true))).toEqual(['close']);
    expect(stepsFor(supervisor, w('new', true))).toEqual(['dismiss', 'send', 'close']);
    expect(stepsFor(town, w('sent', true))).toEqual(['verify', 'rectify']);
  });

  it('refuses illegal steps with the reason, and requires the comments the steps need', () => {
    const step = (a: WarningAction, who: Who, s: WarningState, comment = '', unitId: number | null = null) => checkStep(a, who, s, { comment, unitId });
    expect(step('close', supervisor, w('new'))).toEqual({ ok: false, error: '当前状态为“待认定”，不能通过/销号' });
    expect(step('verify', otherTown, w('sent'), '已核实')).toEqual({ ok: false, error: '只有被下发核实的单位可以答复' });
    expect(step('send', town, w('new'))).toEqual({ ok: false, error: '只有监督检查室可以下发核实' });
    expect(step('dismiss', supervisor, w('new'), '  ')).toEqual({ ok: false, error: '请填写认定正常的理由' });
    expect(step('send', supervisor, w('new'))).toEqual({ ok: false, error: '请选择下发核实的单位（股室、部门或镇）' });
    expect(step('rectify', town, w('returned'), 'x'.repeat(2001))).toEqual({ ok: false, error: '说明不能超过 2000 字' });
    expect(step('send', supervisor, w('new'), '', 101)).toEqual({ ok: true, to: 'sent' });
    expect(step('rectify', town, w('sent'), '已补录项目入库手续')).toEqual({ ok: true, to: 'rectified' });
    expect(step('return', supervisor, w('rectified'), '附件不清楚')).toEqual({ ok: true, to: 'returned' });
    expect(step('close', supervisor, w('verified'))).toEqual({ ok: true, to: 'closed' });
  });
});
