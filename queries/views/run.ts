import type { Db } from '../db';
import { dataExtent, scoped } from '../overview';
import { getSettings } from '../settings';
import { sqlFile, usedParams } from '../sql';
import { scopeParams, type Scope } from '@/lib/auth/roles';
import type { ViewFilter } from '@/lib/views/filter';
import { todayInChina } from '@/lib/format';
import type { Privacy } from '@/lib/privacy/mask';
import type { ViewColumn, ViewDef, ViewRow, ViewSort } from '@/lib/views/types';

export type { ViewRow };

/** A view's request with the budget year and 截止日期 resolved (resolveDates). */
export interface ViewQuery {
  filter: ViewFilter & { year: number; asOf: string };
  sort: ViewSort;
  /** null: every matching row (exports, the CLI) */
  page: { page: number; pageSize: number } | null;
  /** China's today ($today: 逾期 and the weekly chart count from it); todayInChina() when not given. */
  today?: string;
}

export interface ViewResult {
  count: number;
  rows: ViewRow[];
}

/**
 * Fills a filter's unset year and as_of as the overview does: the newest budget year with indicators and the last date
 * with data in it (the year's 12-31 when it has none).
 */
export async function resolveDates(db: Db, filter: ViewFilter): Promise<ViewQuery['filter']> {
  const extent = filter.year === null || filter.asOf === null ? await dataExtent(db) : null;
  const year = filter.year ?? extent?.years[0] ?? new Date().getFullYear();
  const asOf = filter.asOf ?? extent?.lastDate[year] ?? `${year}-12-31`;
  return { ...filter, year, asOf };
}

/**
 * A view's statement head — scope.sql, the view's CTE files, and its SELECT as the CTE view_rows — and its parameters;
 * a statement binds only those it names (usedParams: not every view reads every common parameter — a 滞留资金 line has
 * no colour band).
 */
async function viewStatement(db: Db, view: ViewDef, q: ViewQuery, scope: Scope) {
  const settings = await getSettings(db);
  const t = settings.thresholds;
  const all: Record<string, string | number | boolean | null> = {
    year: q.filter.year, as_of: q.filter.asOf, today: q.today ?? todayInChina(), tp_mode: settings.timeProgressMode, ...scopeParams(scope),
    band_green: t.green, band_blue: t.blue, band_yellow: t.yellow, band_orange: t.orange,
    ...view.params(q.filter, scope),
  };
  const [select, ...ctes] = [...view.sql].reverse();
  const sql = `${scoped()}\n${ctes.reverse().map(sqlFile).join('\n')}\n, view_rows AS (\n${sqlFile(select)}\n)`;
  return { sql, params: (text: string) => usedParams(text, all) };
}

/** A row with its personal cells masked (ViewColumn.mask); a new object, since kept rows are frozen. */
type MaskedColumn = ViewColumn & Required<Pick<ViewColumn, 'mask'>>;

function maskRow(masked: MaskedColumn[], row: ViewRow): ViewRow {
  const out = { ...row };
  for (const c of masked) {
    const value = row[c.key];
    if (typeof value === 'string') out[c.key] = c.mask(value, row);
  }
  return out;
}

/**
 * Runs a view within a viewer's scope: scope.sql, the view's SQL files, then ORDER BY the requested column (a key of
 * the view's declared sortable columns — an identifier never comes from the URL unchecked) and LIMIT/OFFSET. The
 * caller checks view.allowed(scope) first; the SQL restricts the rows to the scope whatever the caller does.
 * `privacy`: the reader's (privacyOf); masked unless the caller says the reader sees ID numbers and accounts whole.
 */
export async function runView(db: Db, view: ViewDef, q: ViewQuery, scope: Scope, privacy: Privacy = 'masked'): Promise<ViewResult> {
  const column = view.columns.find((c) => c.key === q.sort.key && c.sortable);
  if (!column) throw new Error(`view ${view.id} cannot be sorted by ${q.sort.key}`);
  const rows = await viewStatement(db, view, q, scope);
  const order = `ORDER BY "${column.key}" ${q.sort.dir === 'asc' ? 'ASC' : 'DESC'} NULLS LAST, name, id`;
  const page = q.page ? { limit: q.page.pageSize, offset: (q.page.page - 1) * q.page.pageSize } : null;
  // The count rides along with the page (a window over every line), so the view is computed once, not twice.
  const dataSql = `${rows.sql}\nSELECT *, count(*) OVER ()::INTEGER AS view_count FROM view_rows ${order}${page ? ' LIMIT $limit OFFSET $offset' : ''}`;
  const data = await db.kept<ViewRow & { view_count: number }>(dataSql, { ...rows.params(dataSql), ...page });
  let count = data[0]?.view_count ?? 0;
  if (data.length === 0 && page && page.offset > 0) {
    // A page past the end holds no line to carry the count.
    const countSql = `${rows.sql}\nSELECT count(*)::INTEGER AS n FROM view_rows`;
    count = (await db.kept<{ n: number }>(countSql, rows.params(countSql)))[0]?.n ?? 0;
  }
  const masked = privacy === 'masked' ? view.columns.filter((c): c is MaskedColumn => c.mask !== undefined) : [];
  const rowsOut = data.map(({ view_count: _count, ...row }) => (masked.length ? maskRow(masked, row) : row));
  return { count, rows: rowsOut };
}

/** A view's chart (ViewDef.chart): its summary SELECT over every matching row of the view (view_rows), never the page. */
export async function runViewChart(db: Db, view: ViewDef, q: ViewQuery, scope: Scope): Promise<ViewRow[]> {
  if (!view.chart) return [];
  const rows = await viewStatement(db, view, q, scope);
  const sql = `${rows.sql}\n${sqlFile(view.chart.sql)}`;
  return db.kept<ViewRow>(sql, rows.params(sql));
}
