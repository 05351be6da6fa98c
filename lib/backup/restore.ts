import { existsSync } from 'node:fs';
import { chmod, copyFile, mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { Db } from '@/queries/db';
import { tableChecksums } from '@/queries/backup/checksums';
import { rebaseStoredPaths } from '@/queries/backup/rebase-paths';
import { rawDirFor } from '@/lib/import/raw-dir';
import { sha256Of } from './files';
import { checksumDifferences, readManifest, type BackupManifest } from './manifest';
import { heldByAnotherProcess } from './held';

export interface RestoreOptions {
  from: string;
  db: string;
  force?: boolean;
}

export interface RestoreResult {
  database: string;
  raw_dir: string;
  name: string;
  tables: number;
  raw_files: number;
  /** Stored paths (raw files, attachments, 通报) pointed from the backed-up database's raw folder at raw_dir. */
  paths_rebased: number;
}

/** Reads a database file's checksums read-only, so checking changes nothing (no migration runs). */
export async function checksumsOf(file: string) {
  const db = await Db.open(file, { readOnly: true });
  try {
    return await db.withConnection((conn) => tableChecksums(conn));
  } finally {
    db.close();
  }
}

/**
 * Points the restored file's stored paths at the raw folder it is restored beside, then writes everything into the
 * file, so the rename below moves no write-ahead log behind. Opened read-write, so a backup of an older schema is
 * migrated here, as the server would on its first start.
 */
async function rebase(file: string, fromRawDir: string, toRawDir: string): Promise<number> {
  const db = await Db.open(file);
  try {
    const moved = await rebaseStoredPaths(db, fromRawDir, toRawDir);
    await db.run('CHECKPOINT');
    return moved;
  } finally {
    db.close();
  }
}

async function verify(file: string, manifest: BackupManifest, when: string): Promise<void> {
  const differences = checksumDifferences(manifest.tables, await checksumsOf(file));
  if (differences.length) throw new Error(`${when}校验不符（${file}）：${differences.join('；')}`);
}

/**
 * Restores a backup (docs/backups.md) into `db` and its raw files into the imports folder beside it. Refuses a file a
 * server holds (even with force: the server would go on writing its own state over it) and an existing file without
 * force. Checks the backup before (the file's sha256, every table's rows and checksum, every raw file's sha256) and the
 * restored file after; the database is written under a temporary name and renamed over the target only once checked.
 * Once checked, the stored paths of the raw files, attachments and 通报 are pointed at the copies restored beside it
 * (rebase): the only change to the backup's contents, so the tables holding such a path differ from the manifest's
 * checksums by exactly that.
 */
export async function restoreBackup(opts: RestoreOptions): Promise<RestoreResult> {
  const { dir, manifest } = await readManifest(opts.from);
  const target = path.resolve(opts.db);
  if (existsSync(target)) {
    if (await heldByAnotherProcess(target)) throw new Error(`数据库文件正被运行中的服务器使用，不能恢复到它：${target}（先停止服务器）`);
    if (!opts.force) throw new Error(`数据库文件已存在：${target}（确要覆盖请加 --force）`);
  }
  const source = path.join(dir, manifest.database.path);
  if ((await sha256Of(source)) !== manifest.database.sha256) throw new Error(`备份数据库文件的 sha256 与清单不符：${source}`);
  for (const f of manifest.raw_files) {
    if ((await sha256Of(path.join(dir, f.path))) !== f.sha256) throw new Error(`备份中的原始文件 sha256 与清单不符：${f.path}`);
  }
  await verify(source, manifest, '恢复前');

  await mkdir(path.dirname(target), { recursive: true });
  const rawDir = rawDirFor(target);
  let pathsRebased: number;
  const temp = `${target}.restoring-${randomBytes(4).toString('hex')}`;
  try {
    await copyFile(source, temp);
    await verify(temp, manifest, '恢复后');
    pathsRebased = await rebase(temp, manifest.source.raw_dir, rawDir);
    // A write-ahead log left by the file being replaced would be replayed onto the restored one.
    await rm(`${target}.wal`, { force: true });
    await rename(temp, target);
  } finally {
    await rm(temp, { force: true });
    await rm(`${temp}.wal`, { force: true });
  }

  for (const f of manifest.raw_files) {
    const dest = path.join(rawDir, f.path.replace(/^imports\//, ''));
    await mkdir(path.dirname(dest), { recursive: true, mode: 0o700 });
    await copyFile(path.join(dir, f.path), dest);
    await chmod(dest, 0o600);
  }
  return { database: target, raw_dir: rawDir, name: manifest.name, tables: manifest.tables.length, raw_files: manifest.raw_files.length, paths_rebased: pathsRebased };
}
