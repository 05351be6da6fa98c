import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { cleanupSource } from '@/lib/import/source';
import type { ImportKind, SourceInfo } from '@/lib/import/types';

/** An upload waits this long for its import; then its temporary file is deleted. */
export const UPLOAD_TTL_MS = 60 * 60 * 1000;

export class UploadTooLarge extends Error {
  constructor(readonly bytes: number) {
    super('upload too large');
    this.name = 'UploadTooLarge';
  }
}

/**
 * Streams a request body into `dest`, counting bytes: past `limit` the stream is cut, the partial file deleted and
 * UploadTooLarge thrown (a client may send no Content-Length, or a wrong one). Returns the size written.
 */
export async function streamToFile(body: ReadableStream<Uint8Array> | null, dest: string, limit: number): Promise<number> {
  let size = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      size += chunk.length;
      if (size > limit) done(new UploadTooLarge(size));
      else done(null, chunk);
    },
  });
  try {
    const source = body ? Readable.fromWeb(body as unknown as WebReadableStream<Uint8Array>) : Readable.from([]);
    await pipeline(source, counter, createWriteStream(dest, { flags: 'wx' }));
    return size;
  } catch (error) {
    await rm(dest, { force: true });
    throw error;
  }
}

export interface Upload {
  token: string;
  /** The user who uploaded it: nobody else may preview or import it. */
  user: string;
  fileName: string;
  path: string;
  size: number;
  createdAt: number;
  expiresAt: number;
  /** An import of it is running (a second click must not start another). */
  busy: boolean;
  /**
   * The file as the mapping step last read it (a workbook's sheet as CSV, a GBK file transcoded), so that the import
   * reads it again only when the user chose another kind, sheet or encoding since. Its temporary files go with the
   * upload (remove) or with the next read (setRead).
   */
  read?: UploadRead;
}

export interface UploadRead {
  kind: ImportKind;
  /** The encoding the user forced, if any (the detected one is info.encoding). */
  encoding?: string;
  info: SourceInfo;
}

/** The upload's last read, if it was read as the import now asks: same kind, same forced encoding, same sheet. */
export function readFor(upload: Upload, kind: ImportKind, sheet: string | undefined, encoding: string | undefined): SourceInfo | undefined {
  const r = upload.read;
  if (!r || r.kind !== kind || r.encoding !== encoding) return undefined;
  return sheet === undefined || sheet === r.info.sheet ? r.info : undefined;
}

/** Keeps a new read of the upload, deleting the temporary files of the one before. */
export async function setRead(upload: Upload, read: UploadRead): Promise<void> {
  const before = upload.read;
  upload.read = read;
  if (before && before.info !== read.info) await cleanupSource(before.info);
}

/** A file's extension worth keeping on the temporary copy ('.csv', '.xlsx'); anything odd is dropped. */
function extensionOf(fileName: string): string {
  const ext = path.extname(fileName).toLowerCase();
  return /^\.[a-z0-9]{1,8}$/.test(ext) ? ext : '';
}

/**
 * Uploaded files waiting for their import: a token (random, unguessable) → the temporary file, its owner and expiry.
 * Kept in memory on the server; a restart forgets the tokens and the next start sweeps the orphaned files.
 */
export class UploadStore {
  private readonly entries = new Map<string, Upload>();
  private swept = false;

  constructor(readonly dir: string, readonly ttlMs = UPLOAD_TTL_MS, private readonly now: () => number = Date.now) {}

  /** Streams the body into a new temporary file under `dir`; throws UploadTooLarge past `limit` bytes. */
  async create(user: string, fileName: string, body: ReadableStream<Uint8Array> | null, limit: number): Promise<Upload> {
    await this.sweep();
    await mkdir(this.dir, { recursive: true });
    const token = randomBytes(24).toString('hex');
    const file = path.join(this.dir, `${token}${extensionOf(fileName)}`);
    const size = await streamToFile(body, file, limit);
    const createdAt = this.now();
    const upload: Upload = { token, user, fileName, path: file, size, createdAt, expiresAt: createdAt + this.ttlMs, busy: false };
    this.entries.set(token, upload);
    return upload;
  }

  /** The upload if it exists, has not expired and belongs to `user`; otherwise undefined (the route answers 404). */
  get(token: unknown, user: string): Upload | undefined {
    if (typeof token !== 'string') return undefined;
    const upload = this.entries.get(token);
    if (!upload) return undefined;
    if (upload.expiresAt <= this.now() && !upload.busy) return undefined; // sweep() deletes it
    return upload.user === user ? upload : undefined;
  }

  /** Forgets the token and deletes its file (and those of its last read). */
  async remove(token: string): Promise<void> {
    const upload = this.entries.get(token);
    this.entries.delete(token);
    if (!upload) return;
    await rm(upload.path, { force: true });
    if (upload.read) await cleanupSource(upload.read.info);
  }

  /** Deletes expired uploads, and (once per process) files older than the expiry left behind by an earlier server. */
  async sweep(): Promise<void> {
    const now = this.now();
    for (const [token, u] of this.entries) if (u.expiresAt <= now && !u.busy) await this.remove(token);
    if (this.swept) return;
    this.swept = true;
    const known = new Set([...this.entries.values()].map((u) => path.basename(u.path)));
    let names: string[] = [];
    try {
      names = await readdir(this.dir);
    } catch {
      return;
    }
    for (const name of names) {
      if (known.has(name)) continue;
      const file = path.join(this.dir, name);
      const info = await stat(file).catch(() => null);
      if (info?.isFile() && info.mtimeMs + this.ttlMs <= now) await rm(file, { force: true });
    }
  }

  get size(): number {
    return this.entries.size;
  }
}

const holder = globalThis as typeof globalThis & { __fundMonitorUploads?: UploadStore };

/**
 * The server's one store, on globalThis: every route handler bundle shares it. Files go to
 * $FUND_MONITOR_UPLOAD_DIR, default <os temp>/fund-monitor-uploads.
 */
export function uploads(): UploadStore {
  if (!holder.__fundMonitorUploads) {
    const dir = process.env.FUND_MONITOR_UPLOAD_DIR ?? path.join(os.tmpdir(), 'fund-monitor-uploads');
    holder.__fundMonitorUploads = new UploadStore(dir);
    const timer = setInterval(() => void holder.__fundMonitorUploads?.sweep().catch(() => undefined), 10 * 60 * 1000);
    timer.unref();
  }
  return holder.__fundMonitorUploads;
}
