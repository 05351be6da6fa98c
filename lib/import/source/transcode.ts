import { randomUUID } from 'node:crypto';
import { lstatSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { open, unlink, type FileHandle } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { SourceError } from './errors';

const CHUNK = 4 << 20;

let privateDir: string | null = null;

const TEMP_PREFIX = 'fund-monitor-tmp-';
/** A private temp folder younger than this is never swept: its process may live in another pid namespace. */
const STALE_TEMP_MS = 60 * 60 * 1000;

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * Removes the private temp folders (`fund-monitor-tmp-<pid>-…` in `parent`) of processes that ended without their
 * exit handler (killed: a test run's workers, a server stopped with SIGKILL), once an hour old. Only folders of this
 * user, never a symlink.
 */
export function sweepStaleTempDirs(parent: string, now = Date.now()): void {
  const uid = process.getuid?.();
  let names: string[] = [];
  try {
    names = readdirSync(parent);
  } catch {
    return;
  }
  for (const name of names) {
    const pid = Number(/^fund-monitor-tmp-(\d+)-/.exec(name)?.[1]);
    if (!pid || pid === process.pid || alive(pid)) continue;
    const dir = path.join(parent, name);
    try {
      const info = lstatSync(dir);
      if (!info.isDirectory() || (uid !== undefined && info.uid !== uid) || info.mtimeMs + STALE_TEMP_MS > now) continue;
      rmSync(dir, { recursive: true, force: true });
    } catch {
      // Gone already, or not ours to read.
    }
  }
}

/**
 * This process's private folder for the temporary files of source reading (transcoded CSVs, converted sheets): made
 * by mkdtemp (0700) in the system temp folder on first use and removed when the process exits (or, if it is killed,
 * by a later process's sweep), so no other local user can read the county's data in them (docs/import-limits.md). The
 * workbook thread is handed its parent's (usePrivateTempDir), so what it writes is the parent's to read and delete.
 */
export function privateTempDir(): string {
  if (!privateDir) {
    sweepStaleTempDirs(os.tmpdir());
    const dir = mkdtempSync(path.join(os.tmpdir(), `${TEMP_PREFIX}${process.pid}-`));
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    privateDir = dir;
  }
  return privateDir;
}

/** Makes this thread write its temporary files into `dir` (a folder privateTempDir made in the parent thread). */
export function usePrivateTempDir(dir: string): void {
  privateDir = dir;
}

/** A fresh path in the private temp folder for a file this module writes (open it with PRIVATE_FILE_MODE). */
export function tempPath(suffix: string): string {
  return path.join(privateTempDir(), `source-${randomUUID()}${suffix}`);
}

/** Temporary and raw files hold the county's data: readable by the server's user only. */
export const PRIVATE_FILE_MODE = 0o600;

/** Writes all of `buf` (a single write may be partial). */
export async function writeAll(fh: FileHandle, buf: Uint8Array): Promise<void> {
  let off = 0;
  while (off < buf.length) off += (await fh.write(buf, off, buf.length - off)).bytesWritten;
}

/** Turns chunks of some encoding into UTF-8 chunks; a character cut between chunks is carried over. */
export interface Utf8Converter {
  push(chunk: Uint8Array): Uint8Array;
  end(): Uint8Array;
}

/** Any encoding TextDecoder knows, through a JS string. */
export function decoderConverter(label: string): Utf8Converter {
  const decoder = new TextDecoder(label);
  return {
    push: (chunk) => Buffer.from(decoder.decode(chunk, { stream: true }), 'utf8'),
    end: () => Buffer.from(decoder.decode(), 'utf8'),
  };
}

/** Pending bytes past which no byte < 0x30 came: not text any more (a CSV has line breaks and delimiters). */
const MAX_PENDING = 64 << 20;

/**
 * GB18030 through TextDecoder, decoding only whole segments that end in a byte below 0x30 (a line break, comma, space
 * …). Such a byte is never part of a multi-byte sequence and always leaves the decoder in its initial state, so
 * decoding segment by segment gives exactly what decoding the whole file at once gives. Node's streaming gb18030
 * decoder ({stream: true}) is not used: it throws "The encoded data was not valid for encoding gb18030" when a broken
 * four-byte sequence spans two chunks (e.g. 81 30 | 20), even without {fatal: true}.
 */
export function gb18030SegmentConverter(): Utf8Converter {
  const decoder = new TextDecoder('gb18030');
  let pending: Uint8Array = new Uint8Array(0);
  return {
    push(chunk) {
      const data = pending.length ? Buffer.concat([pending, chunk]) : chunk;
      let j = data.length - 1;
      while (j >= 0 && data[j] >= 0x30) j--;
      // A copy: `chunk` is a read buffer that is filled again.
      pending = Uint8Array.from(data.subarray(j + 1));
      if (pending.length > MAX_PENDING) throw new SourceError('文件不是文本表格：连续 64 MB 没有换行或分隔符。');
      if (j < 0) return new Uint8Array(0);
      return Buffer.from(decoder.decode(data.subarray(0, j + 1)), 'utf8');
    },
    end() {
      const rest = pending;
      pending = new Uint8Array(0);
      return rest.length ? Buffer.from(decoder.decode(rest), 'utf8') : new Uint8Array(0);
    },
  };
}

let gbkTable: Uint32Array | null = null;

/**
 * The UTF-8 bytes of every two-byte GBK character, from TextDecoder('gb18030') itself: index (lead << 8 | trail),
 * value (length << 24 | b0 << 16 | b1 << 8 | b2), 0 where the pair is not a character. Built once (~20 ms).
 */
function buildGbkTable(): Uint32Array {
  const table = new Uint32Array(65536);
  const pair = new Uint8Array(2);
  const decoder = new TextDecoder('gb18030', { fatal: true });
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    pair[0] = lead;
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      pair[1] = trail;
      let ch: string;
      try {
        ch = decoder.decode(pair);
      } catch {
        continue;
      }
      if (ch.length !== 1) continue;
      const c = ch.charCodeAt(0);
      if (c < 0x80 || (c >= 0xd800 && c <= 0xdfff)) continue;
      table[(lead << 8) | trail] =
        c < 0x800
          ? (2 << 24) | ((0xc0 | (c >> 6)) << 16) | ((0x80 | (c & 0x3f)) << 8)
          : (3 << 24) | ((0xe0 | (c >> 12)) << 16) | ((0x80 | ((c >> 6) & 0x3f)) << 8) | (0x80 | (c & 0x3f));
    }
  }
  return table;
}

/**
 * GB18030 to UTF-8 without building JS strings: ASCII and two-byte GBK characters go through a table taken from
 * TextDecoder('gb18030'); from the first byte sequence the table does not cover (a four-byte GB18030 character, 0x80,
 * an invalid byte) to the end of the file, gb18030SegmentConverter does the work. The output is the same bytes as
 * TextDecoder('gb18030').decode(whole file), about 1.3× faster on GBK text.
 */
export function gb18030Converter(outputSize = CHUNK): Utf8Converter {
  const table = (gbkTable ??= buildGbkTable());
  let fallback: Utf8Converter | null = null;
  let carry = -1;
  // Two output buffers used in turn: a chunk's output is written while the next chunk is converted.
  const outs = [Buffer.allocUnsafe(Math.ceil(outputSize * 1.5) + 8), Buffer.allocUnsafe(Math.ceil(outputSize * 1.5) + 8)];
  let which = 0;

  const switchToDecoder = (out: Buffer, o: number, rest: Uint8Array): Uint8Array => {
    fallback = gb18030SegmentConverter();
    const tail = fallback.push(rest);
    return Buffer.concat([out.subarray(0, o), tail]);
  };

  return {
    push(chunk) {
      if (fallback) return fallback.push(chunk);
      let out = outs[which];
      if (out.length < chunk.length * 1.5 + 8) out = outs[which] = Buffer.allocUnsafe(Math.ceil(chunk.length * 1.5) + 8);
      which ^= 1;
      const n = chunk.length;
      let o = 0;
      let i = 0;
      if (carry >= 0) {
        const lead = carry;
        carry = -1;
        if (n === 0) return out.subarray(0, 0);
        const v = table[(lead << 8) | chunk[0]];
        if (v === 0) return switchToDecoder(out, 0, Buffer.concat([Uint8Array.of(lead), chunk]));
        out[o++] = (v >>> 16) & 0xff;
        out[o++] = (v >>> 8) & 0xff;
        if (v >>> 24 === 3) out[o++] = v & 0xff;
        i = 1;
      }
      while (i < n) {
        const b = chunk[i];
        if (b < 0x80) {
          out[o++] = b;
          i++;
          continue;
        }
        if (i + 1 === n) {
          if (b >= 0x81 && b <= 0xfe) carry = b;
          else return switchToDecoder(out, o, chunk.subarray(i));
          break;
        }
        const v = table[(b << 8) | chunk[i + 1]];
        if (v === 0) return switchToDecoder(out, o, chunk.subarray(i));
        out[o++] = (v >>> 16) & 0xff;
        out[o++] = (v >>> 8) & 0xff;
        if (v >>> 24 === 3) out[o++] = v & 0xff;
        i += 2;
      }
      return out.subarray(0, o);
    },
    end() {
      if (fallback) return fallback.end();
      if (carry >= 0) {
        // A lead byte at the very end: whatever TextDecoder makes of it.
        return Buffer.from(new TextDecoder('gb18030').decode(Uint8Array.of(carry)), 'utf8');
      }
      return new Uint8Array(0);
    },
  };
}

/**
 * Streams `src` through a converter for `label` (gb18030, utf-16le, utf-16be) into a new UTF-8 file `dest`. Memory
 * stays at a few 4 MB chunks whatever the file size; reading the next chunk and writing the previous one overlap with
 * converting. A BOM is dropped by the decoder. Removes `dest` when it fails.
 */
export async function transcodeToUtf8(src: string, label: string, dest: string, chunkSize = CHUNK): Promise<void> {
  const converter = label === 'gb18030' ? gb18030Converter(chunkSize) : decoderConverter(label);
  const input = await open(src, 'r');
  let output: FileHandle;
  try {
    output = await open(dest, 'wx', PRIVATE_FILE_MODE);
  } catch (e) {
    await input.close();
    throw e;
  }
  let reading: Promise<unknown> | undefined;
  try {
    const buffers = [Buffer.allocUnsafe(chunkSize), Buffer.allocUnsafe(chunkSize)];
    let which = 0;
    let pos = 0;
    let next = input.read(buffers[which], 0, chunkSize, pos);
    reading = next;
    let writing: Promise<void> = Promise.resolve();
    for (;;) {
      const { bytesRead } = await next;
      if (bytesRead === 0) break;
      const current = buffers[which];
      pos += bytesRead;
      which ^= 1;
      // The other buffer is free: it was converted (synchronously) in the previous round.
      next = input.read(buffers[which], 0, chunkSize, pos);
      reading = next;
      const converted = converter.push(current.subarray(0, bytesRead));
      await writing;
      writing = writeAll(output, converted);
    }
    await writing;
    const rest = converter.end();
    if (rest.length) await writeAll(output, rest);
    await output.close();
  } catch (e) {
    await reading?.catch(() => {});
    await output.close().catch(() => {});
    await unlink(dest).catch(() => {});
    throw e;
  } finally {
    await input.close();
  }
}
