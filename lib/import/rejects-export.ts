import type { Db } from '@/queries/db';
import { getBatch, rejectedRows } from '@/queries/import/batches';
import { csvBuffer } from '@/lib/export/csv';
import type { Cell, ExportTable } from '@/lib/export/table';
import { xlsxBuffer } from '@/lib/export/xlsx';
import { formatDateTime } from '@/lib/format';
import { KIND_LABELS } from './types';

/**
 * The reject report of a batch (docs/views.md "Exported files"), written by the tables' own writers (lib/export): the file's own
 * columns as it had them, all text (a 凭证号 like 0012 stays 0012), then 行号 (the row in Excel) and 原因 (every
 * problem of the row). The XLSX's title row names the batch, its kind, file and time; the importer finds the header
 * below a title line, so the user fixes the rows and imports the report again. 行号 and 原因 are not mapped to any
 * field and are ignored then. The writers neutralise every text cell.
 */
async function reportTable(db: Db, batchId: number): Promise<{ table: ExportTable; rows: Cell[][] }> {
  const batch = await getBatch(db, batchId);
  if (!batch) throw new Error(`批次 #${batchId} 不存在`);
  const rejected = await rejectedRows(db, batchId);
  const headers = Array.isArray(batch.options.raw_headers) ? (batch.options.raw_headers as string[]) : [];
  const width = Math.max(headers.length, ...rejected.map((r) => r.cells.length));
  const table: ExportTable = {
    title: '未导入的行',
    caption: [`批次 #${batch.id}`, KIND_LABELS[batch.kind], batch.file_name, `导入于 ${formatDateTime(batch.created_at)}`, `共 ${rejected.length} 行`],
    columns: [
      ...Array.from({ length: width }, (_, i) => ({ label: headers[i] ?? `第${i + 1}列`, format: 'text' as const })),
      { label: '行号', format: 'int' },
      { label: '原因', format: 'text' },
    ],
  };
  const rows = rejected.map((r) => [...Array.from({ length: width }, (_, i) => r.cells[i] ?? null), r.row, r.reasons]);
  return { table, rows };
}

/** CSV as Excel opens it: UTF-8 with a BOM, CRLF line ends, RFC 4180 quoting; the header first, as every CSV export. */
export async function rejectsCsv(db: Db, batchId: number): Promise<string> {
  const { table, rows } = await reportTable(db, batchId);
  return csvBuffer(table, rows).toString('utf8');
}

export async function rejectsXlsx(db: Db, batchId: number): Promise<Buffer> {
  const { table, rows } = await reportTable(db, batchId);
  return xlsxBuffer(table, rows);
}
