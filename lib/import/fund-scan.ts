import type { Db } from '@/queries/db';
import { connRows } from '@/queries/db';
import { runScript } from '@/queries/script';
import { sqlFile } from '@/queries/sql';
import { resolveMapping, type HeaderMapping } from './load/mapping';
import { cell, readCsvSql } from './load/rows-sql';
import type { ImportKind, SourceInfo } from './types';

/** A fund name of the file that matches no fund at its rows' 预算级次 (docs/fund-matching.md). */
export interface UnknownFund {
  /** The cell text, trimmed, as the file writes it. */
  text: string;
  /** The rows' 预算级次 (central/province/city/county), or null when the file gives none. */
  level: string | null;
  rows: number;
  reason: string;
  /** Up to 3, the row's level first, then by likeness. */
  candidates: { id: number; level: string; code: string; label: string }[];
}

/**
 * The fund names of a whole file that the importer would reject as unknown, before importing it: the mapping step
 * offers to bind each to a catalog fund (an alias). The same lookup and the same reasons as the import
 * (lookup_funds.sql, fund_misses.sql), over the distinct (name, 预算级次) pairs of the file's fund and level columns.
 */
export async function scanUnknownFunds(db: Db, source: SourceInfo, kind: ImportKind, mapping: HeaderMapping = {}): Promise<UnknownFund[]> {
  const resolved = resolveMapping(kind, source.headers, source.rawHeaders, mapping);
  const fund = resolved.byField.get('fund');
  if (!fund) return [];
  const level = resolved.byField.get('level');
  const levelSql = level ? `imp_level(imp_text(${cell(level.index)}))` : 'NULL::VARCHAR';
  return db.withConnection(async (conn) => {
    await conn.run(`CREATE OR REPLACE TEMP TABLE imp_scan AS
SELECT imp_text(${cell(fund.index)}) AS t, ${levelSql} AS level, count(*) AS rows
FROM ${readCsvSql(source, false)}
WHERE imp_text(${cell(fund.index)}) IS NOT NULL
GROUP BY 1, 2`);
    await conn.run(`CREATE OR REPLACE TEMP TABLE imp_names AS SELECT DISTINCT 'fund' AS field, t, NULL::VARCHAR AS parent_t FROM imp_scan`);
    await runScript(conn, sqlFile('queries/import/lookup_funds.sql'), { choices: '{}' });
    await conn.run(`CREATE OR REPLACE TEMP TABLE imp_fund_pairs AS
SELECT s.t, s.level, l.ids, l.levels, s.rows FROM imp_scan s LEFT JOIN imp_fund_lookup l ON l.t = s.t`);
    await conn.run(sqlFile('queries/import/fund_misses.sql'));
    const rows = await connRows<{ t: string; level: string | null; rows: string; reason: string; candidates: UnknownFund['candidates'] }>(
      conn, 'SELECT t, level, rows, reason, candidates FROM imp_fund_misses ORDER BY rows DESC, t, level');
    return rows.map((r) => ({ text: r.t, level: r.level, rows: Number(r.rows), reason: r.reason, candidates: r.candidates }));
  });
}
