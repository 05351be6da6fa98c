/**
 * Working days on the bureau's calendar (docs/workflow.md): Monday to Friday, except the public holidays; and the
 * weekend days made working days (调休). The exceptions are data (calendar_days, data/calendar/).
 */
export interface CalendarDay {
  /** YYYY-MM-DD */
  day: string;
  kind: 'holiday' | 'workday';
  name: string | null;
}

/** How the admin's calendar page and the audit log name a day's kind. */
export const CALENDAR_KIND_LABELS: Record<CalendarDay['kind'], string> = { holiday: '放假', workday: '调休上班' };

const DAY_MS = 86_400_000;

const toDate = (day: string) => new Date(`${day}T00:00:00Z`);
const toDay = (d: Date) => d.toISOString().slice(0, 10);

export function isWorkingDay(day: string, exceptions: ReadonlyMap<string, CalendarDay['kind']>): boolean {
  const kind = exceptions.get(day);
  if (kind) return kind === 'workday';
  const weekday = toDate(day).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/**
 * The day `n` working days after `start` (YYYY-MM-DD): a reply deadline. Sent on a Friday with 3 days to answer, the
 * deadline is the next Wednesday; sent on the eve of 国庆, the week of holidays does not count.
 */
export function addWorkingDays(start: string, n: number, calendar: readonly CalendarDay[]): string {
  if (!Number.isInteger(n) || n < 0) throw new Error(`working days must be a whole number ≥ 0, not ${n}`);
  const exceptions = new Map(calendar.map((c) => [c.day, c.kind] as const));
  let d = toDate(start);
  for (let left = n; left > 0;) {
    d = new Date(d.getTime() + DAY_MS);
    if (isWorkingDay(toDay(d), exceptions)) left -= 1;
  }
  return toDay(d);
}

/**
 * How far ahead of a start date to read the calendar for `n` working days: a long holiday (春节, 国庆) stops work for
 * at most nine days in a row, so n weeks plus two are always enough.
 */
export const calendarSpan = (start: string, n: number): [string, string] =>
  [start, toDay(new Date(toDate(start).getTime() + (7 * n + 14) * DAY_MS))];
