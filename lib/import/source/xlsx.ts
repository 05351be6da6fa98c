import ExcelJS, { type CellValue, type Row } from 'exceljs';
import { unlink } from 'node:fs/promises';
import { Transform } from 'node:stream';
import type { SourceInfo, SourceOptions } from '../types';
import { cellText } from './cells';
import { CsvWriter } from './csv-out';
import { SourceError } from './errors';
import { findHeader, HEADER_SCAN_ROWS, isBlank, isBlankRow, type HeaderLayout } from './header';
import { assertColumns, assertRowNumber, MAX_XLSX_UNCOMPRESSED, xlsxTooBig } from './limits';
import { tempPath } from './transcode';
import { checkXlsxPackage } from './zip-check';

/** Rows of a sheet kept for the header search: title rows, the header, and the first data rows. */
const HEAD_ROWS = HEADER_SCAN_ROWS + 50;

interface SheetModel {
  name: string;
  state?: string;
}

/** The parts of exceljs's WorkbookReader (4.4) this module reaches into; see patchReader. */
interface ReaderInternals {
  model?: { sheets?: SheetModel[] };
  _parseWorkbook(entry: NodeJS.ReadableStream): Promise<void>;
  _parseStyles(entry: NodeJS.ReadableStream): Promise<void>;
  _parseSharedStrings(entry: NodeJS.ReadableStream): AsyncGenerator<unknown>;
  _parseWorksheet(iterator: AsyncIterable<unknown>, sheetNo: string): Generator<unknown>;
  lastSheetStream?: unknown;
}

/** Unzipped bytes the reader has parsed; past MAX_XLSX_UNCOMPRESSED the read stops, whatever the zip declared. */
class Budget {
  private used = 0;
  constructor(private readonly fileName: string) {}
  charge(bytes: number): void {
    this.used += bytes;
    if (this.used > MAX_XLSX_UNCOMPRESSED) throw xlsxTooBig(this.fileName, this.used);
  }
}

async function* utf8Chunks(source: AsyncIterable<unknown>, budget: Budget): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of source) {
    budget.charge((chunk as { length: number }).length);
    const text = typeof chunk === 'string' ? chunk : decoder.decode(chunk as Uint8Array, { stream: true });
    if (text) yield text;
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}

/**
 * exceljs 4.4's streaming reader decodes each inflated zip chunk to text on its own, so a Chinese character cut at a
 * chunk boundary (every 16 KB) turns into "��" (exceljs issues #2063, #2084, #2316, still open). This hands its XML
 * parser text decoded with a streaming decoder instead: entries go through a Transform in utf8 mode, and worksheet
 * chunks through a TextDecoder in stream mode. Both count the unzipped bytes against `budget`. Per reader instance,
 * so nothing global is changed.
 */
function patchReader(reader: ReaderInternals, budget: Budget): void {
  const withEncoding = <A extends unknown[], R>(fn: (entry: NodeJS.ReadableStream, ...rest: A) => R) =>
    function (this: ReaderInternals, entry: NodeJS.ReadableStream, ...rest: A): R {
      const counted = new Transform({
        transform(chunk: Buffer, _enc, done) {
          try {
            budget.charge(chunk.length);
            done(null, chunk);
          } catch (error) {
            done(error as Error);
          }
        },
      });
      entry.pipe(counted);
      counted.setEncoding('utf8');
      return fn.call(this, counted, ...rest);
    };
  reader._parseWorkbook = withEncoding(reader._parseWorkbook);
  reader._parseStyles = withEncoding(reader._parseStyles);
  reader._parseSharedStrings = withEncoding(reader._parseSharedStrings);
  const parseWorksheet = reader._parseWorksheet;
  reader._parseWorksheet = function (this: ReaderInternals, iterator: AsyncIterable<unknown>, sheetNo: string) {
    this.lastSheetStream = iterator;
    return parseWorksheet.call(this, utf8Chunks(iterator, budget), sheetNo);
  };
}

/**
 * Releases a worksheet that is not read. A sheet that exceljs buffered to a temp file comes with a read stream on that
 * file, which exceljs deletes as soon as the next sheet is asked for: close the stream, and ignore the ENOENT it may
 * still report when the file went before it opened.
 */
function discardSheet(reader: ReaderInternals): void {
  const stream = reader.lastSheetStream as { destroy?: () => void; on?: (e: string, f: () => void) => void } | undefined;
  if (stream && typeof stream.destroy === 'function' && typeof stream.on === 'function') {
    stream.on('error', () => {});
    stream.destroy();
  }
}

/** The cells of a row as text, column A first. */
function rowCells(row: Row): string[] {
  const values = row.values as CellValue[];
  const out: string[] = [];
  for (let c = 1; c < values.length; c++) {
    const v = values[c];
    if (v === null || v === undefined) {
      out.push('');
      continue;
    }
    const formula = typeof v === 'object' && !(v instanceof Date) && ('formula' in v || 'sharedFormula' in v);
    out.push(cellText(v, formula ? row.getCell(c).numFmt : undefined));
  }
  return out;
}

const lastNonBlank = (row: readonly string[]) => {
  for (let j = row.length - 1; j >= 0; j--) if (!isBlank(row[j])) return j;
  return -1;
};

interface SheetResult {
  layout: HeaderLayout;
  firstDataRow: number;
  records: number;
  width: number;
  /** Columns holding a value in any data row (may exceed width: then the sheet is converted again, wider). */
  usedWidth: number;
  headerRowNumber: number;
}

/**
 * Streams one worksheet: keeps the first rows to find the header, then writes every data row (from the first
 * non-blank row under the header) to `dest`. Blank rows between data rows are written as empty records, so record k
 * of the file is Excel row firstDataRow + k; blank rows at the end are dropped.
 */
async function convertRows(
  ws: AsyncIterable<Row>, options: SourceOptions, dest: string, where: { fileName: string; sheet: string }, width?: number,
): Promise<SheetResult | null> {
  const head: string[][] = [];
  // Set once the header is found (closures assign them, so they live in an object TypeScript can follow).
  const out: { layout: HeaderLayout | null; writer: CsvWriter | null } = { layout: null, writer: null };
  let pendingBlank = 0;
  let firstDataRow = 0;
  let usedWidth = 0;
  let lastRow = 0;

  const feed = async (writer: CsvWriter, cells: string[], rowNumber: number) => {
    if (isBlankRow(cells)) {
      if (firstDataRow) pendingBlank++;
      return;
    }
    if (!firstDataRow) firstDataRow = rowNumber;
    for (; pendingBlank > 0; pendingBlank--) await writer.write([]);
    usedWidth = Math.max(usedWidth, lastNonBlank(cells) + 1);
    assertColumns(usedWidth, where.fileName, `的工作表“${where.sheet}”第 ${rowNumber} 行`);
    await writer.write(cells);
  };
  const start = async (): Promise<CsvWriter> => {
    const layout = (out.layout = findHeader(head, options.kind));
    assertColumns(layout.headers.length, where.fileName, `的工作表“${where.sheet}”的表头`);
    const writer = (out.writer = await CsvWriter.create(dest, Math.max(1, width ?? layout.headers.length)));
    for (let i = layout.dataIndex; i < head.length; i++) await feed(writer, head[i], i + 1);
    lastRow = head.length;
    return writer;
  };

  try {
    let writer: CsvWriter | null = null;
    let previous = 0;
    for await (const row of ws) {
      // Before the row is used: a row numbered 50,000,000 would otherwise be written as that many empty records.
      assertRowNumber(row.number, previous, where.fileName, where.sheet);
      previous = row.number;
      const cells = rowCells(row);
      if (!writer) {
        if (row.number <= HEAD_ROWS) {
          while (head.length < row.number - 1) head.push([]);
          head.push(cells);
          if (head.length === HEAD_ROWS) writer = await start();
          continue;
        }
        writer = await start();
      }
      if (firstDataRow) pendingBlank += Math.max(0, row.number - lastRow - 1);
      lastRow = row.number;
      await feed(writer, cells, row.number);
    }
    if (!writer) {
      if (head.length === 0) return null;
      await start();
    }
  } finally {
    await out.writer?.close();
  }
  const layout = out.layout!;
  return {
    layout,
    firstDataRow,
    records: out.writer!.records,
    width: out.writer!.width,
    usedWidth,
    headerRowNumber: layout.headerIndex + 1,
  };
}

/** The sheet to read: the one asked for (exact name, else ignoring case and surrounding spaces), or the first visible. */
function chooseSheet(names: string[], asked: string | undefined, firstSeen: string): string | null {
  if (asked !== undefined) {
    if (names.length === 0 || names.includes(asked)) return asked;
    const loose = (s: string) => s.trim().toLowerCase();
    return names.find((n) => loose(n) === loose(asked)) ?? null;
  }
  return names[0] !== undefined ? names[0] : firstSeen;
}

interface PassResult {
  sheets: string[];
  sheet: string;
  result: SheetResult;
  /** The first visible sheet, passed over because it held no table (only when no sheet was asked for). */
  skippedSheet?: string;
}

/** A sheet with no table: nothing in it, or nothing under its header. */
const noTable = (r: SheetResult | null) => r === null || r.records === 0;

/**
 * Reads the workbook once. The sheet asked for is converted; with none asked, the first visible one, and when that
 * holds no table (a 说明 or cover sheet) the next visible sheet that does, in the same read: exceljs hands out sheets
 * in the order of their parts in the zip, which is the workbook's order unless sheets were moved around.
 */
async function convertWorkbook(filePath: string, fileName: string, options: SourceOptions, dest: string, width?: number): Promise<PassResult> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(filePath, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache', // needed to tell date cells from numbers
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  const internals = reader as unknown as ReaderInternals;
  patchReader(internals, new Budget(fileName));
  let names: string[] = [];
  let target: string | null | undefined;
  let sawSheet = false;
  let result: SheetResult | null | undefined;
  let chosen: string | undefined;
  // Set once the first visible sheet held no table: its name and what reading it gave.
  let skipped: { name: string; result: SheetResult | null } | undefined;
  try {
    for await (const ws of reader) {
      sawSheet = true;
      const name = (ws as unknown as { name: string }).name;
      const sheets = internals.model?.sheets ?? [];
      if (sheets.length) names = sheets.map((s) => s.name);
      const visible = sheets.filter((s) => !s.state || s.state === 'visible').map((s) => s.name);
      if (target === undefined) {
        target = chooseSheet(options.sheet !== undefined ? names : visible.length ? visible : names, options.sheet, name);
      }
      const wanted = name === target || (skipped !== undefined && (visible.length === 0 || visible.includes(name)));
      if (result !== undefined || target === null || !wanted) {
        discardSheet(internals);
        continue;
      }
      const converted = await convertRows(ws as unknown as AsyncIterable<Row>, options, dest, { fileName, sheet: name }, width);
      if (options.sheet === undefined && noTable(converted)) {
        skipped ??= { name, result: converted };
        await unlink(dest).catch(() => {});
        continue;
      }
      result = converted;
      chosen = name;
    }
  } catch (e) {
    if (e instanceof SourceError) throw e;
    const detail = e instanceof Error ? e.message : String(e);
    throw new SourceError(`无法读取 Excel 文件“${fileName}”（${detail}）。文件可能已损坏，请在 Excel 中打开后重新另存为 .xlsx 再导入。`);
  }
  if (!sawSheet) throw new SourceError(`文件“${fileName}”不是有效的 Excel 工作簿（没有找到工作表）。请导入 .xlsx 工作簿或 CSV 文件。`);
  if (result === undefined && skipped) {
    // No sheet holds a table: the first one's own message.
    result = skipped.result;
    chosen = skipped.name;
    skipped = undefined;
  }
  if (target === null || result === undefined) {
    throw new SourceError(`工作簿“${fileName}”中没有名为“${options.sheet}”的工作表。可选的工作表：${names.join('、')}。`);
  }
  if (result === null) throw new SourceError(`工作簿“${fileName}”的工作表“${chosen}”是空的。`);
  return { sheets: names.length ? names : [chosen!], sheet: chosen!, result, skippedSheet: skipped?.name };
}

/** Reads an XLSX workbook's sheet into a temporary UTF-8 CSV of its data rows (skipLines 0). */
export async function readXlsxSource(filePath: string, fileName: string, options: SourceOptions): Promise<SourceInfo> {
  // Sizes and shared-string count from the zip's directory, before anything is inflated or parsed.
  await checkXlsxPackage(filePath, fileName);
  let dest = tempPath('.csv');
  try {
    let pass = await convertWorkbook(filePath, fileName, options, dest);
    if (pass.result.usedWidth > pass.result.width) {
      // A data row below the first rows has cells right of every header: convert that sheet again, wide enough.
      await unlink(dest);
      dest = tempPath('.csv');
      const again = await convertWorkbook(filePath, fileName, { ...options, sheet: pass.sheet }, dest, pass.result.usedWidth);
      pass = { ...again, skippedSheet: pass.skippedSheet };
    }
    const { layout, firstDataRow, records, width, headerRowNumber } = pass.result;
    if (records === 0) {
      throw new SourceError(`工作表“${pass.sheet}”在表头（第 ${headerRowNumber} 行）之下没有数据行。`);
    }
    const pad = (a: string[]) => [...a, ...Array<string>(Math.max(0, width - a.length)).fill('')];
    return {
      fileName,
      format: 'xlsx',
      encoding: 'xlsx',
      sheet: pass.sheet,
      sheets: pass.sheets,
      ...(pass.skippedSheet !== undefined ? { skippedSheet: pass.skippedSheet } : {}),
      headers: pad(layout.headers),
      rawHeaders: pad(layout.rawHeaders),
      firstDataRow,
      unitHint: layout.unitHint,
      dataCsvPath: dest,
      skipLines: 0,
      delimiter: ',',
      // CsvOut ends every record with \n.
      newLine: '\n',
      tempFiles: [dest],
    };
  } catch (e) {
    await unlink(dest).catch(() => {});
    throw e;
  }
}
