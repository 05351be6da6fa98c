import path from 'node:path';
import type { Db } from './db';
import { projectRoot, sqlFile } from './sql';
import type { CalendarDay } from '@/lib/calendar/working-days';

export const CALENDAR_CSV = 'data/calendar/cn-holidays.csv';

/** Adds the shipped holidays and 调休 of every year the database has no calendar day of (data/calendar/README.md). */
export async function loadCalendar(db: Db): Promise<void> {
  await db.run(sqlFile('queries/calendar/load.sql'), { path: path.join(/*turbopackIgnore: true*/ projectRoot, CALENDAR_CSV) });
}

/** The calendar's holidays and 调休 working days between two dates (inclusive). */
export function calendarDays(db: Db, from: string, to: string): Promise<CalendarDay[]> {
  return db.all<CalendarDay>(sqlFile('queries/calendar/days.sql'), { from, to });
}
