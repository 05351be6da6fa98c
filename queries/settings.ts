import { BOOKKEEPING, type Db } from './db';
import { parseSchedule, type BackupSchedule } from '@/lib/backup/schedule';
import { namedSql } from './sql';
import { parseSettings, serializeSettings, type Settings } from '@/lib/settings';

const sql = () => namedSql('queries/settings.sql');

export async function getSettings(db: Db): Promise<Settings> {
  return parseSettings(await db.kept<{ key: string; value: string }>(sql().all));
}

/** Writes every setting in one transaction. */
export async function saveSettings(db: Db, s: Pick<Settings, 'countyName' | 'countyCode' | 'timeProgressMode' | 'thresholds'>): Promise<void> {
  await db.transaction(async (conn) => {
    for (const [key, value] of Object.entries(serializeSettings(s))) await conn.run(sql().upsert, { key, value });
  });
}

const DEMO_MARK = 'demo_database';

/**
 * The mark the demo generator leaves (lib/cli/demo.ts): this database holds the demo county and its accounts with the
 * public password. A server on any other database refuses to start while those accounts remain (lib/auth/startup.ts).
 */
export function markDemoDatabase(db: Db): Promise<void> {
  return db.run(sql().upsert, { key: DEMO_MARK, value: 'true' });
}

export async function isDemoDatabase(db: Db): Promise<boolean> {
  return (await db.one<{ value: string }>(sql().get, { key: DEMO_MARK }))?.value === 'true';
}

const BACKUP_SCHEDULE = 'backup_schedule';

/** The nightly backup's setting (lib/backup/schedule.ts); read afresh, as the timer asks once a minute. */
export async function getBackupSchedule(db: Db): Promise<BackupSchedule> {
  return parseSchedule((await db.one<{ value: string }>(sql().get, { key: BACKUP_SCHEDULE }))?.value);
}

/** Bookkeeping: the schedule changes no figure a page shows. */
export function saveBackupSchedule(db: Db, s: BackupSchedule): Promise<void> {
  return db.run(sql().upsert, { key: BACKUP_SCHEDULE, value: JSON.stringify(s) }, BOOKKEEPING);
}
