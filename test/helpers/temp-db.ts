import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Db } from '@/queries/db';

/** A real DuckDB file in a fresh temporary folder, migrated and holding the fund catalog. */
export async function tempDb(): Promise<{ db: Db; file: string; cleanup: () => void }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'fund-monitor-test-'));
  const file = path.join(dir, 'test.duckdb');
  const db = await Db.open(file);
  return {
    db,
    file,
    cleanup: () => {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Runs `fn` on the database file opened on its own (read-write), and closes it whatever happens. */
export async function withDbFile<T>(file: string, fn: (db: Db) => Promise<T>): Promise<T> {
  const db = await Db.open(file);
  try {
    return await fn(db);
  } finally {
    db.close();
  }
}
