import { chmod, mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { Worker } from 'node:worker_threads';

// Runs in a worker thread: copies the file and hashes it in one read, off the thread that transcodes GBK and talks
// to DuckDB. (Plain JavaScript evaluated by the worker, so it needs no TypeScript loader.) Synchronous reads and writes
// of 8 MB: about a third less CPU than a hashing stream beside a separate copy.
// While it has the bytes it also looks for an empty line (\n\n or \n\r\n; \r\r in a file of bare CRs) with content after
// it, so the importer pays for a closer look only when there may be one (source/empty-lines.ts). Line breaks are
// single bytes in UTF-8 and GB18030 alike.
// A file the server owns and never changes (an upload) is hard-linked instead of copied when both are on one file
// system: then the worker only reads it (an upload is 0600 already, and a link shares its mode).
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const { openSync, readSync, writeSync, closeSync, linkSync } = require('node:fs');
try {
  const hash = createHash('sha256');
  let linked = false;
  if (workerData.link) {
    try {
      linkSync(workerData.file, workerData.dest);
      linked = true;
    } catch (e) {
      // Another file system (EXDEV) or no hard links here: copy.
    }
  }
  const input = openSync(workerData.file, 'r');
  const output = linked ? null : openSync(workerData.dest, 'wx', 0o600);
  let patterns = null, firstEmpty = -1, lastContent = -1, pos = 0, tail = Buffer.alloc(0);
  try {
    const buf = Buffer.allocUnsafeSlow(8 << 20);
    for (let n; (n = readSync(input, buf, 0, buf.length, null)) > 0; pos += n) {
      const b = buf.subarray(0, n);
      hash.update(b);
      if (output !== null) for (let off = 0; off < n; ) off += writeSync(output, buf, off, n - off);
      if (!patterns && (b.indexOf(10) >= 0 || b.indexOf(13) >= 0)) {
        patterns = (b.indexOf(10) >= 0 ? ['\\n\\n', '\\n\\r\\n'] : ['\\r\\r']).map((p) => Buffer.from(p));
      }
      if (patterns && firstEmpty < 0) {
        // A pattern may straddle two reads: the last two bytes of the one before are looked at with this one.
        const edge = Buffer.concat([tail, b.subarray(0, 2)]);
        for (const p of patterns) {
          const e = edge.indexOf(p);
          const at = e >= 0 ? e - tail.length : b.indexOf(p);
          if ((e >= 0 || at >= 0) && (firstEmpty < 0 || pos + at < firstEmpty)) firstEmpty = pos + at;
        }
        tail = Buffer.from(b.subarray(Math.max(0, n - 2)));
      }
      let k = n - 1;
      while (k >= 0 && (b[k] === 10 || b[k] === 13)) k--;
      if (k >= 0) lastContent = pos + k;
    }
  } finally {
    closeSync(input);
    if (output !== null) closeSync(output);
  }
  parentPort.postMessage({ sha256: hash.digest('hex'), emptyLines: firstEmpty >= 0 && lastContent > firstEmpty });
} catch (e) {
  parentPort.postMessage({ error: String((e && e.message) || e) });
}
`;

interface Copied {
  sha256: string;
  /** Whether the file may hold an empty line before its last content (see WORKER). */
  emptyLines: boolean;
}

function copyAndHash(file: string, dest: string, link: boolean): Promise<Copied> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, { eval: true, workerData: { file, dest, link } });
    worker.once('message', (m: Copied | { error: string }) => {
      if ('sha256' in m) resolve(m);
      else reject(new Error(m.error));
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}

/** A file name safe in any folder: no directories, no characters Windows refuses. */
export function safeFileName(name: string): string {
  return path.basename(name.replace(/\\/g, '/')).replace(/[\u0000-\u001f<>:"/\\|?*]/g, '_') || 'file';
}

/** Name prefixes of raw copies no batch owns yet (raw-sweep.ts removes those an import left behind). */
export const PENDING_PREFIX = '.pending-';
export const COMMITTING_PREFIX = '.committing-';

/**
 * The raw file kept with its batch, so nothing is ever lost: copied to rawDir under a pending name while the import
 * reads it; `.committing-<final name>` once the batch id is known; `<batch_id>-<sha256 first 12>-<original name>` only
 * after the batch committed. So a file under a final name always has its batch, and whatever a killed import leaves
 * behind carries a prefix that says so.
 */
export class RawCopy {
  private final: string | null = null;

  private constructor(
    readonly sha256: string,
    /** The file may hold empty lines among its records (a hint: false is certain, true asks for a closer look). */
    readonly mayHaveEmptyLines: boolean,
    private current: string,
    private readonly rawDir: string,
    private readonly fileName: string,
  ) {}

  /** `owned`: the file is the server's own and never changes (an upload), so a hard link may serve as the copy. */
  static async start(file: string, rawDir: string, fileName: string, owned = false): Promise<RawCopy> {
    // The raw files are the county's payment data: the folder 0700 (also one made before this rule), copies 0600.
    await mkdir(rawDir, { recursive: true, mode: 0o700 });
    await chmod(rawDir, 0o700);
    const pending = path.join(rawDir, `${PENDING_PREFIX}${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`);
    try {
      const { sha256, emptyLines } = await copyAndHash(file, pending, owned);
      return new RawCopy(sha256, emptyLines, pending, rawDir, safeFileName(fileName));
    } catch (error) {
      await rm(pending, { force: true });
      throw error;
    }
  }

  /** Returns the path stored in import_batches.raw_path; the copy takes that name in keep(), after the commit. */
  async name(batchId: number): Promise<string> {
    const final = `${batchId}-${this.sha256.slice(0, 12)}-${this.fileName}`;
    const committing = path.join(this.rawDir, COMMITTING_PREFIX + final);
    await rename(this.current, committing);
    this.current = committing;
    return (this.final = path.join(this.rawDir, final));
  }

  /**
   * The batch committed: the copy takes its final name. Never throws, since the import has landed; a copy left under
   * its committing name is renamed by the next import's sweep.
   */
  async keep(): Promise<void> {
    try {
      if (!this.final) throw new Error('keep() before name()');
      await rename(this.current, this.final);
      this.current = this.final;
    } catch (error) {
      console.error(`[import] the raw copy ${this.current} keeps its name:`, error);
    }
  }

  /** The import failed: the copy goes too, so a failed import leaves nothing behind. */
  async discard(): Promise<void> {
    await rm(this.current, { force: true });
  }
}
