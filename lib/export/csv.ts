import { Readable } from 'node:stream';
import { safeCell } from './safe-cell';
import { exportHeader, type Cell, type ExportTable, type RowChunks } from './table';

/** One CSV field for the files users download (RFC 4180): quoted when it holds a comma, a quote or a line break. */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/*
 * A table as CSV (docs/views.md "Exported files"): UTF-8 with a BOM and CRLF, so Excel opens it as Chinese text; the
 * header line first and no title line, as a CSV is read by programs (the filter is in the file name and the audit
 * log). Money is exact 元, its header says so: the database's own unit, with nothing rounded or divided.
 */

const BOM = '\uFEFF';

function csvLine(table: ExportTable, row: Cell[]): string {
  return `${table.columns.map((c, i) => csvField(c.format === 'text' ? safeCell(row[i]) : row[i])).join(',')}\r\n`;
}

const headerLine = (table: ExportTable) => `${BOM}${table.columns.map((c) => csvField(exportHeader(c, '元'))).join(',')}\r\n`;

async function* csvPieces(table: ExportTable, chunks: RowChunks): AsyncGenerator<Buffer> {
  yield Buffer.from(headerLine(table));
  for await (const rows of chunks) yield Buffer.from(rows.map((row) => csvLine(table, row)).join(''));
}

/** The CSV as a stream of the rows' chunks: a 100,000-row export never holds its rows in memory. */
export function csvStream(table: ExportTable, chunks: RowChunks): Readable {
  return Readable.from(csvPieces(table, chunks), { objectMode: false });
}

/** The whole CSV, for a view's lines. */
export function csvBuffer(table: ExportTable, rows: Cell[][]): Buffer {
  return Buffer.from(headerLine(table) + rows.map((row) => csvLine(table, row)).join(''));
}
