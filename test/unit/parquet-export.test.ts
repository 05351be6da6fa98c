import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Db } from '@/queries/db';
import { buildDemoFile } from '@/lib/cli/demo';
import { levelTotals } from '@/queries/overview';
import { exportParquet, PARQUET_TABLES } from '@/lib/parquet/export';
import { spendByLevelFromParquet } from '@/lib/parquet/measures';

const FILTER = { year: 2018, asOf: '2018-10-31', timeProgressMode: 'month' as const };

describe('export-parquet: the ledger for a province', () => {
  let dir: string;
  let db: Db;
  let out: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'fund-monitor-parquet-'));
    const file = path.join(dir, 'demo.duckdb');
    await buildDemoFile(file, { payments: 20_000, year: 2018, seed: 3 });
    db = await Db.open(file, { readOnly: true });
    out = path.join(dir, 'province');
    // Two counties gathered in one folder: the demo under two codes, so each must come back as itself.
    await exportParquet(db, { outDir: out, county: '610802' });
    await exportParquet(db, { outDir: out, county: '610822' });
  }, 120_000);
  afterAll(() => {
    db?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes hive folders by county and year, and every row of every table comes back', async () => {
    expect(readdirSync(path.join(out, 'payments')).sort()).toEqual(['county=610802', 'county=610822']);
    expect(readdirSync(path.join(out, 'payments', 'county=610802')).sort()).toEqual(['year=2017', 'year=2018']);
    for (const { table, byYear } of PARQUET_TABLES) {
      const glob = `${out}/${table}/${byYear ? '*/*' : '*'}/*.parquet`;
      const [read] = await db.all<{ n: number }>(
        `SELECT count(*)::INTEGER AS n FROM read_parquet($glob, hive_partitioning = true) WHERE county = '610802'`, { glob });
      const [own] = await db.all<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM ${table}`);
      expect(read.n, table).toBe(own.n);
    }
  });

  it('money stays exact: the payments\' sum per year equals the database\'s to the fen', async () => {
    const fromParquet = await db.all(`SELECT year::INTEGER AS year, sum(amount)::VARCHAR AS amount
      FROM read_parquet($glob, hive_partitioning = true) WHERE county = '610802' GROUP BY ALL ORDER BY 1`, { glob: `${out}/payments/*/*/*.parquet` });
    const own = await db.all('SELECT year(pay_date)::INTEGER AS year, sum(amount)::VARCHAR AS amount FROM payments GROUP BY ALL ORDER BY 1');
    expect(fromParquet).toEqual(own);
  });

  it('leaves payees out unless asked', async () => {
    const [row] = await db.all<{ names: number }>(`SELECT count(payee_name)::INTEGER AS names FROM read_parquet($glob, hive_partitioning = true)`,
      { glob: `${out}/payments/*/*/*.parquet` });
    expect(row.names).toBe(0);
  });

  it('支出进度 by 级次 over the Parquet, with the site\'s macros, equals 总览\'s for each county', async () => {
    const site = await levelTotals(db, FILTER, { kind: 'all' });
    const province = await spendByLevelFromParquet(db, out, FILTER);
    expect(site.length).toBeGreaterThan(1);
    for (const county of ['610802', '610822']) {
      expect(province.filter((r) => r.county === county).map(({ county: _c, ...r }) => r)).toEqual(site);
    }
  });
});
