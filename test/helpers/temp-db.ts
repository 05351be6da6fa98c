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
