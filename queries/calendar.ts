import path from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { connRows, type Db } from './db';
import { namedSql, projectRoot, sqlFile } from './sql';
import type { CalendarDay } from '@/lib/calendar/working-days';

export const CALENDAR_CSV = 'data/calendar/cn-holidays.csv';

const edit = () => namedSql('queries/calendar/edit.sql');

/** Adds the shipped holidays and 调休 of every year the database has no calendar day of (data/calendar/README.md). */
export async function loadCalendar(db: Db): Promise<void> {
  await db.run(sqlFile('queries/calendar/load.sql'), { path: path.join(/*turbopackIgnore: true*/ projectRoot, CALENDAR_CSV) });
}

/**
 * The calendar's holidays and 调休 working days between two dates (inclusive). Read from the table on every call, never
 * kept in memory, so a deadline computed after an admin's edit already counts on the edited calendar.
 */
export function calendarDays(db: Db, from: string, to: string): Promise<CalendarDay[]> {
  return db.all<CalendarDay>(sqlFile('queries/calendar/days.sql'), { from, to });
}

export interface EditedCalendarDay extends CalendarDay {
  updated_by: string | null;
  updated_at: string | null;
}

/** A year's holidays and 调休 working days, for the admin's calendar page. */
export function calendarYear(db: Db, year: number): Promise<EditedCalendarDay[]> {
  return db.all<EditedCalendarDay>(edit().year, { year });
}

/** The calendar's entry for one day, on the caller's connection (inside its transaction), or undefined. */
export async function calendarDayOn(conn: DuckDBConnection, day: string): Promise<CalendarDay | undefined> {
  return (await connRows<CalendarDay>(conn, edit().get, { day }))[0];
}

/** Adds or changes a day and marks its year as edited, on the caller's connection (with its audit row). */
export async function setCalendarDayOn(conn: DuckDBConnection, day: CalendarDay, actor: string): Promise<void> {
  await conn.run(edit().set, { day: day.day, kind: day.kind, name: day.name ?? '', actor });
  await conn.run(edit().mark_year, { day: day.day, actor });
}

/** Removes a day (it becomes a plain weekday or weekend day again) and marks its year as edited. */
export async function removeCalendarDayOn(conn: DuckDBConnection, day: string, actor: string): Promise<void> {
  await conn.run(edit().remove, { day });
  await conn.run(edit().mark_year, { day, actor });
}
