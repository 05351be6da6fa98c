import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { Db } from './db';
import { runScript } from './script';
import { projectRoot, sqlFile } from './sql';
import { loadCatalog } from './catalog';
import { loadCalendar } from './calendar';
import { installRoutines, staleRoutines } from './routines';

const SCHEMA_DIR = 'queries/schema';

export interface Migration {
  version: number;
  name: string;
  file: string;
}

export function listMigrations(): Migration[] {
  return readdirSync(path.join(/*turbopackIgnore: true*/ projectRoot, SCHEMA_DIR))
    .filter((f) => /^\d{3}_.+\.sql$/.test(f))
    .sort()
    .map((f) => ({ version: Number(f.slice(0, 3)), name: f.slice(4, -4), file: `${SCHEMA_DIR}/${f}` }));
}

/**
 * Applies every migration the file has not recorded, each in its own transaction, so an existing database file
 * moves forward without losing data. Not only those above the newest recorded: migrations written side by side
 * land in any order, and a file that took a later one first still gets the earlier one. A new database also receives
 * the fund catalog, and the shipped holiday calendar for the years it has none of; every database gets the current
 * SQL routines (routines.ts).
 */
export async function migrate(db: Db): Promise<void> {
  await db.run(`CREATE TABLE IF NOT EXISTS schema_version (
    version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL DEFAULT current_timestamp)`);
  const applied = new Set((await db.all<{ version: number }>('SELECT version FROM schema_version')).map((r) => r.version));
  const pending = listMigrations().filter((m) => !applied.has(m.version));
  for (const m of pending) {
    await db.transaction(async (conn) => {
      await runScript(conn, sqlFile(m.file));
      await conn.run('INSERT INTO schema_version (version, name) VALUES ($version, $name)', {
        version: m.version,
        name: m.name,
      });
    });
  }
  // Into the database file at once: DuckDB 1.5 cannot replay an ALTER TABLE … ADD COLUMN from the write-ahead log on a
  // table with a DEFAULT current_timestamp column (INTERNAL Error "GetDefaultDatabase with no default database set"),
  // so a server stopped before its next checkpoint would leave a file that no longer opens.
  if (pending.length) await db.run('CHECKPOINT');
  await loadCatalog(db);
  await loadCalendar(db);
  await installRoutines(db);
}

/**
 * What migrate would have to write to this database — migrations not applied, routines of an older version — for a
 * database that may not be written (the server on a read-only file refuses to start on one, docs/reliability.md).
 */
export async function upgradeNeeded(db: Db): Promise<string[]> {
  const applied = new Set((await db.all<{ version: number }>('SELECT version FROM schema_version').catch(() => [])).map((r) => r.version));
  const pending = listMigrations().filter((m) => !applied.has(m.version)).map((m) => `${String(m.version).padStart(3, '0')}_${m.name}`);
  return [...pending, ...(await staleRoutines(db))];
}
