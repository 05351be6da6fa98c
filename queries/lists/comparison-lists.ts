import type { Db } from '../db';
import { sqlFile } from '../sql';
import type { ListHolds, ListKind } from '@/lib/import/comparison-list';

/** A comparison list as the 比对名单 page lists it; rows as a number. */
export interface ComparisonListRow {
  id: number;
  label: string;
  department: string | null;
  kind: ListKind;
  holds: ListHolds;
  imported_at: string;
  imported_by: string | null;
  /** The import batch whose 撤销 removes the list; null for a list loaded without an import (the demo). */
  batch_id: number | null;
  file_name: string | null;
  rows: number;
}

/** Every comparison list, newest first (kept until the data changes: an import or 撤销 drops it). */
export async function listComparisonLists(db: Db): Promise<ComparisonListRow[]> {
  const rows = await db.kept<Omit<ComparisonListRow, 'rows'> & { rows: string }>(sqlFile('queries/lists/comparison_lists.sql'));
  return rows.map((r) => ({ ...r, rows: Number(r.rows) }));
}
