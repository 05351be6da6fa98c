import type { Db } from '../db';
import { sqlFile } from '../sql';
import { scopeParams, type Scope } from '@/lib/auth/roles';
import type { CrumbNames } from '@/lib/views/breadcrumbs';
import type { ViewFilter } from '@/lib/views/filter';

/** The names of the ids a filter sets (null where unset, unknown, or a project outside the viewer's scope): the
 * breadcrumbs' labels (docs/navigation.md). */
export async function crumbNames(db: Db, f: ViewFilter, scope: Scope): Promise<CrumbNames> {
  const [row] = await db.kept<CrumbNames>(sqlFile('queries/views/crumbs.sql'), {
    ...scopeParams(scope), section: f.section, fund: f.fund, indicator: f.indicator, department: f.department, town: f.town,
    village: f.village, project: f.project,
  });
  return row;
}

export interface Option {
  id: number;
  name: string;
  /** a fund's 级次: the same fund name may exist at two levels */
  level: string | null;
}

/** The units and funds a view page's filter bar offers, by filter field, within the viewer's scope. */
export type FilterOptions = Record<'section' | 'fund' | 'town' | 'village' | 'department', Option[]>;

export async function filterOptions(db: Db, scope: Scope, town: number | null): Promise<FilterOptions> {
  const rows = await db.kept<Option & { field: keyof FilterOptions }>(sqlFile('queries/views/options.sql'), { ...scopeParams(scope), town });
  const out: FilterOptions = { section: [], fund: [], town: [], village: [], department: [] };
  for (const { field, ...option } of rows) out[field].push(option);
  return out;
}
