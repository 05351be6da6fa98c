import { createHash } from 'node:crypto';
import type { Db } from '../db';
import { levelTotals, monthlyProgress, timeProgressAt } from '../overview';
import { getSettings } from '../settings';
import { runView, runViewChart } from '../views/run';
import type { Scope } from '@/lib/auth/roles';
import { briefingSummary } from '@/lib/briefing/summary';
import { fenToYuan, yuanToFen } from '@/lib/format';
import type { Briefing, BriefingScope } from '@/lib/briefing/types';
import { previousMonthEnd } from '@/lib/views/compare';
import { EMPTY_VIEW_FILTER } from '@/lib/views/filter';
import { viewById } from '@/lib/views/registry';
import type { ViewDef, ViewRow, ViewSort } from '@/lib/views/types';

/** How many of the largest idle balances a 通报 lists. */
export const STALLED_LINES = 10;

/** The viewer scope a 通报 reads with: the county's is everything, a 股室's its own funds (docs/roles.md). */
export const scopeOfBriefing = (s: BriefingScope): Scope => (s.kind === 'county' ? { kind: 'all' } : { kind: 'section', unitId: s.unitId });

/**
 * One 通报's data (lib/briefing/types.ts) for a budget year and 截止日期: the measures and each table read through the
 * same functions and registered views as the pages, within the scope, so its numbers are the dashboards'. A table
 * whose view the scope may not read (a 股室's report has no town ranking) is empty. Personal data stays masked.
 */
export async function loadBriefing(db: Db, year: number, asOf: string, scope: BriefingScope): Promise<Briefing> {
  const settings = await getSettings(db);
  const viewerScope = scopeOfBriefing(scope);
  const filter = { ...EMPTY_VIEW_FILTER, year, asOf };
  const query = (view: ViewDef, sort?: ViewSort, narrowed: Partial<typeof filter> = {}, limit?: number) =>
    ({ filter: { ...filter, ...narrowed }, sort: sort ?? view.defaultSort, page: limit ? { page: 1, pageSize: limit } : null });
  const lines = async (id: string, sort?: ViewSort, narrowed: Partial<typeof filter> = {}, limit?: number): Promise<ViewRow[]> => {
    const view = viewById(id)!;
    if (!view.allowed(viewerScope)) return [];
    return (await runView(db, view, query(view, sort, narrowed, limit), viewerScope)).rows;
  };
  // The 滞留资金 chart's aging buckets (counted and summed in SQL) from 90 days on: the summary's count and total.
  const stalledView = viewById('stalled')!;
  const idleBuckets = () => runViewChart(db, stalledView, query(stalledView, undefined, { idleDays: 90 }), viewerScope);
  const overview = { year, asOf, timeProgressMode: settings.timeProgressMode };
  const byRank: ViewSort = { key: 'rank', dir: 'asc' };
  const comparedWith = previousMonthEnd(asOf);
  const [timeProgress, levels, previousLevels, monthly, sections, departments, towns, stalled, buckets, warningsByUnit, warningsByRule, scopeName] = await Promise.all([
    timeProgressAt(db, year, asOf, settings.timeProgressMode),
    levelTotals(db, overview, viewerScope),
    levelTotals(db, { ...overview, asOf: comparedWith }, viewerScope),
    monthlyProgress(db, overview, viewerScope),
    lines('sections', byRank),
    lines('departments', byRank),
    lines('towns', byRank),
    lines('stalled', { key: 'balance', dir: 'desc' }, { idleDays: 90 }, STALLED_LINES),
    stalledView.allowed(viewerScope) ? idleBuckets() : Promise.resolve([]),
    lines('warnings_by_unit'),
    lines('warnings_by_rule'),
    scope.kind === 'county' ? '全县' : sectionName(db, scope.unitId),
  ]);
  const stalledTotal = {
    count: buckets.reduce((n, b) => n + Number(b.balances), 0),
    balance: fenToYuan(buckets.reduce((sum, b) => sum + yuanToFen(String(b.balance)), 0n)),
  };
  const data = {
    county: settings.countyName, scope, scopeName, year, asOf, comparedWith, timeProgress, levels,
    previousTotal: previousLevels.find((l) => l.level === null) ?? null, gapBands: settings.gapBands, monthly,
    rankings: { sections, departments, towns }, stalled, stalledTotal, warningsByUnit, warningsByRule,
  };
  const summary = briefingSummary(data);
  const dataHash = createHash('sha256').update(JSON.stringify({ ...data, summary })).digest('hex');
  return { ...data, summary, dataHash };
}

async function sectionName(db: Db, unitId: number): Promise<string> {
  const row = await db.one<{ name: string }>("SELECT name FROM units WHERE id = $id AND kind = 'section'", { id: unitId });
  if (!row) throw new Error(`股室 ${unitId} 不存在`);
  return row.name;
}

