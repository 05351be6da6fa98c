import ExcelJS from 'exceljs';
import type { Db } from '@/queries/db';
import { getBatch, rejectedRows, type RejectedRow } from '@/queries/import/batches';
import { csvField } from '@/lib/export/csv';
import { safeCell } from '@/lib/export/safe-cell';

/**
 * The reject report of a batch: the file's own columns as it had them, then 行号 (the row in Excel) and 原因 (every
 * problem of the row). The user fixes the rows and imports the report again; the two extra columns are not mapped to
 * any field, so they are ignored then. Every cell goes through safeCell (formula injection).
 */
async function reportTable(db: Db, batchId: number): Promise<{ header: string[]; rows: (string | number | null)[][] }> {
  const batch = await getBatch(db, batchId);
  if (!batch) throw new Error(`批次 #${batchId} 不存在`);
  const rejected = await rejectedRows(db, batchId);
  const headers = Array.isArray(batch.options.raw_headers) ? (batch.options.raw_headers as string[]) : [];
  const width = Math.max(headers.length, ...rejected.map((r) => r.cells.length));
  const header = [...Array.from({ length: width }, (_, i) => headers[i] ?? `第${i + 1}列`), '行号', '原因'];
  const line = (r: RejectedRow) => [...Array.from({ length: width }, (_, i) => r.cells[i] ?? null), r.row, r.reasons];
  return {
    header: header.map((h) => safeCell(h) as string),
    rows: rejected.map((r) => line(r).map((v) => safeCell(v))),
  };
}

/** CSV as Excel opens it: UTF-8 with a BOM, CRLF line ends, RFC 4180 quoting. */
export async function rejectsCsv(db: Db, batchId: number): Promise<string> {
  const { header, rows } = await reportTable(db, batchId);
  return '\uFEFF' + [header, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

export async function rejectsXlsx(db: Db, batchId: number): Promise<Buffer> {
  const { header, rows } = await reportTable(db, batchId);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('未导入的行');
  ws.addRow(header).font = { bold: true };
  for (const r of rows) ws.addRow(r);
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  // Raw cells stay text (a 凭证号 like 0012 must not become 12); 行号 is a number.
  ws.columns.forEach((c, i) => {
    c.width = i === header.length - 1 ? 60 : 16;
    if (i !== header.length - 2) c.numFmt = '@';
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
