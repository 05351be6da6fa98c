import type { Db } from '../db';
import { sqlFile } from '../sql';
import type { ImportKind, RejectRow } from '@/lib/import/types';

/** An import batch as the history lists it. Counts are numbers, amount_total an exact 元 string. */
export interface BatchRow {
  id: number;
  kind: ImportKind;
  file_name: string;
  sha256: string;
  encoding: string | null;
  rows_read: number;
  accepted: number;
  rejected: number;
  duplicates: number;
  subtotal_rows_skipped: number;
  totals_reconciled: boolean | null;
  amount_total: string | null;
  matched_indicator: number | null;
  matched_project: number | null;
  raw_path: string | null;
  created_by: string | null;
  created_at: string;
  status: 'loaded' | 'rolled_back';
  rolled_back_by: string | null;
  rolled_back_at: string | null;
  /** Source header → field id. */
  mapping: Record<string, string>;
  /** The choices and facts of the import: unit, day_first, raw_headers, created_unit_ids … */
  options: Record<string, unknown>;
}

type RawBatch = Omit<BatchRow, 'mapping' | 'options' | 'rows_read' | 'accepted' | 'rejected' | 'duplicates' | 'subtotal_rows_skipped' | 'matched_indicator' | 'matched_project'> & {
  mapping: string | null;
  options: string | null;
  rows_read: string;
  accepted: string;
  rejected: string;
  duplicates: string;
  subtotal_rows_skipped: string | null;
  matched_indicator: string | null;
  matched_project: string | null;
};

const num = (v: string | null) => (v === null ? null : Number(v));

function toBatch(r: RawBatch): BatchRow {
  return {
    ...r,
    rows_read: Number(r.rows_read),
    accepted: Number(r.accepted),
    rejected: Number(r.rejected),
    duplicates: Number(r.duplicates),
    subtotal_rows_skipped: Number(r.subtotal_rows_skipped ?? 0),
    matched_indicator: num(r.matched_indicator),
    matched_project: num(r.matched_project),
    mapping: r.mapping ? JSON.parse(r.mapping) : {},
    options: r.options ? JSON.parse(r.options) : {},
  };
}

export interface BatchFilter {
  kind?: ImportKind;
  limit?: number;
  offset?: number;
}

export async function listBatches(db: Db, f: BatchFilter = {}): Promise<BatchRow[]> {
  const rows = await db.all<RawBatch>(sqlFile('queries/import/batches.sql'), {
    kind: f.kind ?? null, id: null, limit: f.limit ?? 100, offset: f.offset ?? 0,
  });
  return rows.map(toBatch);
}

export async function getBatch(db: Db, id: number): Promise<BatchRow | undefined> {
  const rows = await db.all<RawBatch>(sqlFile('queries/import/batches.sql'), { kind: null, id, limit: 1, offset: 0 });
  return rows[0] && toBatch(rows[0]);
}

/** Whether some batch keeps its raw file at `rawPath` (exactly as import_batches.raw_path stores it). */
export async function rawPathReferenced(db: Db, rawPath: string): Promise<boolean> {
  return (await db.one<{ referenced: boolean }>(sqlFile('queries/import/raw_referenced.sql'), { path: rawPath }))?.referenced === true;
}

/** A batch's rejects, one per problem (a row may have several), in file order. */
export function listRejects(db: Db, batchId: number, page: { limit?: number; offset?: number } = {}): Promise<RejectRow[]> {
  return db.all<RejectRow>(sqlFile('queries/import/rejects.sql'), { batch: batchId, limit: page.limit ?? 100, offset: page.offset ?? 0 });
}

export interface RejectedRow {
  row: number;
  /** The row's cells as the file had them. */
  cells: (string | null)[];
  /** Every problem of the row, "列名：原因" joined by "；". */
  reasons: string;
}

/** A batch's rejected rows with their raw cells, for the reject report download. */
export async function rejectedRows(db: Db, batchId: number): Promise<RejectedRow[]> {
  const rows = await db.all<{ row: number; raw_row: string | null; reasons: string }>(sqlFile('queries/import/rejects_by_row.sql'), { batch: batchId });
  return rows.map((r) => ({ row: r.row, cells: r.raw_row ? JSON.parse(r.raw_row) : [], reasons: r.reasons }));
}
