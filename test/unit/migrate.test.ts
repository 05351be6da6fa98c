import { describe, expect, it } from 'vitest';
import { Db } from '@/queries/db';
import { listMigrations } from '@/queries/migrate';
import { tempDb } from '../helpers/temp-db';

describe('schema migrations', () => {
  it('records the newest schema version and reopens an existing file without touching its data', async () => {
    const { db, file, cleanup } = await tempDb();
    try {
      const newest = Math.max(...listMigrations().map((m) => m.version));
      expect((await db.one<{ v: number }>('SELECT max(version) AS v FROM schema_version'))?.v).toBe(newest);
      await db.run("INSERT INTO units (id, kind, name) VALUES (101, 'town', '甲镇')");
      db.close();
      const again = await Db.open(file);
      expect(await again.all('SELECT name FROM units WHERE id = 101')).toEqual([{ name: '甲镇' }]);
      expect((await again.one<{ n: string }>('SELECT count(*) AS n FROM funds'))?.n).toBe('148');
      expect((await again.one<{ n: string }>('SELECT count(*) AS n FROM schema_version'))?.n).toBe(String(listMigrations().length));
      again.close();
    } finally {
      cleanup();
    }
  });

  it('installs the SQL routines, and installs a file again when its text is not the one recorded', async () => {
    const { db, file, cleanup } = await tempDb();
    try {
      const macro = (d: Db) => d.one<{ n: string }>("SELECT count(*) AS n FROM duckdb_functions() WHERE function_name = 'imp_text'");
      expect((await macro(db))?.n).toBe('1');
      expect(await db.all('SELECT file FROM routines ORDER BY file')).toEqual([
        { file: 'queries/import/fund_names.sql' }, { file: 'queries/import/parsers.sql' }, { file: 'queries/visibility.sql' },
      ]);
      // An older text of parsers.sql (another sha256) whose macros are gone: the next open puts them back.
      await db.run("UPDATE routines SET sha256 = 'older' WHERE file = 'queries/import/parsers.sql'");
      await db.run('DROP MACRO imp_text');
      expect((await macro(db))?.n).toBe('0');
      db.close();
      const again = await Db.open(file);
      expect((await macro(again))?.n).toBe('1');
      expect((await again.one<{ sha256: string }>("SELECT sha256 FROM routines WHERE file = 'queries/import/parsers.sql'"))?.sha256).not.toBe('older');
      again.close();
    } finally {
      cleanup();
    }
  });
});
