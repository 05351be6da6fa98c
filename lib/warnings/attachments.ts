import path from 'node:path';
import { storePrivateFile } from '@/lib/files/private-file';
import { rawDirFor } from '@/lib/import/raw-dir';
import { safeFileName } from '@/lib/import/load/raw-file';
import { attachmentTooBig } from './attachment-limit';

/**
 * The one file an 已整改 answer may carry (docs/workflow.md): at most 10 MB, of a kind a county office sends as proof
 * — PDF, JPEG, PNG, Word, Excel or a zip — recognised by its first bytes, not only by its name. Kept beside the raw
 * imports, private to the server's user like them (lib/import/load/raw-file.ts).
 */

/** What a 已整改 event records about its file (warning_events.attachment_*). */
export interface StoredAttachment {
  /** the original file name, made safe for any folder and header */
  name: string;
  size: number;
  sha256: string;
  /** absolute, as import_batches.raw_path: the server and the CLI may run from other working directories */
  path: string;
}

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);
const ZIP = [0x50, 0x4b, 0x03, 0x04];
/** Office files are zips whose central directory names their parts in plain text: Word's under word/, Excel's under xl/. */
const zipHolding = (part: string) => (bytes: Uint8Array) => startsWith(bytes, ZIP) && Buffer.from(bytes).includes(part, 0, 'latin1');

const KINDS: Record<string, { mime: string; is: (bytes: Uint8Array) => boolean }> = {
  '.pdf': { mime: 'application/pdf', is: (b) => startsWith(b, [0x25, 0x50, 0x44, 0x46, 0x2d]) }, // %PDF-
  '.jpg': { mime: 'image/jpeg', is: (b) => startsWith(b, [0xff, 0xd8, 0xff]) },
  '.jpeg': { mime: 'image/jpeg', is: (b) => startsWith(b, [0xff, 0xd8, 0xff]) },
  '.png': { mime: 'image/png', is: (b) => startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  '.docx': { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', is: zipHolding('word/') },
  '.xlsx': { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', is: zipHolding('xl/') },
  '.zip': { mime: 'application/zip', is: (b) => startsWith(b, ZIP) },
};

const extOf = (name: string) => path.extname(name).toLowerCase();

/** The content type a stored attachment is served with. */
export const attachmentMime = (name: string) => KINDS[extOf(name)]?.mime ?? 'application/octet-stream';

/** Why a file cannot be attached, in Chinese, or null. */
export function attachmentProblem(name: string, size: number, bytes: Uint8Array | null): string | null {
  const tooBig = attachmentTooBig(size);
  if (tooBig) return tooBig;
  if (size === 0) return '附件是空文件';
  const kind = KINDS[extOf(name)];
  if (!kind) return '附件只能是 PDF、JPG、PNG、Word(.docx)、Excel(.xlsx) 或 ZIP 文件';
  if (bytes && !kind.is(bytes)) return `附件“${safeFileName(name)}”的内容不是 ${extOf(name).slice(1).toUpperCase()} 文件`;
  return null;
}

/** The folder of 已整改 attachments: `attachments` inside the raw imports' folder, wherever that is. */
export const attachmentDirFor = (dbFile: string) => path.join(/*turbopackIgnore: true*/ rawDirFor(dbFile), 'attachments');

/** Writes the checked bytes as a private file named after the warning (lib/files/private-file.ts). */
export async function storeAttachment(dir: string, warningId: number, name: string, bytes: Uint8Array): Promise<StoredAttachment> {
  const problem = attachmentProblem(name, bytes.byteLength, bytes);
  if (problem) throw new Error(problem);
  const safe = safeFileName(name).slice(-120);
  const { sha256, path: file } = await storePrivateFile(dir, String(warningId), safe, bytes);
  return { name: safe, size: bytes.byteLength, sha256, path: file };
}
