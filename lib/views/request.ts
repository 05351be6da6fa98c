import { first, type SearchParams } from '@/lib/url-params';
import { parsePageRequest, type PageRequest } from '@/lib/paging';
import { FILTER_KEYS, FILTER_PARAMS, parseViewFilter, viewFilterJson, type FilterKey, type FilterProblem, type ViewFilter } from './filter';
import type { ViewDef, ViewSort } from './types';

/**
 * A view's request from URL parameters: the filter, ?sort=<column key>&dir=asc|desc and ?page=&page_size=. Every
 * problem is reported: an invalid value, a filter field the view does not honour (narrowing by it would silently
 * do nothing), a column it cannot be sorted by.
 */
export function parseViewRequest(view: ViewDef, sp: SearchParams): {
  filter: ViewFilter; sort: ViewSort; page: PageRequest; problems: FilterProblem[];
} {
  const { filter, problems } = parseViewFilter(sp);
  problems.push(...unhonoured(view, filter));
  const sortKey = first(sp.sort)?.trim();
  const dir = first(sp.dir)?.trim();
  const column = sortKey ? view.columns.find((c) => c.key === sortKey && c.sortable) : undefined;
  if (sortKey && !column) problems.push({ param: 'sort', value: sortKey, message: `排序列 ${sortKey} 无效` });
  if (dir && dir !== 'asc' && dir !== 'desc') problems.push({ param: 'dir', value: dir, message: `排序方向 ${dir} 无效（asc 或 desc）` });
  const sort: ViewSort = column
    ? { key: column.key, dir: dir === 'asc' || dir === 'desc' ? dir : view.defaultSort.dir }
    : { ...view.defaultSort, ...(dir === 'asc' || dir === 'desc' ? { dir } : {}) };
  return { filter, sort, page: parsePageRequest(sp), problems };
}

/** What reads the filter (a view, or a page such as 支付明细): its title and the fields it honours beside year and as_of. */
type Reader = Pick<ViewDef, 'title' | 'narrowedBy'>;

/** A problem for each field set that the reader does not honour: narrowing by it would silently do nothing. */
export function unhonoured(view: Reader, filter: ViewFilter): FilterProblem[] {
  const ignored = (key: FilterKey) => key !== 'year' && key !== 'asOf' && filter[key] !== null && !view.narrowedBy.includes(key);
  return FILTER_KEYS.filter(ignored).map((key) => {
    const { param, label } = FILTER_PARAMS[key];
    return { param, value: String(filter[key]), message: `${view.title}不能按${label}筛选` };
  });
}

/** The filter without the fields the view does not honour: what a page links to after naming them as problems. */
export function honouredFilter(view: Reader, filter: ViewFilter): ViewFilter {
  const out = { ...filter } as Record<string, unknown>;
  for (const key of FILTER_KEYS) if (key !== 'year' && key !== 'asOf' && !view.narrowedBy.includes(key)) out[key] = null;
  return out as unknown as ViewFilter;
}

/** The answer 400 for a request with problems: every message, so a page or script can show them all. */
export function problemsResponse(problems: FilterProblem[]): Response {
  return Response.json({ error: problems.map((p) => p.message).join('；'), problems }, { status: 400 });
}

/**
 * One view's rows as JSON, the same for the route and the CLI (`fund-monitor view <id> --json`): the filter as
 * resolved (year and as_of filled in), the sort, the page (null for every row), the columns and the rows.
 */
export function viewJson(
  view: ViewDef,
  q: { filter: ViewFilter; sort: ViewSort; page: PageRequest | null },
  result: { count: number; rows: Record<string, unknown>[] },
) {
  return {
    view: view.id,
    title: view.title,
    filter: viewFilterJson(q.filter),
    sort: q.sort,
    count: result.count,
    page: q.page?.page ?? null,
    page_size: q.page?.pageSize ?? null,
    pages: q.page ? Math.max(1, Math.ceil(result.count / q.page.pageSize)) : 1,
    // A drill-down link is a function of the row: the answer holds what serialises, the same from the route and the CLI.
    columns: view.columns.map(({ href: _href, ...column }) => column),
    rows: result.rows,
  };
}
