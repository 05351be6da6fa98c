import { open } from 'node:fs/promises';
import { isAscii } from 'node:buffer';
import { HEAD_BYTES } from './detect';
import { SourceError } from './errors';

/** Encodings a CSV source can have; all but the UTF-8 ones are transcoded to a temporary UTF-8 file. */
export type CsvEncoding = 'utf-8' | 'utf-8-bom' | 'gb18030' | 'utf-16le' | 'utf-16be';

export const needsTranscoding = (e: CsvEncoding) => e !== 'utf-8' && e !== 'utf-8-bom';

/** The WHATWG label TextDecoder takes for an encoding. */
export const decoderLabel = (e: CsvEncoding) => (e === 'utf-8-bom' ? 'utf-8' : e);

/** Length of the byte order mark that starts `head` for `encoding` (0 when none). */
export function bomLength(head: Buffer, encoding: CsvEncoding): number {
  if ((encoding === 'utf-8' || encoding === 'utf-8-bom') && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 3;
  if (encoding === 'utf-16le' && head[0] === 0xff && head[1] === 0xfe) return 2;
  if (encoding === 'utf-16be' && head[0] === 0xfe && head[1] === 0xff) return 2;
  return 0;
}

/**
 * Whether `bytes` is valid UTF-8. `more` says the file goes on after these bytes, so a character cut at the end of the
 * window is not an error (the streaming decoder keeps an incomplete sequence back instead of failing on it).
 */
export function isValidUtf8(bytes: Uint8Array, more: boolean): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: more });
    return true;
  } catch {
    return false;
  }
}

/**
 * The encoding of a CSV file from its first bytes: a BOM decides; otherwise the first MB (or, when that is plain ASCII,
 * the first MB from the first non-ASCII byte) is either valid UTF-8 or taken as GB18030, of which GBK is a subset.
 */
export async function detectEncoding(filePath: string, head: Buffer, size: number): Promise<CsvEncoding> {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8-bom';
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  if (!isAscii(head)) return isValidUtf8(head, head.length < size) ? 'utf-8' : 'gb18030';
  if (head.length >= size) return 'utf-8';
  // An ASCII-only first MB says nothing: look for the first non-ASCII byte further on and judge the window from there.
  const fh = await open(filePath, 'r');
  try {
    const buf = Buffer.alloc(HEAD_BYTES);
    for (let pos = head.length; pos < size; ) {
      const { bytesRead } = await fh.read(buf, 0, buf.length, pos);
      if (bytesRead === 0) break;
      const chunk = buf.subarray(0, bytesRead);
      if (!isAscii(chunk)) {
        const first = chunk.findIndex((b) => b >= 0x80);
        const { bytesRead: n } = await fh.read(buf, 0, buf.length, pos + first);
        return isValidUtf8(buf.subarray(0, n), pos + first + n < size) ? 'utf-8' : 'gb18030';
      }
      pos += bytesRead;
    }
    return 'utf-8';
  } finally {
    await fh.close();
  }
}

/** The head decoded to text, without BOM. A character cut at the end of the head (when the file goes on) is dropped. */
export function decodeHead(head: Buffer, encoding: CsvEncoding, whole: boolean): string {
  const bytes = head.subarray(bomLength(head, encoding));
  return new TextDecoder(decoderLabel(encoding)).decode(bytes, { stream: !whole }).replace(/^\uFEFF/, '');
}

/** Rejects text that is not a table: NUL bytes, control characters, undecodable bytes. */
export function assertText(text: string, fileName: string, encoding: CsvEncoding): void {
  if (text.trim() === '') throw new SourceError(`文件“${fileName}”没有内容（只有空白）。`);
  let bad = 0;
  let nul = 0;
  const n = Math.min(text.length, 200_000);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) nul++;
    else if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0x7f || c === 0xfffd) bad++;
  }
  if (nul > 0 || bad > Math.max(2, n * 0.01)) {
    const hint = encoding.startsWith('utf-16') ? '' : '如果是 Excel 另存的“Unicode 文本”，请改存为“CSV UTF-8（逗号分隔）”。';
    throw new SourceError(`文件“${fileName}”不是文本表格（含有大量二进制或无法识别的字符），无法按 CSV 读取。请导入 .xlsx 工作簿或 CSV 文件。${hint}`);
  }
}
