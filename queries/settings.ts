import type { Db } from './db';
import { parseSettings, type Settings } from '@/lib/settings';

export async function getSettings(db: Db): Promise<Settings> {
  return parseSettings(await db.all<{ key: string; value: string }>('SELECT key, value FROM settings'));
}
