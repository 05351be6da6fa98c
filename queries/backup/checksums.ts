import type { DuckDBConnection } from '@duckdb/node-api';
import { connRows } from '../db';
import { namedSql } from '../sql';

const sql = () => namedSql('queries/backup/checksums.sql');

/** One table's contents summed up: its rows and a checksum that does not depend on their order. */
export interface TableChecksum {
  table: string;
  rows: string;
  checksum: string;
}

const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * Every table of the connection's database with its row count and checksum, computed in SQL on the connection's
 * snapshot: the sum of each row's `hash` (the whole row as a struct) as a HUGEINT, so equal contents give equal sums
 * whatever the physical order, and a changed, missing or added row changes it (a sum, not an XOR, so two equal rows do
 * not cancel). DuckDB's hash is its own, stable for one version: the manifest records the version that computed it.
 * Table names come from DuckDB's catalog, never from a caller.
 */
export async function tableChecksums(conn: DuckDBConnection): Promise<TableChecksum[]> {
  const tables = await connRows<{ table_name: string }>(conn, sql().tables);
  const out: TableChecksum[] = [];
  for (const { table_name: table } of tables) {
    const [row] = await connRows<{ rows: string; checksum: string }>(conn,
      `SELECT count(*)::VARCHAR AS rows, coalesce(sum(hash(t)::HUGEINT), 0)::VARCHAR AS checksum FROM ${quoted(table)} AS t`);
    out.push({ table, ...row });
  }
  return out;
}

export async function schemaVersion(conn: DuckDBConnection): Promise<number> {
  return (await connRows<{ version: number }>(conn, sql().schema_version))[0].version;
}
