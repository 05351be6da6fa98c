import ExcelJS, { type CellValue, type Row } from 'exceljs';
import { open, unlink, type FileHandle } from 'node:fs/promises';
import { Transform } from 'node:stream';
import type { SourceInfo, SourceOptions } from '../types';
import { cellText } from './cells';
import { CsvWriter } from './csv-out';
import { withCellRefs } from './cell-refs';
import { SourceError } from './errors';
import { findHeader, HEADER_SCAN_ROWS, isBlank, isBlankRow, type HeaderLayout } from './header';
import { assertColumns, assertRowNumber, MAX_XLSX_UNCOMPRESSED, xlsxTooBig } from './limits';
import { tempPath } from './transcode';
import { checkXlsxPackage, entryStream, type ZipEntry } from './zip-check';

/** Rows of a sheet kept for the header search: title rows, the header, and the first data rows. */
const HEAD_ROWS = HEADER_SCAN_ROWS + 50;

/**
 * The parts of exceljs's WorkbookReader (4.4) this module drives. Its own parse() reads the zip with unzipper's
 * streaming parser, which now and then hands a part over empty under load (the workbook part then leaves `model`
 * unset and the first sheet fails with "Cannot read properties of undefined (reading 'sheets')"), and buffers every
 * sheet that comes before the shared strings to a temp file. Here each part is opened from the zip's central
 * directory instead (zip-check.ts), in the order the parsers need: relationships, workbook, shared strings, styles,
 * then only the sheets wanted, in the workbook's order.
 */
interface ReaderInternals {
  model?: { sheets?: SheetModel[] };
  workbookRels?: { Id: string; Target: string }[];
  _parseRels(entry: NodeJS.ReadableStream): Promise<void>;
  _parseWorkbook(entry: NodeJS.ReadableStream): Promise<void>;
  _parseStyles(entry: NodeJS.ReadableStream): Promise<void>;
  _parseSharedStrings(entry: NodeJS.ReadableStream): AsyncGenerator<unknown>;
  _parseWorksheet(iterator: AsyncIterable<unknown>, sheetNo: string): Generator<{ eventType: string; value: unknown }>;
}

interface SheetModel {
  name: string;
  state?: string;
  rId?: string;
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
  reader._parseRels = withEncoding(reader._parseRels);
  reader._parseWorkbook = withEncoding(reader._parseWorkbook);
  reader._parseStyles = withEncoding(reader._parseStyles);
  reader._parseSharedStrings = withEncoding(reader._parseSharedStrings);
  const parseWorksheet = reader._parseWorksheet;
  reader._parseWorksheet = function (this: ReaderInternals, iterator: AsyncIterable<unknown>, sheetNo: string) {
    return parseWorksheet.call(this, withCellRefs(utf8Chunks(iterator, budget)), sheetNo);
  };
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
function chooseSheet(names: string[], asked: string | undefined): string | null {
  if (asked === undefined) return names[0];
  if (names.includes(asked)) return asked;
  const loose = (s: string) => s.trim().toLowerCase();
  return names.find((n) => loose(n) === loose(asked)) ?? null;
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

/** The zip path of a relationship target: relative to xl/, or absolute from the package root. */
const partPath = (target: string) => (target.startsWith('/') ? target.slice(1) : `xl/${target}`);

/**
 * Reads the workbook once. The sheet asked for is converted; with none asked, the first visible one, and when that
 * holds no table (a 说明 or cover sheet) the next visible sheet that does, in workbook order. The workbook, shared
 * strings and styles are parsed first, then only the sheets tried are opened.
 */
async function convertWorkbook(
  fh: FileHandle, entries: ZipEntry[], filePath: string, fileName: string, options: SourceOptions, dest: string, width?: number,
): Promise<PassResult> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(filePath, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache', // needed to tell date cells from numbers
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  const internals = reader as unknown as ReaderInternals;
  patchReader(internals, new Budget(fileName));
  const byName = new Map(entries.map((e) => [e.name, e]));
  const part = (name: string) => {
    const e = byName.get(name);
    return e ? entryStream(fh, filePath, e, fileName) : null;
  };
  const notWorkbook = () => new SourceError(`文件“${fileName}”不是有效的 Excel 工作簿（没有找到工作表）。请导入 .xlsx 工作簿或 CSV 文件。`);
  try {
    const rels = await part('xl/_rels/workbook.xml.rels');
    const book = await part('xl/workbook.xml');
    if (!rels || !book) throw notWorkbook();
    await internals._parseRels(rels);
    await internals._parseWorkbook(book);
    const strings = await part('xl/sharedStrings.xml');
    if (strings) for await (const _ of internals._parseSharedStrings(strings)) void _;
    const styles = await part('xl/styles.xml');
    if (styles) await internals._parseStyles(styles);
  } catch (e) {
    throw asSourceError(e, fileName);
  }
  const sheets = (internals.model?.sheets ?? []).flatMap((sheet) => {
    const target = internals.workbookRels?.find((r) => r.Id === sheet.rId)?.Target;
    const sheetNo = target && /worksheets\/sheet(\d+)\.xml$/.exec(target)?.[1];
    return target && sheetNo && byName.has(partPath(target)) ? [{ ...sheet, part: partPath(target), sheetNo }] : [];
  });
  if (sheets.length === 0) throw notWorkbook();
  const names = sheets.map((s) => s.name);
  const visible = sheets.filter((s) => !s.state || s.state === 'visible');
  const target = chooseSheet(options.sheet !== undefined ? names : (visible.length ? visible : sheets).map((s) => s.name), options.sheet);
  if (target === null) {
    throw new SourceError(`工作簿“${fileName}”中没有名为“${options.sheet}”的工作表。可选的工作表：${names.join('、')}。`);
  }
  // The sheet asked for alone; else the first visible one, then the visible ones after it.
  const first = sheets.findIndex((s) => s.name === target);
  const candidates = options.sheet !== undefined ? [sheets[first]] : [sheets[first], ...visible.filter((s) => sheets.indexOf(s) > first)];
  let skipped: { name: string; result: SheetResult | null } | undefined;
  for (const sheet of candidates) {
    let converted: SheetResult | null;
    try {
      const stream = (await part(sheet.part))!;
      const ws = internals._parseWorksheet(stream, sheet.sheetNo).next().value!.value;
      converted = await convertRows(ws as AsyncIterable<Row>, options, dest, { fileName, sheet: sheet.name }, width);
    } catch (e) {
      throw asSourceError(e, fileName);
    }
    if (options.sheet === undefined && noTable(converted)) {
      skipped ??= { name: sheet.name, result: converted };
      await unlink(dest).catch(() => {});
      continue;
    }
    if (converted === null) throw new SourceError(`工作簿“${fileName}”的工作表“${sheet.name}”是空的。`);
    return { sheets: names, sheet: sheet.name, result: converted, skippedSheet: skipped?.name };
  }
  // No sheet holds a table: the first one's own message.
  if (!skipped?.result) throw new SourceError(`工作簿“${fileName}”的工作表“${skipped?.name ?? target}”是空的。`);
  return { sheets: names, sheet: skipped.name, result: skipped.result };
}

/** A reader's error as the message for the user (a SourceError stays as it is). */
function asSourceError(e: unknown, fileName: string): SourceError {
  if (e instanceof SourceError) return e;
  const detail = e instanceof Error ? e.message : String(e);
  return new SourceError(`无法读取 Excel 文件“${fileName}”（${detail}）。文件可能已损坏，请在 Excel 中打开后重新另存为 .xlsx 再导入。`);
}

/** Reads an XLSX workbook's sheet into a temporary UTF-8 CSV of its data rows (skipLines 0). */
export async function readXlsxSource(filePath: string, fileName: string, options: SourceOptions): Promise<SourceInfo> {
  let dest = tempPath('.csv');
  const fh = await open(filePath, 'r');
  try {
    // Sizes and shared-string count from the zip's directory, before anything is inflated or parsed.
    const entries = await checkXlsxPackage(fh, fileName);
    let pass = await convertWorkbook(fh, entries, filePath, fileName, options, dest);
    if (pass.result.usedWidth > pass.result.width) {
      // A data row below the first rows has cells right of every header: convert that sheet again, wide enough.
      await unlink(dest);
      dest = tempPath('.csv');
      const again = await convertWorkbook(fh, entries, filePath, fileName, { ...options, sheet: pass.sheet }, dest, pass.result.usedWidth);
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
      yearHint: layout.yearHint,
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
  } finally {
    await fh.close();
  }
}
