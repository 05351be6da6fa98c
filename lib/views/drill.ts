import { EMPTY_VIEW_FILTER, viewFilterParams, type FilterKey, type ViewFilter } from './filter';

/**
 * A drill-down link: the budget year, the 截止日期 and those of the filter's fields the next page honours (`keep`),
 * then the row it opens (`pick`).
 */
export function drillHref(path: string, filter: ViewFilter, keep: FilterKey[], pick: Partial<ViewFilter> = {}): string {
  const next = { ...EMPTY_VIEW_FILTER, year: filter.year, asOf: filter.asOf, ...pick } as Record<FilterKey, unknown>;
  for (const key of keep) if (filter[key] !== null && !(key in pick)) next[key] = filter[key];
  return `${path}?${viewFilterParams(next as unknown as ViewFilter).toString()}`;
}

/**
 * A drill-down address (docs/views.md): `path` with the filter the page was read with, changed by `changes` — a row's
 * own unit, indicator or budget year set, a field the target does not read cleared (null), so the link never answers
 * with a problem.
 */
export function drill(path: string, filter: ViewFilter, changes: Partial<ViewFilter>): string {
  return `${path}?${viewFilterParams({ ...filter, ...changes }).toString()}`;
}
