import 'server-only';
import { cache } from 'react';
import { serverDb } from './server-db';
import { requireScope } from '@/lib/auth/server';
import {
  dataExtent,
  levelTotals,
  monthlyProgress,
  timeProgressAt,
  type LevelRow,
  type MonthPoint,
  type OverviewFilter,
} from './overview';
import { runView, type ViewQuery, type ViewRow } from './views/run';
import { EMPTY_VIEW_FILTER } from '@/lib/views/filter';
import { viewById } from '@/lib/views/registry';
import type { ViewDef } from '@/lib/views/types';
import { getSettings } from './settings';
import type { Settings, TimeProgressMode } from '@/lib/settings';
import { first, parseIsoDate, parseYear, type SearchParams } from '@/lib/url-params';
import { todayInChina } from '@/lib/format';

export { parseIsoDate, parseYear, type SearchParams };

export interface Extent {
  /** Budget years with indicators, newest first. */
  years: number[];
  lastDate: Record<number, string>;
}

export interface ResolvedOverview {
  filter: OverviewFilter;
  /** Years offered in the 年度 select: the years with data, plus the chosen year if it has none. */
  years: number[];
  /** Whether the chosen year has any indicators at all. */
  hasData: boolean;
}

/**
 * The overview filter from ?year=2018&as_of=2018-10-31. Defaults: the newest year with data; as of that year's
 * last date with data, never later than today. An invalid value, or an as_of before the budget year began,
 * falls back to the default. A later as_of is kept (carry-over views).
 */
export function resolveFilter(
  searchParams: SearchParams,
  extent: Extent,
  timeProgressMode: TimeProgressMode,
  today: string = todayInChina(),
): ResolvedOverview {
  const newest = extent.years[0];
  const year = parseYear(first(searchParams.year)) ?? newest ?? Number(today.slice(0, 4));
  const lastDate = extent.lastDate[year] ?? `${year}-12-31`;
  const defaultAsOf = lastDate < today ? lastDate : today;
  const requested = parseIsoDate(first(searchParams.as_of));
  const asOf = requested && requested >= `${year}-01-01` ? requested : defaultAsOf;
  const hasData = extent.years.includes(year);
  const years = hasData ? extent.years : [...extent.years, year].sort((a, b) => b - a);
  return { filter: { year, asOf, timeProgressMode }, years, hasData };
}

/** Reads the data extent and settings, then resolves the overview filter from the page's searchParams. */
export async function resolveOverviewFilter(searchParams: SearchParams): Promise<ResolvedOverview> {
  const [extent, settings] = await Promise.all([cachedExtent(), cachedSettings()]);
  return resolveFilter(searchParams, extent, settings.timeProgressMode);
}

// Per-request memoised reads: several sections of one page share a query without running it twice.
// Keys are primitives, because React's cache compares arguments by identity.

export const cachedSettings = cache(async (): Promise<Settings> => getSettings(await serverDb()));

export const cachedExtent = cache(async (): Promise<Extent> => dataExtent(await serverDb()));

function filterOf(year: number, asOf: string, mode: TimeProgressMode): OverviewFilter {
  return { year, asOf, timeProgressMode: mode };
}

export const cachedLevelTotals = cache(
  async (year: number, asOf: string, mode: TimeProgressMode): Promise<LevelRow[]> =>
    levelTotals(await serverDb(), filterOf(year, asOf, mode), await requireScope()),
);

export const cachedMonthlyProgress = cache(
  async (year: number, asOf: string, mode: TimeProgressMode): Promise<MonthPoint[]> =>
    monthlyProgress(await serverDb(), filterOf(year, asOf, mode), await requireScope()),
);

/**
 * Every line of a view (lib/views/registry.ts) at the overview's year and 截止日期, in its default order, for the
 * overview's rankings; null when the viewer's scope may not read the view (docs/views.md). Its lines are aggregates.
 */
export const cachedViewLines = cache(
  async (id: string, year: number, asOf: string): Promise<{ view: ViewDef; filter: ViewQuery['filter']; rows: ViewRow[] } | null> => {
    const view = viewById(id);
    const scope = await requireScope();
    if (!view || !view.allowed(scope)) return null;
    const filter = { ...EMPTY_VIEW_FILTER, year, asOf };
    const { rows } = await runView(await serverDb(), view, { filter, sort: view.defaultSort, page: null }, scope);
    return { view, filter, rows };
  },
);

/** 序时进度 (fraction) at the filter's as-of date, by the schema's time_progress macro: the one formula. */
export const cachedTimeProgress = cache(async (year: number, asOf: string, mode: TimeProgressMode): Promise<number> =>
  timeProgressAt(await serverDb(), year, asOf, mode));
