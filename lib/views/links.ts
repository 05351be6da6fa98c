import { viewFilterParams, type ViewFilter } from './filter';

/**
 * A drill-down address (docs/views.md): `path` with the filter the page was read with, changed by `changes` — a row's
 * own unit, indicator or budget year set, a field the target does not read cleared (null), so the link never answers
 * with a problem.
 */
export function drill(path: string, filter: ViewFilter, changes: Partial<ViewFilter>): string {
  return `${path}?${viewFilterParams({ ...filter, ...changes }).toString()}`;
}
