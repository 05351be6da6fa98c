import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { Worker } from 'node:worker_threads';

/** sha256 of a file, streamed (exports reach hundreds of MB). */
export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

// Runs in a worker thread: copies the file and hashes it in one read, off the thread that transcodes GBK and talks
// to DuckDB. (Plain JavaScript evaluated by the worker, so it needs no TypeScript loader.) Synchronous reads and writes
// of 8 MB: about a third less CPU than a hashing stream beside a separate copy.
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const { openSync, readSync, writeSync, closeSync } = require('node:fs');
try {
  const hash = createHash('sha256');
  const input = openSync(workerData.file, 'r');
  const output = openSync(workerData.dest, 'wx');
  try {
    const buf = Buffer.allocUnsafeSlow(8 << 20);
    for (let n; (n = readSync(input, buf, 0, buf.length, null)) > 0; ) {
      hash.update(buf.subarray(0, n));
      for (let off = 0; off < n; ) off += writeSync(output, buf, off, n - off);
    }
  } finally {
    closeSync(input);
    closeSync(output);
  }
  parentPort.postMessage(hash.digest('hex'));
} catch (e) {
  parentPort.postMessage({ error: String((e && e.message) || e) });
}
`;

function copyAndHash(file: string, dest: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, { eval: true, workerData: { file, dest } });
    worker.once('message', (m: string | { error: string }) => {
      if (typeof m === 'string') resolve(m);
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

  private constructor(readonly sha256: string, private current: string, private readonly rawDir: string, private readonly fileName: string) {}

  static async start(file: string, rawDir: string, fileName: string): Promise<RawCopy> {
    await mkdir(rawDir, { recursive: true });
    const pending = path.join(rawDir, `${PENDING_PREFIX}${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`);
    try {
      return new RawCopy(await copyAndHash(file, pending), pending, rawDir, safeFileName(fileName));
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
