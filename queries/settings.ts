import type { Db } from './db';
import { namedSql } from './sql';
import { parseSettings, serializeSettings, type Settings } from '@/lib/settings';

const sql = () => namedSql('queries/settings.sql');

export async function getSettings(db: Db): Promise<Settings> {
  return parseSettings(await db.kept<{ key: string; value: string }>(sql().all));
}

/** Writes every setting in one transaction. */
export async function saveSettings(db: Db, s: Pick<Settings, 'countyName' | 'timeProgressMode' | 'thresholds'>): Promise<void> {
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
