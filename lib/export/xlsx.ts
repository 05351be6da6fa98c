import { EventEmitter } from 'node:events';
import { PassThrough, pipeline, type Readable } from 'node:stream';
import archiver from 'archiver';
import { strToU8, zipSync } from 'fflate';
import { yuanToWanExact } from '@/lib/format';
import { columnName } from '@/lib/xlsx/cell-ref';
import { safeCell } from './safe-cell';
import { exportHeader, textWidth, titleLine, type Cell, type CellFormat, type ExportTable, type RowChunks } from './table';

/**
 * An export's XLSX workbook, its sheet XML written row by row straight into a zip stream (archiver, with Node's zlib).
 * exceljs's streaming writer took ≈3 s of CPU for 100,000 rows of 支付明细 (a Row and Cell object per value, their
 * styles looked up per cell); writing the XML here, one style per column, repeated texts shared and the rest inline,
 * takes about half (BENCHMARKS.md "Issue 11: exports"). Memory stays bounded: each chunk of rows waits until the zip
 * has taken the one before, and the shared texts are capped.
 *
 * The sheet: row 1 the title (table, filter, 截止日期; merged across the columns), row 2 the Chinese headers, frozen
 * below both; money in 万元 (the exact 元 amount moved four places, shown with two decimals as the pages show it),
 * rates and points with one decimal, text as text and neutralised (safe-cell.ts).
 */

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** cellXfs below: 1 title, 2 header, then one per cell format. */
const STYLE: Record<CellFormat, number> = { text: 3, wan: 4, decimal1: 5, int: 6 };

const STYLES = `${XML_HEAD}<styleSheet xmlns="${MAIN}">`
  + '<numFmts count="4"><numFmt numFmtId="164" formatCode="@"/><numFmt numFmtId="165" formatCode="#,##0.00"/>'
  + '<numFmt numFmtId="166" formatCode="0.0"/><numFmt numFmtId="167" formatCode="0"/></numFmts>'
  + '<fonts count="3"><font><sz val="11"/><name val="宋体"/><family val="3"/><charset val="134"/></font>'
  + '<font><b/><sz val="11"/><name val="宋体"/><family val="3"/><charset val="134"/></font>'
  + '<font><b/><sz val="14"/><name val="宋体"/><family val="3"/><charset val="134"/></font></fonts>'
  + '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
  + '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
  + '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
  + '<cellXfs count="7"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
  + '<xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"/>'
  + '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment horizontal="center" vertical="center" wrapText="1"/></xf>'
  + '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
  + '<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
  + '<xf numFmtId="166" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
  + '<xf numFmtId="167" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>'
  + '<cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles></styleSheet>';

const CONTENT_TYPES = `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">`
  + '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
  + '<Default Extension="xml" ContentType="application/xml"/>'
  + '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
  + '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
  + '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
  + '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
  + '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>';

const ROOT_RELS = `${XML_HEAD}<Relationships xmlns="${PKG_REL}">`
  + `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/>`
  + '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>';

const WORKBOOK_RELS = `${XML_HEAD}<Relationships xmlns="${PKG_REL}">`
  + `<Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>`
  + `<Relationship Id="rId2" Type="${REL}/styles" Target="styles.xml"/>`
  + `<Relationship Id="rId3" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`;

const CORE = `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" `
  + 'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>扶贫资金动态监控</dc:creator></cp:coreProperties>';

/** Characters XML 1.0 cannot hold at all (a control character in an imported 用途 would make the file unreadable). */
const NOT_XML = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/g;
const NEEDS_ESCAPE = /[&<>\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/;

function xmlText(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return text;
  return text.replace(NOT_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A sheet tab's name: at most 31 characters, none of : \ / ? * [ ]. */
const sheetName = (title: string) => title.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31);

/** Whether a text begins or ends with white space, which XML keeps only when told to. */
const spaced = (text: string) => text.charCodeAt(0) <= 32 || text.charCodeAt(text.length - 1) <= 32 || /^\s|\s$/.test(text);

/** A text cell; `ref` is its ` r="B3"` attribute, or '' for the cell right after the one before (writeSheet). */
function textCell(ref: string, style: number, value: string): string {
  const space = spaced(value) ? ' xml:space="preserve"' : '';
  return `<c${ref} t="inlineStr" s="${style}"><is><t${space}>${xmlText(value)}</t></is></c>`;
}

const at = (col: string, r: number) => ` r="${col}${r}"`;

/** The most texts the shared-string table holds; later new texts are written in their cells. */
const SHARED_MAX = 50_000;

/**
 * The texts that repeat (a unit, a bank, a fund, a date) written once, in xl/sharedStrings.xml, each cell holding its
 * index: a third less XML to build, encode and compress. A column whose chunk of rows brought mostly new texts (凭证号,
 * 账号) is no longer shared, and the table stops growing at SHARED_MAX, so memory stays bounded whatever the rows.
 */
class SharedStrings {
  private readonly index = new Map<string, number>();
  readonly items: string[] = [];
  added = 0;

  /** The text's index, or undefined when the table is full. */
  of(text: string): number | undefined {
    let i = this.index.get(text);
    if (i === undefined && this.items.length < SHARED_MAX) {
      const safe = String(safeCell(text));
      i = this.items.length;
      this.index.set(text, i);
      this.items.push(`<si><t${spaced(safe) ? ' xml:space="preserve"' : ''}>${xmlText(safe)}</t></si>`);
      this.added += 1;
    }
    return i;
  }

  xml(): string {
    return `${XML_HEAD}<sst xmlns="${MAIN}" uniqueCount="${this.items.length}">${this.items.join('')}</sst>`;
  }
}

/**
 * A chunk's XML, written into one growing buffer: strings built per cell and joined would leave millions of pieces to
 * flatten and collect (a third of the time).
 */
class XmlBuffer {
  private buf = Buffer.allocUnsafe(1 << 22);
  private pos = 0;

  private room(bytes: number): void {
    if (this.pos + bytes <= this.buf.length) return;
    const bigger = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.pos + bytes));
    this.buf.copy(bigger, 0, 0, this.pos);
    this.buf = bigger;
  }

  /** Markup and numbers: ASCII only. */
  ascii(text: string): void {
    this.room(text.length);
    this.pos += this.buf.write(text, this.pos, 'latin1');
  }

  utf8(text: string): void {
    this.room(text.length * 3);
    this.pos += this.buf.write(text, this.pos, 'utf8');
  }

  /** The bytes written so far, handed over: the next chunk starts a new buffer. */
  take(): Buffer {
    const done = this.buf.subarray(0, this.pos);
    this.buf = Buffer.allocUnsafe(this.buf.length);
    this.pos = 0;
    return done;
  }
}

/**
 * One cell's XML, and whether there was one (nothing for an empty cell). Money arrives as exact 元, rates and counts
 * as numbers, text as anything. `ref` as textCell's.
 */
function writeCell(xml: XmlBuffer, ref: string, format: CellFormat, value: Cell, shared: SharedStrings | null): boolean {
  if (value === null || value === '') return false;
  if (format === 'text') {
    const i = shared && typeof value === 'string' ? shared.of(value) : undefined;
    if (i !== undefined) {
      xml.ascii(`<c${ref} t="s" s="${STYLE.text}"><v>${i}</v></c>`);
      return true;
    }
    const safe = safeCell(value);
    if (safe === null) return false;
    xml.utf8(textCell(ref, STYLE.text, String(safe)));
    return true;
  }
  const number = format === 'wan' ? yuanToWanExact(value) : typeof value === 'number' ? String(value) : value;
  if (Number.isFinite(Number(number))) xml.ascii(`<c${ref} s="${STYLE[format]}"><v>${number}</v></c>`);
  else xml.utf8(textCell(ref, STYLE.text, String(safeCell(value))));
  return true;
}

/** How wide a cell shows: its text, or a number as its format writes it (separators, decimals). */
function shownWidth(format: CellFormat, value: Cell): number {
  if (value === null) return 0;
  if (format === 'text') return textWidth(String(value));
  const digits = String(value).replace(/^-/, '').split('.')[0].length - (format === 'wan' ? 4 : 0);
  return Math.max(digits, 1) * 4 / 3 + (format === 'wan' ? 4 : 2);
}

/** Each column as wide as its header or its widest cell among the first rows, within 8 to 60. */
function columnWidths(table: ExportTable, headers: string[], sample: Cell[][]): number[] {
  return table.columns.map((c, i) => {
    let widest = textWidth(headers[i]);
    for (const row of sample) widest = Math.max(widest, shownWidth(c.format, row[i]));
    return Math.min(60, Math.max(8, Math.ceil(widest) + 2));
  });
}

function sheetStart(table: ExportTable, headers: string[], widths: number[]): string {
  const cols = widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1" style="${STYLE[table.columns[i].format]}"/>`).join('');
  return `${XML_HEAD}<worksheet xmlns="${MAIN}" xmlns:r="${REL}">`
    + '<sheetViews><sheetView workbookViewId="0"><pane ySplit="2" topLeftCell="A3" activePane="bottomLeft" state="frozen"/>'
    + '<selection pane="bottomLeft" activeCell="A3" sqref="A3"/></sheetView></sheetViews>'
    + `<sheetFormatPr defaultRowHeight="15"/><cols>${cols}</cols><sheetData>`
    + `<row r="1" ht="24" customHeight="1">${textCell(at('A', 1), 1, titleLine(table))}</row>`
    + `<row r="2">${headers.map((h, i) => textCell(at(columnName(i), 2), 2, h)).join('')}</row>`;
}

/** Resolves when `stream` has room again, or when the download has gone away (`out` closed or failed). */
function roomIn(stream: EventEmitter, out: EventEmitter): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      stream.off('drain', done);
      out.off('close', done);
      resolve();
    };
    stream.on('drain', done);
    out.on('close', done);
  });
}

/**
 * The sheet's XML, a chunk of rows at a time: `rows` writes one chunk (the first also measures the column widths) and
 * hands its bytes over, `end` closes the sheet. Shared by the streamed workbook and the one made at once.
 */
class SheetWriter {
  private readonly headers: string[];
  private readonly names: string[];
  private readonly formats: CellFormat[];
  private readonly shared: boolean[];
  private readonly xml = new XmlBuffer();
  private r = 2;
  private started = false;

  constructor(private readonly table: ExportTable, private readonly strings: SharedStrings) {
    this.headers = table.columns.map((c) => exportHeader(c, '万元'));
    this.names = table.columns.map((_, i) => columnName(i));
    this.formats = table.columns.map((c) => c.format);
    this.shared = this.formats.map(() => true);
  }

  private start(sample: Cell[][]): void {
    this.xml.utf8(sheetStart(this.table, this.headers, columnWidths(this.table, this.headers, sample)));
    this.started = true;
  }

  rows(rows: Cell[][]): Buffer {
    const { xml, names, formats, shared, strings } = this;
    if (!this.started) this.start(rows);
    const added = formats.map(() => 0);
    for (const row of rows) {
      const r = (this.r += 1);
      xml.ascii(`<row r="${r}">`);
      // A cell names its place only after an empty one: the rest follow on (a third of the markup, and of its time).
      let follows = false;
      for (let i = 0; i < names.length; i++) {
        const before = strings.added;
        follows = row[i] !== null && writeCell(xml, follows ? '' : at(names[i], r), formats[i], row[i], shared[i] ? strings : null);
        added[i] += strings.added - before;
      }
      xml.ascii('</row>');
    }
    added.forEach((n, i) => (shared[i] &&= n <= rows.length / 2));
    return xml.take();
  }

  end(): Buffer {
    if (!this.started) this.start([]);
    // The title spans the columns (a merge of one cell alone is one Excel repairs).
    const last = columnName(this.table.columns.length - 1);
    const merge = last === 'A' ? '' : `<mergeCells count="1"><mergeCell ref="A1:${last}1"/></mergeCells>`;
    this.xml.ascii(`</sheetData>${merge}`
      + '<pageMargins left="0.5" right="0.5" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>'
      + '<pageSetup paperSize="9" orientation="landscape"/></worksheet>');
    return this.xml.take();
  }
}

async function writeSheet(sheet: PassThrough, out: Readable, writer: SheetWriter, chunks: RowChunks): Promise<void> {
  for await (const rows of chunks) {
    // Wait for the zip to take this chunk (and for a slow download) before reading the next; stop when the
    // download is cancelled, which ends the query.
    if (!sheet.write(writer.rows(rows))) await roomIn(sheet, out);
    if (out.destroyed) return;
  }
  sheet.end(writer.end());
}

/** The parts of the workbook around its sheet and shared strings, by their names in the zip. */
function workbookParts(table: ExportTable): [string, string][] {
  const name = sheetName(table.title);
  return [
    ['[Content_Types].xml', CONTENT_TYPES],
    ['_rels/.rels', ROOT_RELS],
    ['docProps/core.xml', CORE],
    ['xl/workbook.xml', `${XML_HEAD}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="${xmlText(name).replace(/"/g, '&quot;')}" sheetId="1" r:id="rId1"/></sheets>`
      + `<definedNames><definedName name="_xlnm.Print_Titles" localSheetId="0">'${xmlText(name).replace(/'/g, "''")}'!$1:$2</definedName></definedNames></workbook>`],
    ['xl/_rels/workbook.xml.rels', WORKBOOK_RELS],
    ['xl/styles.xml', STYLES],
  ];
}

const SHEET_PART = 'xl/worksheets/sheet1.xml';
const STRINGS_PART = 'xl/sharedStrings.xml';

/** The workbook as a stream: the download starts with the first chunk of rows, and cancelling it stops the rows. */
export function xlsxStream(table: ExportTable, chunks: RowChunks): Readable {
  // Level 1: the sheet XML is repetitive, so the fastest level already shrinks it about ten times (BENCHMARKS.md).
  const zip = archiver('zip', { zlib: { level: 1 } });
  for (const [name, text] of workbookParts(table)) zip.append(text, { name });
  const sheet = new PassThrough();
  zip.append(sheet, { name: SHEET_PART });
  // archiver's streams are readable-stream's; the caller gets a Node stream, whose end, in either direction, ends the other.
  const out = new PassThrough();
  pipeline(zip, out, () => {});
  const fail = (error: unknown) => out.destroy(error instanceof Error ? error : new Error(String(error)));
  const strings = new SharedStrings();
  const finish = () => {
    if (out.destroyed) return;
    zip.append(strings.xml(), { name: STRINGS_PART });
    return zip.finalize();
  };
  writeSheet(sheet, out, new SheetWriter(table, strings), chunks).then(finish).catch(fail);
  return out;
}

/**
 * The whole workbook at once, for a view's lines (aggregates: a few hundred rows): written and zipped in one
 * synchronous step (fflate). Through the streams, each of a small workbook's dozens of hops waited its turn behind
 * every page being rendered, and a busy server took seconds for a file of 50 ms (BENCHMARKS.md "Issue 12: load").
 */
export async function xlsxBuffer(table: ExportTable, rows: Cell[][]): Promise<Buffer> {
  const strings = new SharedStrings();
  const writer = new SheetWriter(table, strings);
  const sheet = Buffer.concat([writer.rows(rows), writer.end()]);
  const files: Record<string, Uint8Array> = Object.fromEntries(workbookParts(table).map(([name, text]) => [name, strToU8(text)]));
  files[SHEET_PART] = sheet;
  files[STRINGS_PART] = strToU8(strings.xml());
  return Buffer.from(zipSync(files, { level: 1 }));
}
