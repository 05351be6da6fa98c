import { existsSync } from 'node:fs';
import { chmod, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Db } from '@/queries/db';
import { SerialQueue } from '@/queries/queue';
import { copyDatabase } from '@/queries/backup/copy';
import { rawDirFor } from '@/lib/import/raw-dir';
import { copyTree, describe } from './files';
import { MANIFEST_FILE, MANIFEST_FORMAT, type BackupManifest, type BackupTrigger } from './manifest';
import { backupName } from './name';

export interface BackupOptions {
  /** The folder that holds the backups; each backup is a folder in it named by its moment. */
  outDir: string;
  trigger: BackupTrigger;
  now?: () => Date;
}

export interface BackupResult {
  dir: string;
  manifest: BackupManifest;
}

const queues = new WeakMap<Db, SerialQueue>();

const inside = (child: string, parent: string) => {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
};

/**
 * Makes a backup of an open database (docs/backups.md): a folder `<name>/` in outDir holding `<name>.duckdb` (a copy
 * from one snapshot, queries/backup/copy.ts), `imports/` (the raw files and attachments, the evidence) and
 * `manifest.json`. It is built under a hidden name and renamed when whole, so a folder with a backup's name is always
 * complete, whatever killed the process. Backups of one Db take turns (the nightly one and an admin's click).
 */
export function makeBackup(db: Db, opts: BackupOptions): Promise<BackupResult> {
  let queue = queues.get(db);
  if (!queue) queues.set(db, (queue = new SerialQueue()));
  return queue.run(() => make(db, opts));
}

async function make(db: Db, opts: BackupOptions): Promise<BackupResult> {
  const started = (opts.now ?? (() => new Date()))();
  const t0 = performance.now();
  const outDir = path.resolve(opts.outDir);
  const rawDir = rawDirFor(db.file);
  if (inside(outDir, rawDir)) throw new Error(`备份目录不能在原始导入文件目录之内：${outDir}`);
  // Made private when new; an existing folder keeps the mode its owner gave it (the backups inside are private).
  await mkdir(outDir, { recursive: true, mode: 0o700 });
  let name = backupName(started);
  for (let n = 2; existsSync(path.join(outDir, name)); n++) name = `${backupName(started)}-${n}`;
  const work = path.join(outDir, `.partial-${name}`);
  await rm(work, { recursive: true, force: true });
  await mkdir(work, { mode: 0o700 });
  try {
    const dbName = `${name}.duckdb`;
    const copy = await copyDatabase(db, path.join(work, dbName));
    await chmod(path.join(work, dbName), 0o600);
    const rawFiles = await copyTree(rawDir, path.join(work, 'imports'));
    const manifest: BackupManifest = {
      format: MANIFEST_FORMAT,
      name,
      created_at: started.toISOString(),
      trigger: opts.trigger,
      source: { database: path.resolve(db.file), raw_dir: rawDir },
      schema_version: copy.schemaVersion,
      duckdb_version: copy.duckdbVersion,
      database: await describe(work, dbName),
      tables: copy.tables,
      raw_files: rawFiles.map((f) => ({ ...f, path: `imports/${f.path}` })),
      ms: Math.round(performance.now() - t0),
    };
    await writeFile(path.join(work, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
    const dir = path.join(outDir, name);
    await rename(work, dir);
    return { dir, manifest };
  } catch (error) {
    await rm(work, { recursive: true, force: true });
    throw error;
  }
}
