import type { Db } from '../db';
import { connRows } from '../db';
import { namedSql } from '../sql';
import { auditOn } from '../auth/audit';
import { calendarDays } from '../calendar';
import type { Viewer } from '@/lib/auth/roles';
import { todayInChina } from '@/lib/format';
import { addWorkingDays, calendarSpan } from '@/lib/calendar/working-days';
import { checkStep, type StepInput, type WarningAction, type WarningStatus } from '@/lib/warnings/workflow';

const sql = () => namedSql('queries/warnings/step.sql');

/** A reply is due this many working days after a doubt is sent, unless supervision says otherwise (docs/workflow.md). */
export const DEFAULT_REPLY_DAYS = 3;

export type StepResult = { ok: true; status: WarningStatus; deadline: string | null } | { ok: false; error: string };

/**
 * Takes one workflow step on a warning, checked on the server (lib/warnings/workflow.ts): the state change, its event
 * (who, when, from and to, the comment) and an audit row land in one transaction, or nothing does. A 下发核实's
 * deadline is `days` working days after `today` (China's, not UTC's) on the bureau's calendar.
 */
export async function takeStep(
  db: Db, warningId: number, action: WarningAction, actor: Viewer, input: StepInput & { days?: number },
  ip: string | null, today: string = todayInChina(),
): Promise<StepResult> {
  const days = input.days ?? DEFAULT_REPLY_DAYS;
  if (action === 'send' && !(Number.isInteger(days) && days >= 1 && days <= 60)) {
    return { ok: false, error: '答复期限须是 1 到 60 个工作日' };
  }
  const deadline = action === 'send' ? addWorkingDays(today, days, await calendarDays(db, ...calendarSpan(today, days))) : null;
  return db.transaction(async (conn): Promise<StepResult> => {
    const [w] = await connRows<{ status: WarningStatus; assigned_unit_id: number | null; cleared: boolean; rule_id: string; subject_type: string; subject_id: string }>(
      conn, sql().state, { id: warningId });
    if (!w) return { ok: false, error: `疑点 #${warningId} 不存在` };
    const checked = checkStep(action, actor, w, input);
    if (!checked.ok) return checked;
    const unit = action === 'send' ? (input.unitId ?? null) : null;
    const params = { id: warningId, action, from: w.status, to: checked.to, unit, deadline };
    const changed = await conn.run(sql().apply, params);
    // The state was read in this transaction; a step taken meanwhile by someone else makes this one a conflict.
    if (changed.rowsChanged !== 1) throw new Error(`疑点 #${warningId} 已被他人处理，请刷新后重试`);
    await conn.run(sql().event, { id: warningId, actor: actor.username, action, comment: input.comment.trim(), from: w.status, to: checked.to, unit });
    await auditOn(conn, {
      actor: actor.username, action: `warning_${action}`, target: `warning:${warningId}`,
      // sent_to, not unit: the audit page names a user's bound unit 绑定单位 and resolves this id to the unit's name.
      detail: { rule: w.rule_id, subject: `${w.subject_type}:${w.subject_id}`, from: w.status, to: checked.to, sent_to: unit ?? undefined, deadline: deadline ?? undefined, comment: input.comment.trim() || undefined },
      ip,
    });
    return { ok: true, status: checked.to, deadline };
  });
}
