/**
 * Source reading, the first step of an import: turns the user's file (CSV in UTF-8/GBK/GB18030, tab- or
 * semicolon-separated text, or an XLSX sheet) into a SourceInfo that loading hands to DuckDB's read_csv:
 *
 *   read_csv(info.dataCsvPath, skip = info.skipLines, header = false, all_varchar = true,
 *            delim = info.delimiter, quote = '"', escape = '"')
 *
 * yields the data records only, the first one being Excel row info.firstDataRow. skipLines counts records as DuckDB's
 * skip does (quote-aware: a quoted field with line breaks is one record; an empty line is one), which is also how Excel
 * numbers rows, so for CSV skipLines = firstDataRow - 1. Checked on DuckDB 1.5.6 with and without auto_detect.
 * Notes for the loader:
 * - Only the first info.headers.length columns are the table's (a CSV may carry trailing blank columns).
 * - A blank row between data rows is a record of NULLs. XLSX: always. CSV: DuckDB drops completely empty lines, which
 *   would shift the row numbers after them, so those among the data records are written as ",,," first
 *   (empty-lines.ts; the file is then a copy).
 * - Delete info.tempFiles afterwards (cleanupSource).
 */
import { unlink } from 'node:fs/promises';
import type { SourceInfo, SourceOptions } from '../types';
import { readCsvSource } from './csv';
import { sniffFile } from './detect';
import { readXlsxSourceOffThread } from './xlsx-thread';

export { SourceError } from './errors';
export { previewSource } from './preview';
export { findHeader, combineHeaderRows, unitOfLine, type HeaderLayout } from './header';

/**
 * Detects the format, encoding, delimiter, header rows and unit of a source file and prepares its data records for
 * DuckDB. Throws a SourceError (message in Chinese, for the user) when the file cannot be read. A workbook is parsed
 * in a worker thread, off the thread that serves requests.
 */
export async function readSource(filePath: string, fileName: string, options: SourceOptions): Promise<SourceInfo> {
  const sniffed = await sniffFile(filePath, fileName);
  return sniffed.format === 'xlsx'
    ? readXlsxSourceOffThread(filePath, fileName, options)
    : readCsvSource(filePath, fileName, options, sniffed);
}

/** Deletes the temporary files of a source (missing files are fine). */
export async function cleanupSource(info: Pick<SourceInfo, 'tempFiles'>): Promise<void> {
  await Promise.all(info.tempFiles.map((f) => unlink(f).catch(() => {})));
}
