import { BOOKKEEPING, type Db } from '../db';
import { namedSql } from '../sql';
import type { BackupTrigger } from '@/lib/backup/manifest';

const sql = () => namedSql('queries/backup/runs.sql');

export interface BackupRunRecord {
  startedAt: Date;
  finishedAt: Date;
  trigger: BackupTrigger;
  actor: string;
  name: string | null;
  folder: string;
  ok: boolean;
  error: string | null;
  bytes: number | null;
  pruned: number;
}

export interface BackupRunRow {
  id: number;
  started_at: string;
  finished_at: string | null;
  trigger: BackupTrigger;
  actor: string | null;
  name: string | null;
  folder: string;
  ok: boolean;
  error: string | null;
  bytes: string | null;
  pruned: number;
}

/** A backup changes no figure a page shows, so recording it keeps the pages' kept results. */
export function recordBackupRun(db: Db, r: BackupRunRecord): Promise<void> {
  return db.run(sql().insert, {
    started_at: r.startedAt.toISOString(), finished_at: r.finishedAt.toISOString(), trigger: r.trigger, actor: r.actor,
    name: r.name, folder: r.folder, ok: r.ok, error: r.error, bytes: r.bytes, pruned: r.pruned,
  }, BOOKKEEPING);
}

export async function lastRunStarted(db: Db, trigger: BackupTrigger): Promise<Date | null> {
  const row = await db.one<{ started_at: string | null }>(sql().last_started, { trigger });
  return row?.started_at ? new Date(row.started_at) : null;
}

export function recentBackupRuns(db: Db, limit = 20): Promise<BackupRunRow[]> {
  return db.all<BackupRunRow>(sql().recent, { limit });
}
