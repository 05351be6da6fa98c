import type { Db } from '@/queries/db';
import { auditOn } from '@/queries/auth/audit';
import { calendarDayOn, removeCalendarDayOn, setCalendarDayOn } from '@/queries/calendar';
import { permissions } from '@/lib/auth/permissions';
import type { AdminResult } from '@/lib/auth/user-admin';
import type { Viewer } from '@/lib/auth/roles';
import { parseIsoDate } from '@/lib/url-params';
import { CALENDAR_KIND_LABELS, isWorkingDay, type CalendarDay } from './working-days';

/**
 * 节假日与调休 editing (docs/workflow.md): the admin adds or removes a day of the calendar that reply deadlines count
 * on. Each change is checked on the server and written with its audit row in one transaction; deadlines read the
 * table afresh (queries/calendar.ts), so the next one counts on the edited calendar.
 */

const MAX_NOTE = 30;

const fail = (error: string): AdminResult => ({ ok: false, error });
const done = (message: string): AdminResult => ({ ok: true, message });

/** The day as the admin typed it, within the product's years (2000–2100, parseIsoDate), or the reason in Chinese. */
function dayProblem(day: string): string | null {
  return parseIsoDate(day) ? null : '请填写 2000 至 2100 年间的有效日期（YYYY-MM-DD）';
}

export async function adminSetCalendarDay(
  db: Db, actor: Viewer | null, input: { day: string; kind: string; name: string }, ip: string | null,
): Promise<AdminResult> {
  if (!actor || !permissions.manageCalendar(actor)) return fail('无权操作');
  const problem = dayProblem(input.day);
  if (problem) return fail(problem);
  if (input.kind !== 'holiday' && input.kind !== 'workday') return fail('请选择放假或调休上班');
  const name = input.name.trim();
  if (name.length > MAX_NOTE) return fail(`说明不超过 ${MAX_NOTE} 个字`);
  const day: CalendarDay = { day: input.day.trim(), kind: input.kind, name: name || null };
  // A 调休 working day on a weekday would change nothing: the admin most likely picked the wrong date.
  if (day.kind === 'workday' && isWorkingDay(day.day, new Map())) return fail(`${day.day} 是工作日，调休上班日应是周六或周日`);
  return db.transaction(async (conn) => {
    const before = await calendarDayOn(conn, day.day);
    await setCalendarDayOn(conn, day, actor.username);
    await auditOn(conn, {
      actor: actor.username, action: 'calendar_day_set', target: `calendar:${day.day}`,
      detail: { day: day.day, kind: day.kind, name: day.name ?? undefined, before: before ? { kind: before.kind, name: before.name } : undefined },
      ip,
    });
    return done(`已将 ${day.day} 设为${CALENDAR_KIND_LABELS[day.kind]}${day.name ? `（${day.name}）` : ''}`);
  });
}

export async function adminRemoveCalendarDay(db: Db, actor: Viewer | null, dayText: string, ip: string | null): Promise<AdminResult> {
  if (!actor || !permissions.manageCalendar(actor)) return fail('无权操作');
  const problem = dayProblem(dayText);
  if (problem) return fail(problem);
  const day = dayText.trim();
  return db.transaction(async (conn) => {
    const before = await calendarDayOn(conn, day);
    if (!before) return fail(`${day} 不在节假日与调休表中`);
    await removeCalendarDayOn(conn, day, actor.username);
    await auditOn(conn, {
      actor: actor.username, action: 'calendar_day_remove', target: `calendar:${day}`,
      detail: { day, kind: before.kind, name: before.name ?? undefined }, ip,
    });
    return done(`已删除 ${day}（${CALENDAR_KIND_LABELS[before.kind]}），该日按普通周历计`);
  });
}
