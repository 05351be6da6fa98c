import 'server-only';
import { Db } from './db';
import { ensureAdmin } from '@/lib/auth/bootstrap';

const DEFAULT_DB_FILE = 'data/demo.duckdb';

const holder = globalThis as typeof globalThis & { __fundMonitorDb?: Promise<Db> };

/**
 * The server's one Db, opened read-write on $FUND_MONITOR_DB (default data/demo.duckdb) and kept on globalThis so
 * dev reloads reuse it (a second instance on the same file would be refused by DuckDB's lock). A failed open is
 * forgotten, so the next request tries again.
 */
export function serverDb(): Promise<Db> {
  if (!holder.__fundMonitorDb) {
    const file = process.env.FUND_MONITOR_DB ?? DEFAULT_DB_FILE;
    holder.__fundMonitorDb = Db.open(file).then(async (db) => {
      await ensureAdmin(db);
      return db;
    }).catch((error: unknown) => {
      holder.__fundMonitorDb = undefined;
      throw error;
    });
  }
  return holder.__fundMonitorDb;
}
