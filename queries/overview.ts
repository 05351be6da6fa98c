import type { Db } from './db';
import { sqlFile } from './sql';
import type { TimeProgressMode } from '@/lib/settings';
import { scopeParams, type Scope } from '@/lib/auth/roles';

export type Level = 'central' | 'province' | 'city' | 'county';

export interface OverviewFilter {
  year: number;
  /** 截止日期, YYYY-MM-DD */
  asOf: string;
  timeProgressMode: TimeProgressMode;
}

/**
 * Every function takes the viewer's Scope: the SQL restricts the rows, so no caller can forget it.
 */

/** Money columns are exact 元 as DECIMAL strings; rates are fractions; gaps are percentage points. */
export interface Measured {
  total: string;
  paid: string;
  spend_rate: number;
  gap_points: number;
  gap_amount: string;
}

export interface LevelRow extends Measured {
  /** null is the grand total over all levels */
  level: Level | null;
  allocated: string;
  alloc_rate: number;
}

export interface MonthPoint {
  month: number;
  month_end: string;
  total: string;
  paid: string;
  spend_rate: number;
  time_progress: number;
}

/** scope.sql, then the CTE files and the final SELECT named (all in queries/overview/). */
export function scoped(...files: string[]): string {
  return ['scope.sql', ...files].map((f) => sqlFile(`queries/overview/${f}`)).join('\n');
}

/** The overview does not narrow the indicators (scope.sql's $level, $fund, $section; a view may). */
export const NOT_NARROWED = { level: null, fund: null, section: null };

function params(f: OverviewFilter, scope: Scope) {
  return { year: f.year, as_of: f.asOf, tp_mode: f.timeProgressMode, ...scopeParams(scope), ...NOT_NARROWED };
}

export function levelTotals(db: Db, f: OverviewFilter, scope: Scope): Promise<LevelRow[]> {
  return db.kept<LevelRow>(scoped('by_level.sql'), params(f, scope));
}

export function monthlyProgress(db: Db, f: OverviewFilter, scope: Scope): Promise<MonthPoint[]> {
  return db.kept<MonthPoint>(scoped('monthly.sql'), params(f, scope));
}

/** 序时进度 at a 截止日期, a fraction (the SQL macro time_progress, docs/measures.md). */
export async function timeProgressAt(db: Db, year: number, asOf: string, mode: TimeProgressMode): Promise<number> {
  const [row] = await db.kept<{ tp: number }>('SELECT time_progress($as_of::DATE, $year::INTEGER, $mode) AS tp', { as_of: asOf, year, mode });
  return Number(row?.tp ?? 0);
}

/** The year of the newest indicators and the last date with data in it: the overview's default filter. */
export async function dataExtent(db: Db): Promise<{ years: number[]; lastDate: Record<number, string> }> {
  const rows = await db.kept<{ year: number; last_date: string }>(sqlFile('queries/overview/extent.sql'));
  return {
    years: rows.map((r) => r.year),
    lastDate: Object.fromEntries(rows.map((r) => [r.year, r.last_date])),
  };
}
