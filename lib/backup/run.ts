import type { Db } from '@/queries/db';
import { audit } from '@/queries/auth/audit';
import { recordBackupRun } from '@/queries/backup/runs';
import { makeBackup, type BackupResult } from './make';
import type { BackupTrigger } from './manifest';
import { pruneToSchedule } from './retention';
import { backupFolderFor } from './schedule';

export interface RunBackupOptions {
  trigger: BackupTrigger;
  actor: string;
  folder: string;
  ip?: string | null;
}

/**
 * A backup the server makes (the nightly timer, an admin's request): made, the folder pruned to the setting's retention
 * (pruneToSchedule), recorded in backup_runs and the audit log whether it succeeded or not, so the page shows the last
 * result and a failure is seen.
 */
export async function runBackup(db: Db, opts: RunBackupOptions): Promise<BackupResult & { pruned: string[] }> {
  const startedAt = new Date();
  const folder = backupFolderFor(db.file, opts.folder);
  let result: BackupResult | null = null;
  let pruned: string[] = [];
  let failure: unknown = null;
  try {
    result = await makeBackup(db, { outDir: folder, trigger: opts.trigger, now: () => startedAt });
    pruned = await pruneToSchedule(db, folder);
  } catch (error) {
    failure = error;
  }
  const error = failure === null ? null : failure instanceof Error ? failure.message : String(failure);
  await recordBackupRun(db, {
    startedAt, finishedAt: new Date(), trigger: opts.trigger, actor: opts.actor, name: result?.manifest.name ?? null, folder,
    ok: failure === null, error, bytes: result?.manifest.database.bytes ?? null, pruned: pruned.length,
  });
  await audit(db, {
    actor: opts.actor, action: 'backup', target: result?.manifest.name ?? folder,
    detail: { trigger: opts.trigger, folder, ok: failure === null, error, pruned }, ip: opts.ip ?? null,
  });
  if (failure !== null) throw failure;
  return { ...result!, pruned };
}
