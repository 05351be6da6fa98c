import type { Db } from './db';
import { namedSql } from './sql';
import { parseSettings, serializeSettings, type Settings } from '@/lib/settings';

const sql = () => namedSql('queries/settings.sql');

export async function getSettings(db: Db): Promise<Settings> {
  return parseSettings(await db.all<{ key: string; value: string }>(sql().all));
}

/** Writes every setting in one transaction. */
export async function saveSettings(db: Db, s: Pick<Settings, 'countyName' | 'timeProgressMode' | 'thresholds'>): Promise<void> {
  await db.transaction(async (conn) => {
    for (const [key, value] of Object.entries(serializeSettings(s))) await conn.run(sql().upsert, { key, value });
  });
}
