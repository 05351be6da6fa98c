import 'server-only';
import type { Scope } from '@/lib/auth/roles';
import type { FilterKey, ViewFilter } from '@/lib/views/filter';
import { filterCaption } from '@/components/views/filter-caption';
import type { Db } from '@/queries/db';
import { filterOptions } from '@/queries/views/navigation';

/**
 * An export's title row: the filter named as the page's filter bar names it, its units and funds by their names
 * within the viewer's scope (villages are offered per town, as on the page).
 */
export async function exportCaption(db: Db, scope: Scope, filter: ViewFilter & { year: number; asOf: string }, keys: FilterKey[]): Promise<string[]> {
  const town = filter.town ?? (scope.kind === 'town' ? scope.unitId : null);
  return filterCaption(filter, keys, await filterOptions(db, scope, town));
}
