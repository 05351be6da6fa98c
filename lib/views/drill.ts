import { EMPTY_VIEW_FILTER, viewFilterParams, type FilterKey, type ViewFilter } from './filter';

/**
 * The filter's period — budget year and 截止日期 — with only those of its other fields named in `keep`: what a link
 * carries to a page that reads nothing else (a project's page, a village's projects).
 */
export function periodOf(filter: ViewFilter, keep: FilterKey[] = []): ViewFilter {
  const next = { ...EMPTY_VIEW_FILTER, year: filter.year, asOf: filter.asOf } as Record<FilterKey, unknown>;
  for (const key of keep) next[key] = filter[key];
  return next as unknown as ViewFilter;
}

/**
 * A drill-down address (docs/views.md): `path` with the filter the page was read with, changed by `changes` — a row's
 * own unit, indicator or budget year set, a field the target does not read cleared (null), so the link never answers
 * with a problem.
 */
export function drill(path: string, filter: ViewFilter, changes: Partial<ViewFilter>): string {
  return `${path}?${viewFilterParams({ ...filter, ...changes }).toString()}`;
}
