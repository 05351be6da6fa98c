import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { TableChecksum } from '@/queries/backup/checksums';

export const MANIFEST_FILE = 'manifest.json';
export const MANIFEST_FORMAT = 'fund-monitor-backup/1';

/** A file copied into a backup, by its path inside the backup folder. */
export interface BackupFile {
  path: string;
  bytes: number;
  sha256: string;
}

export type BackupTrigger = 'cli' | 'manual' | 'nightly';

/** What a backup holds and how to check it (docs/backups.md). */
export interface BackupManifest {
  format: typeof MANIFEST_FORMAT;
  name: string;
  /** UTC, ISO 8601; `name` carries the same moment in China time. */
  created_at: string;
  trigger: BackupTrigger;
  source: { database: string; raw_dir: string };
  schema_version: number;
  duckdb_version: string;
  database: BackupFile;
  tables: TableChecksum[];
  raw_files: BackupFile[];
  ms: number;
}

/** The manifest of a backup folder, or of the manifest file named; the folder is the manifest's own. */
export async function readManifest(from: string): Promise<{ dir: string; manifest: BackupManifest }> {
  const file = path.basename(from) === MANIFEST_FILE ? from : path.join(from, MANIFEST_FILE);
  const manifest = JSON.parse(await readFile(file, 'utf8')) as BackupManifest;
  if (manifest.format !== MANIFEST_FORMAT) throw new Error(`不是本系统的备份清单：${file}`);
  return { dir: path.dirname(file), manifest };
}

/** The tables whose rows or checksum differ between two lists (a table on one side only counts), as Chinese lines. */
export function checksumDifferences(expected: TableChecksum[], actual: TableChecksum[]): string[] {
  const got = new Map(actual.map((t) => [t.table, t]));
  const out: string[] = [];
  for (const e of expected) {
    const a = got.get(e.table);
    if (!a) out.push(`缺少表 ${e.table}`);
    else if (a.rows !== e.rows || a.checksum !== e.checksum) out.push(`表 ${e.table}：应为 ${e.rows} 行（校验和 ${e.checksum}），实为 ${a.rows} 行（校验和 ${a.checksum}）`);
    got.delete(e.table);
  }
  for (const extra of got.keys()) out.push(`多出表 ${extra}`);
  return out;
}
