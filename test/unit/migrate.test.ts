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

  it('applies a migration a file has not recorded even when a later one is recorded', async () => {
    const { db, file, cleanup } = await tempDb();
    try {
      // A file that took the later migrations before 004 landed (branches merge in any order): without 004's table
      // and its record. The next open must apply 004 although newer versions are recorded.
      expect(Math.max(...listMigrations().map((m) => m.version))).toBeGreaterThan(4);
      await db.run('DROP TABLE fund_aliases');
      await db.run('DROP SEQUENCE fund_alias_seq');
      await db.run('DELETE FROM schema_version WHERE version = 4');
      db.close();
      const again = await Db.open(file);
      expect((await again.one<{ n: string }>('SELECT count(*) AS n FROM schema_version'))?.n).toBe(String(listMigrations().length));
      expect(await again.all("SELECT table_name FROM duckdb_tables() WHERE table_name = 'fund_aliases'")).toEqual([{ table_name: 'fund_aliases' }]);
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
        { file: 'queries/import/fund_names.sql' }, { file: 'queries/import/parsers.sql' }, { file: 'queries/rules/people.sql' },
        { file: 'queries/views/measures.sql' }, { file: 'queries/visibility.sql' },
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

  it('008 rebuilds 项目库 with the 未开工 status, 建设内容 and the generated-code mark, keeping every row', async () => {
    const { db, file, cleanup } = await tempDb();
    try {
      // The file as it was before 008: the old table (as 001 made it) holding a row, the version recorded as 3.
      await db.run(`DROP TABLE projects_replaced; DROP TABLE projects;
        CREATE TABLE projects (code VARCHAR PRIMARY KEY, name VARCHAR NOT NULL, year INTEGER NOT NULL, type VARCHAR, town_id INTEGER,
          village_id INTEGER, unit_id INTEGER, planned_amount DECIMAL(18,2), start_date DATE, planned_end DATE, actual_end DATE,
          status VARCHAR NOT NULL CHECK (status IN ('declared', 'reviewed', 'approved', 'in_progress', 'completed', 'accepted')),
          beneficiaries INTEGER, poor_beneficiaries INTEGER, batch_id INTEGER);
        INSERT INTO projects (code, name, year, town_id, planned_amount, planned_end, status, beneficiaries, batch_id)
          VALUES ('XM001', '甲镇道路', 2018, 101, 150000.5, '2018-12-31', 'in_progress', 12, 3);
        DELETE FROM schema_version WHERE version = 8;`);
      await expect(db.run("INSERT INTO projects (code, name, year, status) VALUES ('X', 'x', 2020, 'not_started')")).rejects.toThrow(/CHECK/i);
      db.close();
      const again = await Db.open(file);
      expect(await again.all('SELECT * FROM projects')).toEqual([{
        code: 'XM001', code_generated: false, name: '甲镇道路', year: 2018, type: null, town_id: 101, village_id: null, unit_id: null,
        planned_amount: '150000.50', content: null, start_date: null, planned_end: '2018-12-31', actual_end: null, status: 'in_progress',
        beneficiaries: 12, poor_beneficiaries: null, batch_id: 3,
      }]);
      await again.run("INSERT INTO projects (code, name, year, status) VALUES ('X', 'x', 2020, 'not_started')");
      await expect(again.run("INSERT INTO projects (code, name, year, status) VALUES ('Y', 'y', 2020, 'started')")).rejects.toThrow(/CHECK/i);
      again.close();
    } finally {
      cleanup();
    }
  });

  it('009 sums the payments a file already holds into payment_days', async () => {
    const { db, file, cleanup } = await tempDb();
    try {
      // The file as it was before 009: payments, and no payment_days.
      await db.run(`DROP TABLE payment_days; DELETE FROM schema_version WHERE version = 9;
        INSERT INTO payments (voucher_no, pay_date, amount, indicator_id, unit_id, batch_id) VALUES
          ('P1', '2018-03-01', 100.00, 'I1', 101, 1), ('P2', '2018-03-01', 0.50, 'I1', 101, 1), ('P3', '2018-03-02', 7.00, NULL, NULL, 2);`);
      db.close();
      const again = await Db.open(file);
      expect(await again.all('SELECT batch_id, indicator_id, unit_id, town_id, pay_date, amount, n FROM payment_days ORDER BY pay_date')).toEqual([
        { batch_id: 1, indicator_id: 'I1', unit_id: 101, town_id: null, pay_date: '2018-03-01', amount: '100.50', n: 2 },
        { batch_id: 2, indicator_id: null, unit_id: null, town_id: null, pay_date: '2018-03-02', amount: '7.00', n: 1 },
      ]);
      again.close();
    } finally {
      cleanup();
    }
  });
});
