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
});
