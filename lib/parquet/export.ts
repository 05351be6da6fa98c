import { mkdir, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Db } from '@/queries/db';
import { namedSql, sqlString } from '@/queries/sql';
import { isCountyCode } from '@/lib/settings';

/** The ledger's tables a province gathers, and whether each is split by year (units and funds are not). */
export const PARQUET_TABLES = [
  { table: 'indicators', byYear: true },
  { table: 'allocations', byYear: true },
  { table: 'payments', byYear: true },
  { table: 'projects', byYear: true },
  { table: 'perf_targets', byYear: true },
  { table: 'units', byYear: false },
  { table: 'funds', byYear: false },
] as const;

export interface ParquetTableResult {
  table: string;
  rows: number;
  files: number;
}

export interface ParquetExportOptions {
  outDir: string;
  county: string;
  withPayees?: boolean;
}

/** The Parquet files written under a folder; an empty table writes none, and no folder. */
async function countFiles(dir: string): Promise<number> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  return entries.filter((e) => e.isFile() && e.name.endsWith('.parquet')).length;
}

/**
 * Writes the ledger as Parquet, hive-style: DIR/<table>/county=<code>/year=<y>/data_0.parquet (units and funds without
 * year), readable as they are by DuckDB, Spark, Trino and ClickHouse (docs/province.md). Money stays DECIMAL(18,2),
 * dates DATE. The county's folder is replaced whole, so exporting again never leaves a stale year behind, and another
 * county's folders in the same DIR are left alone. One read transaction, so the tables agree with each other.
 */
export async function exportParquet(db: Db, opts: ParquetExportOptions): Promise<ParquetTableResult[]> {
  if (!isCountyCode(opts.county)) throw new Error(`县代码须是 6 位行政区划代码：${opts.county}`);
  const sql = namedSql('queries/parquet/tables.sql');
  const out: ParquetTableResult[] = [];
  await db.withConnection(async (conn) => {
    await conn.run('BEGIN TRANSACTION');
    try {
      for (const { table, byYear } of PARQUET_TABLES) {
        const tableDir = path.resolve(opts.outDir, table);
        const countyDir = path.join(tableDir, `county=${opts.county}`);
        await rm(countyDir, { recursive: true, force: true });
        await mkdir(tableDir, { recursive: true });
        const partitions = byYear ? 'county, year' : 'county';
        // COPY takes no parameter for its target: the folder is ours, quoted as a literal. OVERWRITE_OR_IGNORE lets a
        // county's folder be written beside the others'.
        const result = await conn.runAndReadAll(
          `COPY (${sql[table]}) TO ${sqlString(tableDir)} (FORMAT parquet, PARTITION_BY (${partitions}), OVERWRITE_OR_IGNORE, COMPRESSION zstd)`,
          { county: opts.county, ...(table === 'payments' ? { with_payees: opts.withPayees === true } : {}) },
        );
        const rows = Number(result.getRows()[0]?.[0] ?? 0);
        out.push({ table, rows, files: await countFiles(countyDir) });
      }
      await conn.run('COMMIT');
    } catch (error) {
      await conn.run('ROLLBACK');
      throw error;
    }
  });
  return out;
}
