import { lstat, readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Db } from '@/queries/db';
import { rawPathReferenced } from '@/queries/import/batches';
import { COMMITTING_PREFIX, PENDING_PREFIX } from './raw-file';

/**
 * How old a leftover copy must be before a sweep deletes it. An import running in another process (on another
 * database that shares the folder) takes far less than this from starting its copy to committing, so it is never hit.
 */
export const ORPHAN_AGE_MS = 60 * 60 * 1000;

/** The shape of a final raw file name (RawCopy.name): `<batch_id>-<sha256 first 12>-<file name>`. */
const FINAL_NAME = /^\d+-[0-9a-f]{12}-./;

/**
 * Clears what killed imports left in rawDir; runs at the start of each import, inside the import queue. A copy under a
 * committing name whose batch did commit (the process died between COMMIT and the rename) takes its final name; other
 * pending and committing copies older than ORPHAN_AGE_MS are deleted. Nothing else is touched: only plain files
 * directly in rawDir carrying those prefixes, never a final-named file (it always has a batch, perhaps in another
 * database sharing the folder) and nothing the importer did not write.
 */
export async function sweepRawDir(db: Db, rawDir: string, now = Date.now()): Promise<void> {
  let names: string[];
  try {
    names = await readdir(rawDir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  for (const name of names) {
    const committing = name.startsWith(COMMITTING_PREFIX);
    if (!committing && !name.startsWith(PENDING_PREFIX)) continue;
    const file = path.join(rawDir, name);
    const info = await lstat(file).catch(() => null);
    if (!info?.isFile()) continue;
    if (committing && (await finishCommitted(db, rawDir, name))) continue;
    if (now - info.mtimeMs >= ORPHAN_AGE_MS) await rm(file, { force: true });
  }
}

/** Gives a committing copy its final name when this database has its batch and the final file is missing. */
async function finishCommitted(db: Db, rawDir: string, name: string): Promise<boolean> {
  const finalName = name.slice(COMMITTING_PREFIX.length);
  if (!FINAL_NAME.test(finalName)) return false;
  const final = path.join(rawDir, finalName);
  if (!(await rawPathReferenced(db, final))) return false;
  if (await lstat(final).then(() => true, () => false)) return false;
  await rename(path.join(rawDir, name), final);
  return true;
}
