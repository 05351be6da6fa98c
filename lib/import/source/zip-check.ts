import { createReadStream } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { createInflateRaw, inflateRawSync, constants } from 'node:zlib';
import { SourceError } from './errors';
import { MAX_SHARED_STRINGS, MAX_XLSX_UNCOMPRESSED, xlsxTooBig } from './limits';

/** One file of a zip as its central directory declares it. */
export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
/** The end record is 22 bytes plus a comment of up to 65,535. */
const TAIL = 22 + 0xffff;

async function readAt(fh: FileHandle, position: number, length: number): Promise<Buffer> {
  const buf = Buffer.alloc(length);
  let got = 0;
  while (got < length) {
    const { bytesRead } = await fh.read(buf, got, length - got, position + got);
    if (bytesRead === 0) break;
    got += bytesRead;
  }
  return buf.subarray(0, got);
}

/** Reads 64-bit sizes from a ZIP64 extra field for the 32-bit fields that hold 0xFFFFFFFF. */
function zip64Sizes(extra: Buffer, e: ZipEntry): void {
  for (let p = 0; p + 4 <= extra.length; ) {
    const id = extra.readUInt16LE(p);
    const size = extra.readUInt16LE(p + 2);
    if (id === 0x0001) {
      let q = p + 4;
      const next = () => (q + 8 <= p + 4 + size ? Number((q += 8, extra.readBigUInt64LE(q - 8))) : null);
      if (e.uncompressedSize === 0xffffffff) e.uncompressedSize = next() ?? e.uncompressedSize;
      if (e.compressedSize === 0xffffffff) e.compressedSize = next() ?? e.compressedSize;
      if (e.localHeaderOffset === 0xffffffff) e.localHeaderOffset = next() ?? e.localHeaderOffset;
      return;
    }
    p += 4 + size;
  }
}

/** The entries of a zip's central directory (read from the end of the file, nothing inflated). */
export async function zipEntries(fh: FileHandle, fileSize: number, fileName: string): Promise<ZipEntry[]> {
  const broken = () => new SourceError(`无法读取 Excel 文件“${fileName}”（压缩包目录损坏）。文件可能已损坏，请在 Excel 中打开后重新另存为 .xlsx 再导入。`);
  const tailStart = Math.max(0, fileSize - TAIL);
  const tail = await readAt(fh, tailStart, fileSize - tailStart);
  let at = -1;
  for (let i = tail.length - 22; i >= 0; i--) if (tail.readUInt32LE(i) === EOCD) { at = i; break; }
  if (at < 0) throw broken();
  let count = tail.readUInt16LE(at + 10);
  let cdSize = tail.readUInt32LE(at + 12);
  let cdOffset = tail.readUInt32LE(at + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    // ZIP64: the locator (20 bytes before the end record) points at the ZIP64 end record.
    if (at < 20 || tail.readUInt32LE(at - 20) !== 0x07064b50) throw broken();
    const rec = await readAt(fh, Number(tail.readBigUInt64LE(at - 12)), 56);
    if (rec.length < 56 || rec.readUInt32LE(0) !== 0x06064b50) throw broken();
    count = Number(rec.readBigUInt64LE(32));
    cdSize = Number(rec.readBigUInt64LE(40));
    cdOffset = Number(rec.readBigUInt64LE(48));
  }
  if (cdOffset + cdSize > fileSize || count > 100_000) throw broken();
  const cd = await readAt(fh, cdOffset, cdSize);
  const entries: ZipEntry[] = [];
  for (let p = 0; entries.length < count; ) {
    if (p + 46 > cd.length || cd.readUInt32LE(p) !== CENTRAL) throw broken();
    const nameLength = cd.readUInt16LE(p + 28);
    const extraLength = cd.readUInt16LE(p + 30);
    const commentLength = cd.readUInt16LE(p + 32);
    const e: ZipEntry = {
      name: cd.toString('utf8', p + 46, p + 46 + nameLength),
      method: cd.readUInt16LE(p + 10),
      compressedSize: cd.readUInt32LE(p + 20),
      uncompressedSize: cd.readUInt32LE(p + 24),
      localHeaderOffset: cd.readUInt32LE(p + 42),
    };
    zip64Sizes(cd.subarray(p + 46 + nameLength, p + 46 + nameLength + extraLength), e);
    entries.push(e);
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Where an entry's data start: after its local header, whose name and extra field may differ from the directory's. */
async function dataStart(fh: FileHandle, e: ZipEntry): Promise<number | null> {
  const local = await readAt(fh, e.localHeaderOffset, 30);
  if (local.length < 30 || local.readUInt32LE(0) !== LOCAL) return null;
  return e.localHeaderOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
}

/** An entry's bytes, inflated, as a stream (stored and deflated entries; anything else is refused). */
export async function entryStream(fh: FileHandle, filePath: string, e: ZipEntry, fileName: string): Promise<Readable> {
  const start = await dataStart(fh, e);
  if (start === null || (e.method !== 0 && e.method !== 8)) {
    throw new SourceError(`无法读取 Excel 文件“${fileName}”（${e.name} 损坏或使用了不支持的压缩方式）。请在 Excel 中打开后重新另存为 .xlsx 再导入。`);
  }
  const raw = createReadStream(filePath, { start, end: start + e.compressedSize - 1 });
  if (e.method === 0) return raw;
  const inflate = createInflateRaw();
  raw.on('error', (error) => inflate.destroy(error));
  return raw.pipe(inflate);
}

/** The first bytes of an entry, inflated (at most `want`; a deflate stream cut short is fine). */
async function entryHead(fh: FileHandle, e: ZipEntry, want: number): Promise<string> {
  const start = await dataStart(fh, e);
  if (start === null) return '';
  const raw = await readAt(fh, start, Math.min(e.compressedSize, want));
  if (e.method === 0) return raw.toString('utf8');
  if (e.method !== 8) return '';
  try {
    return inflateRawSync(raw, { finishFlush: constants.Z_SYNC_FLUSH, maxOutputLength: want }).toString('utf8');
  } catch {
    return '';
  }
}

/**
 * Checks a workbook before any of it is parsed (docs/import-limits.md): the uncompressed size its central directory
 * declares for the parts the reader inflates, and the shared-string count its sharedStrings part declares
 * (count / uniqueCount of <sst>). A file that lies about sizes is caught while it is read (xlsx.ts counts bytes).
 * Returns the entries, from which xlsx.ts opens the parts it reads.
 */
export async function checkXlsxPackage(fh: FileHandle, fileName: string): Promise<ZipEntry[]> {
  const entries = await zipEntries(fh, (await fh.stat()).size, fileName);
  const total = entries.reduce((n, e) => n + e.uncompressedSize, 0);
  if (total > MAX_XLSX_UNCOMPRESSED) throw xlsxTooBig(fileName, total);
  const sst = entries.find((e) => e.name === 'xl/sharedStrings.xml');
  if (!sst) return entries;
  const tag = /<(?:\w+:)?sst\b[^>]*>/.exec(await entryHead(fh, sst, 4096))?.[0] ?? '';
  // uniqueCount is what the reader keeps in memory; count (every use) stands in when a writer leaves it out.
  const declared = Number(/\buniqueCount="(\d+)"/.exec(tag)?.[1] ?? /\bcount="(\d+)"/.exec(tag)?.[1] ?? 0);
  if (declared > MAX_SHARED_STRINGS) {
    throw new SourceError(`工作簿“${fileName}”声明了 ${declared.toLocaleString('en-US')} 个共享字符串，超过上限 ${MAX_SHARED_STRINGS.toLocaleString('en-US')}，不能导入。请拆分文件，或另存为 CSV 后再导入。`);
  }
  return entries;
}
