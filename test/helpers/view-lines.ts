import type { Db } from '@/queries/db';
import type { OverviewFilter } from '@/queries/overview';
import { runView, type ViewRow } from '@/queries/views/run';
import type { Scope } from '@/lib/auth/roles';
import { EMPTY_VIEW_FILTER } from '@/lib/views/filter';
import { viewById } from '@/lib/views/registry';

/** A ranking view's line (towns, departments, sections) with its measures typed (docs/views.md). */
export type Line = ViewRow & { id: number; name: string; total: string; paid: string; spend_rate: number; gap_points: number; gap_amount: string };

/** Every line of a view at an overview filter's year and 截止日期, as the overview's rankings read them. */
export async function viewLines(db: Db, id: 'towns' | 'departments' | 'sections', f: OverviewFilter, scope: Scope): Promise<Line[]> {
  const view = viewById(id)!;
  const filter = { ...EMPTY_VIEW_FILTER, year: f.year, asOf: f.asOf };
  return (await runView(db, view, { filter, sort: view.defaultSort, page: null }, scope)).rows as Line[];
}
