import type { DuckDBConnection } from '@duckdb/node-api';
import type { Db } from '../db';
import { connRows } from '../db';
import { namedSql } from '../sql';
import { auditOn } from '../auth/audit';
import { calendarDays } from '../calendar';
import type { Viewer } from '@/lib/auth/roles';
import { todayInChina } from '@/lib/format';
import { addWorkingDays, calendarSpan } from '@/lib/calendar/working-days';
import { failpoint } from '@/lib/faults/failpoint';
import { checkStep, type StepInput, type WarningAction, type WarningStatus } from '@/lib/warnings/workflow';

const sql = () => namedSql('queries/warnings/step.sql');

/** A reply is due this many working days after a doubt is sent, unless supervision says otherwise (docs/workflow.md). */
export const DEFAULT_REPLY_DAYS = 3;

/** The most warnings one bulk step moves (预警列表's bulk 下发 and 认定正常). */
export const BULK_LIMIT = 500;

export type StepResult = { ok: true; status: WarningStatus; deadline: string | null } | { ok: false; error: string };

type DaysInput = StepInput & { days?: number };

/** A 下发核实's deadline: `days` working days after `today` on the bureau's calendar; null for any other step. */
async function deadlineFor(db: Db, action: WarningAction, days: number | undefined, today: string): Promise<{ deadline: string | null } | { error: string }> {
  if (action !== 'send') return { deadline: null };
  const n = days ?? DEFAULT_REPLY_DAYS;
  if (!(Number.isInteger(n) && n >= 1 && n <= 60)) return { error: '答复期限须是 1 到 60 个工作日' };
  return { deadline: addWorkingDays(today, n, await calendarDays(db, ...calendarSpan(today, n))) };
}

/**
 * One step on the caller's connection, inside its transaction: re-reads the state, checks the step, changes the
 * warning, appends the event (with an 已整改's attachment, if any) and the audit row. A refused step changes nothing
 * and says why.
 */
async function stepOn(
  conn: DuckDBConnection, warningId: number, action: WarningAction, actor: Viewer, input: StepInput,
  deadline: string | null, ip: string | null,
): Promise<StepResult> {
  const [w] = await connRows<{ status: WarningStatus; assigned_unit_id: number | null; cleared: boolean; rule_id: string; subject_type: string; subject_id: string }>(
    conn, sql().state, { id: warningId });
  if (!w) return { ok: false, error: `疑点 #${warningId} 不存在` };
  const checked = checkStep(action, actor, w, input);
  if (!checked.ok) return checked;
  const unit = action === 'send' ? (input.unitId ?? null) : null;
  const comment = input.comment.trim();
  const changed = await conn.run(sql().apply, { id: warningId, action, from: w.status, to: checked.to, unit, deadline });
  // The state was read in this transaction; a step taken meanwhile by someone else makes this one a conflict.
  if (changed.rowsChanged !== 1) throw new Error(`疑点 #${warningId} 已被他人处理，请刷新后重试`);
  const file = input.attachment ?? null;
  await conn.run(sql().event, {
    id: warningId, actor: actor.username, action, comment, from: w.status, to: checked.to, unit,
    file_name: file?.name ?? null, file_size: file?.size ?? null, file_sha256: file?.sha256 ?? null, file_path: file?.path ?? null,
  });
  await auditOn(conn, {
    actor: actor.username, action: `warning_${action}`, target: `warning:${warningId}`,
    // sent_to, not unit: the audit page names a user's bound unit 绑定单位 and resolves this id to the unit's name.
    detail: {
      rule: w.rule_id, subject: `${w.subject_type}:${w.subject_id}`, from: w.status, to: checked.to, sent_to: unit ?? undefined,
      deadline: deadline ?? undefined, comment: comment || undefined,
      attachment: file ? { file_name: file.name, size: file.size, sha256: file.sha256 } : undefined,
    },
    ip,
  });
  return { ok: true, status: checked.to, deadline };
}

/**
 * Takes one workflow step on a warning, checked on the server (lib/warnings/workflow.ts): the state change, its event
 * (who, when, from and to, the comment) and an audit row land in one transaction, or nothing does. A 下发核实's
 * deadline is `days` working days after `today` (China's, not UTC's) on the bureau's calendar.
 */
export async function takeStep(
  db: Db, warningId: number, action: WarningAction, actor: Viewer, input: DaysInput,
  ip: string | null, today: string = todayInChina(),
): Promise<StepResult> {
  const due = await deadlineFor(db, action, input.days, today);
  if ('error' in due) return { ok: false, error: due.error };
  return db.transaction(async (conn) => {
    const result = await stepOn(conn, warningId, action, actor, input, due.deadline, ip);
    await failpoint('step-before-commit');
    return result;
  });
}

export type BulkResult =
  | { ok: true; status: WarningStatus; deadline: string | null; moved: number }
  | { ok: false; error: string; refused: { id: number; error: string }[] };

/** Thrown inside the bulk transaction when a warning refuses its step, so the steps already taken roll back. */
class BulkRefused extends Error {
  constructor(readonly refused: { id: number; error: string }[]) {
    super('bulk step refused');
  }
}

/**
 * 预警列表's bulk 下发核实 or 认定正常: the same step on each warning, each checked as a single step is (stepOn), each
 * with its own event and audit row, all in ONE transaction — every warning moves, or none does and the answer lists
 * each that could not, with why. At most BULK_LIMIT warnings; all sent ones share one deadline.
 */
export async function takeSteps(
  db: Db, ids: readonly number[], action: 'send' | 'dismiss', actor: Viewer, input: DaysInput,
  ip: string | null, today: string = todayInChina(),
): Promise<BulkResult> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return { ok: false, error: '请先勾选疑点', refused: [] };
  if (unique.length > BULK_LIMIT) return { ok: false, error: `一次最多处理 ${BULK_LIMIT} 条疑点，已选 ${unique.length} 条`, refused: [] };
  const due = await deadlineFor(db, action, input.days, today);
  if ('error' in due) return { ok: false, error: due.error, refused: [] };
  try {
    return await db.transaction(async (conn): Promise<BulkResult> => {
      const refused: { id: number; error: string }[] = [];
      let status: WarningStatus | null = null;
      for (const id of unique) {
        // After a refusal the rest are only checked, so the answer names every warning that could not move.
        const result = await stepOn(conn, id, action, actor, input, due.deadline, ip);
        if (result.ok) status = result.status;
        else refused.push({ id, error: result.error });
      }
      if (refused.length > 0) throw new BulkRefused(refused);
      await failpoint('step-before-commit');
      return { ok: true, status: status!, deadline: due.deadline, moved: unique.length };
    });
  } catch (error) {
    if (!(error instanceof BulkRefused)) throw error;
    return { ok: false, error: `${error.refused.length} 条疑点不能处理，所选疑点均未处理`, refused: error.refused };
  }
}
