import { open, unlink, type FileHandle } from 'node:fs/promises';
import type { LineBreak, SourceInfo } from '../types';
import { SourceError } from './errors';
import { PRIVATE_FILE_MODE, tempPath, writeAll } from './transcode';

/**
 * DuckDB's read_csv drops completely empty lines (nothing, or only the \r of a CRLF, between two line breaks) as if
 * they were not there, while Excel shows each as an empty row: every row number after one would be one too small.
 * A line of delimiters (",,,") is read as a record of NULLs instead, a blank row the importer skips without counting.
 * So when the data records hold empty lines, the file is copied with each of them turned into a line of delimiters,
 * and Excel row n is record n - firstDataRow of DuckDB's read again.
 *
 * Most files have none, and they should not pay for the look: the raw copy's worker, which reads every byte anyway,
 * notes whether an empty line may be there (raw-file.ts), and only then does the loader call blankEmptyLines and read
 * the file again (UTF-16 files, whose bytes the worker cannot search, are looked at while the source is read). Here
 * the data are searched once more with a Buffer.indexOf, and only where that finds an empty line is the file walked
 * record by record (quote-aware, since an empty line inside a quoted cell is part of the cell) and copied.
 */

const CHUNK = 4 << 20;
/** A line longer than this is no table (the transcoder gives up at the same length). */
const MAX_LINE = 64 << 20;
const LF = 10;
const CR = 13;
const QUOTE = 34;

/**
 * The records' line break (info.newLine, which DuckDB is told too): `t` is the byte a line ends with; an empty line
 * is `t` right after the previous line's end, or \r\n for CRLF.
 */
interface LineStyle {
  t: number;
  crlf: boolean;
  empty: Buffer;
}

const STYLES: Record<LineBreak, LineStyle> = {
  '\n': { t: LF, crlf: false, empty: Buffer.from('\n\n') },
  '\r\n': { t: LF, crlf: true, empty: Buffer.from('\n\r\n') },
  '\r': { t: CR, crlf: false, empty: Buffer.from('\r\r') },
};

/**
 * Follows records through a file given in pieces of whole lines: a field that starts with a quote runs to its closing
 * quote ("" inside it is a quote) across line breaks; a quote elsewhere is text (as DuckDB and records.ts read it).
 */
class RecordWalker {
  private inQuotes = false;
  private inRecord = false;

  constructor(private readonly style: LineStyle, private readonly delimiter: number) {}

  /**
   * Calls visit(offset, empty) at the start of each record in `b` (which starts at file offset `base`); stops and
   * returns false as soon as visit does.
   */
  walk(b: Buffer, base: number, visit: (offset: number, empty: boolean) => boolean): boolean {
    const { t, crlf } = this.style;
    const n = b.length;
    const lineEnd = (from: number) => {
      const e = b.indexOf(t, from);
      return e < 0 ? n : e;
    };
    // The next quote at or after an index, looked up again only once passed: quotes may be rare and far apart.
    let quote = -2;
    const nextQuote = (from: number) => (quote !== -1 && quote < from ? (quote = b.indexOf(QUOTE, from)) : quote);
    let i = 0;
    while (i < n) {
      if (this.inQuotes) {
        const q = nextQuote(i);
        if (q < 0) return true;
        if (b[q + 1] === QUOTE) {
          i = q + 2;
        } else {
          this.inQuotes = false;
          i = q + 1;
        }
        continue;
      }
      if (!this.inRecord) {
        const e = lineEnd(i);
        const empty = e === i || (crlf && e === i + 1 && b[i] === CR);
        if (!visit(base + i, empty)) return false;
        if (empty) {
          i = e + 1;
          continue;
        }
        this.inRecord = true;
        if (b[i] === QUOTE) {
          this.inQuotes = true;
          i++;
          continue;
        }
      }
      const e = lineEnd(i);
      const q = nextQuote(i);
      if (q < 0 || q >= e) {
        this.inRecord = false;
        i = e + 1;
      } else {
        // A quote opens a quoted field only right after a delimiter (a record's first byte was handled above).
        if (b[q - 1] === this.delimiter) this.inQuotes = true;
        i = q + 1;
      }
    }
    return true;
  }
}

/** The file from `from` to `to` in pieces that each end with a line break (the last one: at `to`). */
async function* wholeLines(fh: FileHandle, from: number, to: number, t: number): AsyncGenerator<{ b: Buffer; base: number }> {
  let carry = Buffer.alloc(0);
  for (let pos = from; pos < to; ) {
    const buf = Buffer.allocUnsafe(Math.min(CHUNK, to - pos));
    const { bytesRead } = await fh.read(buf, 0, buf.length, pos);
    if (bytesRead === 0) break;
    const data = carry.length ? Buffer.concat([carry, buf.subarray(0, bytesRead)]) : buf.subarray(0, bytesRead);
    const base = pos - carry.length;
    pos += bytesRead;
    const cut = pos >= to ? data.length : data.lastIndexOf(t) + 1;
    if (cut > 0) yield { b: data.subarray(0, cut), base };
    carry = data.subarray(cut);
    if (carry.length > MAX_LINE) throw new SourceError('文件不是文本表格：连续 64 MB 没有换行。');
  }
}

/** Where the file's content ends: before the line breaks (and empty lines) it ends with. */
async function contentEnd(fh: FileHandle, size: number, floor: number): Promise<number> {
  const buf = Buffer.allocUnsafe(64 << 10);
  let end = size;
  while (end > floor) {
    const start = Math.max(floor, end - buf.length);
    const { bytesRead } = await fh.read(buf, 0, end - start, start);
    let k = bytesRead;
    while (k > 0 && (buf[k - 1] === LF || buf[k - 1] === CR)) k--;
    if (k > 0) return start + k;
    end = start;
  }
  return floor;
}

/** Whether `pattern` occurs in the file between `from` and `to`. */
async function occurs(fh: FileHandle, from: number, to: number, pattern: Buffer): Promise<boolean> {
  const buf = Buffer.allocUnsafe(CHUNK);
  for (let pos = from; pos < to; ) {
    const { bytesRead } = await fh.read(buf, 0, Math.min(buf.length, to - pos), pos);
    if (bytesRead === 0) return false;
    if (buf.subarray(0, bytesRead).indexOf(pattern) >= 0) return true;
    if (pos + bytesRead >= to) return false;
    pos += Math.max(1, bytesRead - pattern.length + 1);
  }
  return false;
}

/** Offsets of the empty lines between the first data record and the end of the content, in file order. */
async function emptyDataLines(fh: FileHandle, info: SourceInfo, size: number): Promise<number[]> {
  if (!info.newLine) return [];
  const style = STYLES[info.newLine];
  const delimiter = info.delimiter.charCodeAt(0);

  // The first data record: past skipLines records, counted as read_csv's skip counts them.
  let dataStart = size;
  let seen = 0;
  const skipper = new RecordWalker(style, delimiter);
  for await (const { b, base } of wholeLines(fh, 0, size, style.t)) {
    const done = !skipper.walk(b, base, (offset) => {
      if (seen++ < info.skipLines) return true;
      dataStart = offset;
      return false;
    });
    if (done) break;
  }
  // Empty lines at the very end stand before no record: DuckDB may drop them.
  const end = await contentEnd(fh, size, dataStart);
  if (!(await occurs(fh, Math.max(0, dataStart - 1), end, style.empty))) return [];

  const offsets: number[] = [];
  const walker = new RecordWalker(style, delimiter);
  for await (const { b, base } of wholeLines(fh, dataStart, end, style.t)) {
    walker.walk(b, base, (offset, empty) => {
      if (empty) offsets.push(offset);
      return true;
    });
  }
  return offsets;
}

/** Copies the file to a new one, writing `fill` before each of `offsets` (ascending); returns the new file. */
async function copyWithFill(fh: FileHandle, size: number, offsets: number[], fill: Buffer): Promise<string> {
  const dest = tempPath('.csv');
  const out = await open(dest, 'wx', PRIVATE_FILE_MODE);
  try {
    const buf = Buffer.allocUnsafe(CHUNK);
    let k = 0;
    for (let pos = 0; pos < size; ) {
      const { bytesRead } = await fh.read(buf, 0, Math.min(buf.length, size - pos), pos);
      if (bytesRead === 0) break;
      const parts: Buffer[] = [];
      let from = 0;
      for (; k < offsets.length && offsets[k] < pos + bytesRead; k++) {
        parts.push(buf.subarray(from, offsets[k] - pos), fill);
        from = offsets[k] - pos;
      }
      parts.push(buf.subarray(from, bytesRead));
      await writeAll(out, parts.length === 1 ? parts[0] : Buffer.concat(parts));
      pos += bytesRead;
    }
    await out.close();
    return dest;
  } catch (e) {
    await out.close().catch(() => {});
    await unlink(dest).catch(() => {});
    throw e;
  }
}

/**
 * Makes DuckDB see every empty line of the data records as a blank record (see the top of this file): when there is
 * one, info.dataCsvPath becomes a copy with delimiters on those lines (skipLines stays right: the lines above the data
 * are copied as they are), and a transcoded file it replaces is deleted. Resolves true when it made such a copy.
 */
export async function blankEmptyLines(info: SourceInfo): Promise<boolean> {
  const fh = await open(info.dataCsvPath, 'r');
  let copy: string;
  try {
    const size = (await fh.stat()).size;
    const offsets = await emptyDataLines(fh, info, size);
    if (offsets.length === 0) return false;
    copy = await copyWithFill(fh, size, offsets, Buffer.from(info.delimiter.repeat(Math.max(1, info.headers.length - 1))));
  } finally {
    await fh.close();
  }
  const replaced = info.dataCsvPath;
  info.dataCsvPath = copy;
  if (info.tempFiles.includes(replaced)) {
    info.tempFiles = info.tempFiles.filter((f) => f !== replaced);
    await unlink(replaced).catch(() => {});
  }
  info.tempFiles.push(copy);
  return true;
}
