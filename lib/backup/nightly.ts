import type { Db } from '@/queries/db';
import { getBackupSchedule } from '@/queries/settings';
import { lastRunStarted } from '@/queries/backup/runs';
import { isBackupDue } from './schedule';
import { runBackup } from './run';

const CHECK_EVERY_MS = 60_000;
export const NIGHTLY_ACTOR = 'system:nightly';

/**
 * One check of the nightly backup: runs it when due (lib/backup/schedule.ts isBackupDue), else nothing. Returns
 * whether it ran. A failure is recorded by runBackup and not thrown, so the timer goes on.
 */
export async function nightlyTick(db: Db, now = new Date()): Promise<boolean> {
  // A read-only database cannot record its run (docs/reliability.md); its backups are made from the writable copy.
  if (db.readOnly) return false;
  const schedule = await getBackupSchedule(db);
  if (!isBackupDue(schedule, now, await lastRunStarted(db, 'nightly'))) return false;
  await runBackup(db, { trigger: 'nightly', actor: NIGHTLY_ACTOR, folder: schedule.folder }).catch((error: unknown) => {
    console.error(`每日备份失败：${error instanceof Error ? error.message : String(error)}`);
  });
  return true;
}

const holder = globalThis as typeof globalThis & { __fundMonitorNightly?: NodeJS.Timeout };

/**
 * Started once by instrumentation.ts: checks at start (a night missed while the server was down runs now) and then
 * every minute, each time on the server's database as it is then (`current`: it is opened anew after DuckDB gave up
 * on an instance). One check at a time; the timer does not keep the process alive.
 */
export function startNightlyBackups(current: () => Promise<Db>): void {
  if (holder.__fundMonitorNightly) return;
  let running = false;
  const check = async () => {
    if (running) return;
    running = true;
    try {
      await nightlyTick(await current());
    } catch (error) {
      console.error(`每日备份检查失败：${error instanceof Error ? error.message : String(error)}`);
    } finally {
      running = false;
    }
  };
  holder.__fundMonitorNightly = setInterval(check, CHECK_EVERY_MS);
  holder.__fundMonitorNightly.unref();
  void check();
}
