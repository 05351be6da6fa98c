import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdtempSync } from 'node:fs';
import { chmod, lstat, mkdir, readdir, rm, rmdir, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { cleanupSource } from '@/lib/import/source';
import type { ImportKind, SourceInfo } from '@/lib/import/types';
import { quotaExceeded, tooManyUploads, uploadQuotas, type UploadQuotas } from './upload-quotas';

/** An upload waits this long for its import; then its temporary file is deleted. */
export const UPLOAD_TTL_MS = 60 * 60 * 1000;

export class UploadTooLarge extends Error {
  constructor(readonly bytes: number) {
    super('upload too large');
    this.name = 'UploadTooLarge';
  }
}

/**
 * Streams a request body into `dest` (created 0600: only the server's user may read an upload), counting bytes: past
 * `limit` the stream is cut, the partial file deleted and UploadTooLarge thrown (a client may send no Content-Length,
 * or a wrong one). `charge`, called with each chunk's size before it is written, may throw to refuse the rest (the
 * quotas). Returns the size written.
 */
export async function streamToFile(
  body: ReadableStream<Uint8Array> | null, dest: string, limit: number, charge: (bytes: number) => void = () => {},
): Promise<number> {
  let size = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      size += chunk.length;
      if (size > limit) return done(new UploadTooLarge(size));
      try {
        charge(chunk.length);
      } catch (error) {
        return done(error as Error);
      }
      done(null, chunk);
    },
  });
  try {
    const source = body ? Readable.fromWeb(body as unknown as WebReadableStream<Uint8Array>) : Readable.from([]);
    await pipeline(source, counter, createWriteStream(dest, { flags: 'wx', mode: 0o600 }));
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

/** Bytes and count of the uploads streaming now, per user. */
interface Streaming {
  count: number;
  bytes: number;
}

/**
 * Uploaded files waiting for their import: a token (random, unguessable) → the temporary file, its owner and expiry.
 * Kept in memory on the server; a restart forgets the tokens and the next start sweeps the orphaned files. The
 * folder is private (0700, files 0600). The bytes pending uploads hold and the uploads streaming at once are capped
 * per user and in all (UploadQuotas; docs/import-limits.md).
 */
export class UploadStore {
  private readonly entries = new Map<string, Upload>();
  private readonly streaming = new Map<string, Streaming>();
  private swept = false;
  private madePrivate = false;

  constructor(
    readonly dir: string,
    readonly ttlMs = UPLOAD_TTL_MS,
    private readonly now: () => number = Date.now,
    readonly quotas: UploadQuotas = uploadQuotas(),
  ) {}

  /** Bytes held by `user`'s pending and streaming uploads, or everyone's (user undefined). */
  held(user?: string): number {
    let bytes = 0;
    for (const u of this.entries.values()) if (user === undefined || u.user === user) bytes += u.size;
    for (const [who, s] of this.streaming) if (user === undefined || who === user) bytes += s.bytes;
    return bytes;
  }

  private streamingCount(user?: string): number {
    let n = 0;
    for (const [who, s] of this.streaming) if (user === undefined || who === user) n += s.count;
    return n;
  }

  /**
   * Streams the body into a new temporary file under `dir`; throws UploadTooLarge past `limit` bytes, UploadRefused
   * (429) when the user or the server already streams as many uploads as allowed, and UploadRefused (413) when the
   * bytes held would pass the user's or the total quota (checked before and while streaming).
   */
  async create(user: string, fileName: string, body: ReadableStream<Uint8Array> | null, limit: number): Promise<Upload> {
    const q = this.quotas;
    const mine = this.streamingCount(user);
    if (mine >= q.perUser) throw tooManyUploads(true, mine);
    if (this.streamingCount() >= q.total) throw tooManyUploads(false, this.streamingCount());
    const s = this.streaming.get(user) ?? { count: 0, bytes: 0 };
    s.count++;
    this.streaming.set(user, s);
    let bytes = 0;
    const charge = (n: number) => {
      if (this.held(user) + n > q.userBytes) throw quotaExceeded(true, q.userBytes);
      if (this.held() + n > q.totalBytes) throw quotaExceeded(false, q.totalBytes);
      bytes += n;
      s.bytes += n;
    };
    try {
      charge(0);
      await this.sweep();
      await mkdir(this.dir, { recursive: true, mode: 0o700 });
      if (!this.madePrivate) {
        // A configured folder may exist already, readable by others: uploads are the county's payment data.
        await chmod(this.dir, 0o700);
        this.madePrivate = true;
      }
      const token = randomBytes(24).toString('hex');
      const file = path.join(this.dir, `${token}${extensionOf(fileName)}`);
      const size = await streamToFile(body, file, limit, charge);
      const createdAt = this.now();
      const upload: Upload = { token, user, fileName, path: file, size, createdAt, expiresAt: createdAt + this.ttlMs, busy: false };
      this.entries.set(token, upload);
      return upload;
    } finally {
      s.count--;
      s.bytes -= bytes;
      if (s.count === 0) this.streaming.delete(user);
    }
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

/** Name prefix of the server's private upload folders in the system temp folder. */
export const UPLOAD_DIR_PREFIX = 'fund-monitor-uploads-';

/**
 * Removes what earlier servers left in their private upload folders (they end without a sweep when killed): files
 * past the expiry, then the folder itself once empty and as old. Only folders of this user, never a symlink; a live
 * server whose folder went recreates it on its next upload.
 */
export async function sweepStaleUploadDirs(parent: string, own: string, ttlMs = UPLOAD_TTL_MS, now = Date.now()): Promise<void> {
  const uid = process.getuid?.();
  for (const name of await readdir(parent).catch(() => [] as string[])) {
    const dir = path.join(parent, name);
    if (!name.startsWith(UPLOAD_DIR_PREFIX) || dir === own) continue;
    const info = await lstat(dir).catch(() => null);
    if (!info?.isDirectory() || (uid !== undefined && info.uid !== uid)) continue;
    for (const file of await readdir(dir).catch(() => [] as string[])) {
      const f = await lstat(path.join(dir, file)).catch(() => null);
      if (f?.isFile() && f.mtimeMs + ttlMs <= now) await rm(path.join(dir, file), { force: true });
    }
    if (info.mtimeMs + ttlMs <= now) await rmdir(dir).catch(() => undefined);
  }
}

/**
 * The server's one store, on globalThis: every route handler bundle shares it. Files go to $FUND_MONITOR_UPLOAD_DIR
 * (made private, 0700, by the first upload), else to a private folder of this process in the system temp folder (mkdtemp: 0700), never to
 * a fixed shared path another local user could read or pre-create.
 */
export function uploads(): UploadStore {
  if (!holder.__fundMonitorUploads) {
    const configured = process.env.FUND_MONITOR_UPLOAD_DIR;
    const dir = configured ?? mkdtempSync(path.join(os.tmpdir(), UPLOAD_DIR_PREFIX));
    if (!configured) void sweepStaleUploadDirs(os.tmpdir(), dir).catch(() => undefined);
    holder.__fundMonitorUploads = new UploadStore(dir);
    const timer = setInterval(() => void holder.__fundMonitorUploads?.sweep().catch(() => undefined), 10 * 60 * 1000);
    timer.unref();
  }
  return holder.__fundMonitorUploads;
}
