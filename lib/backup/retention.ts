import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Db } from '@/queries/db';
import { getBackupSchedule } from '@/queries/settings';
import { compareBackupNames, isBackupName } from './name';
import { backupFolderFor } from './schedule';

/** The finished backups in a folder, newest first (a folder being written has a hidden name and is not one). */
export async function listBackupNames(dir: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return entries.filter((e) => e.isDirectory() && isBackupName(e.name)).map((e) => e.name).sort(compareBackupNames).reverse();
}

/** Keeps the `keep` newest backups of a folder and deletes the others; returns the names deleted. */
export async function pruneBackups(dir: string, keep: number): Promise<string[]> {
  if (!Number.isSafeInteger(keep) || keep < 1) throw new Error('保留份数须是正整数');
  const old = (await listBackupNames(dir)).slice(keep);
  for (const name of old) await rm(path.join(dir, name), { recursive: true, force: true });
  return old;
}

/**
 * The retention of 设置 → 每日备份 applied to `folder` when it is the configured backup folder, whoever wrote the
 * backup there (the nightly run, 立即备份, POST /api/admin/backup, the CLI): that folder never holds more than `keep`.
 * Another folder is the caller's own and keeps everything. Returns the names deleted.
 */
export async function pruneToSchedule(db: Db, folder: string): Promise<string[]> {
  const schedule = await getBackupSchedule(db);
  if (path.resolve(folder) !== backupFolderFor(db.file, schedule.folder)) return [];
  return pruneBackups(folder, schedule.keep);
}
