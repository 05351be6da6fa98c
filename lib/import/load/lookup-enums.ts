import { connRows } from '@/queries/db';
import type { DuckDBConnection } from '@duckdb/node-api';
import { sqlFile, sqlString } from '@/queries/sql';

/**
 * Lookups the first pass can do without a join: DuckDB casts a text to an ENUM of the known names with a hash lookup,
 * and the enum's position picks the id from a list. (A join there would lose the file's row order, which gives every
 * row its Excel row number.) Texts that are not known names exactly are resolved afterwards.
 */
export interface KnownLookups {
  /** SQL over `$t`: the unit (department or town) id, the town id. */
  unit: string;
  town: string;
  /** SQL over `$k` (乡镇 + chr(31) + 村): the village id. */
  village: string;
  /** SQL over `$t`: the fund set (a row of imp_fund_sets: the funds a name may mean, as names repeat across levels). */
  fund: string;
  /** Creates imp_fund_sets (set_id, k, ids, levels) for the known fund names and codes. */
  fundSetsSql: string;
}


function enumLookup(keys: string[], values: string[], input: string, nullType: string): string {
  if (keys.length === 0) return `NULL::${nullType}`;
  return `([${values.join(', ')}]::${nullType}[])[enum_code(TRY_CAST(${input} AS ENUM(${keys.map(sqlString).join(', ')}))) + 1]`;
}

export async function knownLookups(conn: DuckDBConnection, fundChoices: Record<string, number> = {}): Promise<KnownLookups> {
  const rows = await connRows<{ field: string; k: string; id: number; level: string | null }>(conn, sqlFile('queries/import/lookup_known.sql'));
  const single = (field: string) => {
    const m = new Map<string, number>();
    for (const r of rows) if (r.field === field && !m.has(r.k)) m.set(r.k, r.id);
    return m;
  };
  const units = single('unit');
  const towns = single('town');
  const villages = single('village');
  const funds = new Map<string, { ids: number[]; levels: string[] }>();
  for (const r of rows.filter((r) => r.field === 'fund')) {
    const e = funds.get(r.k) ?? { ids: [], levels: [] };
    e.ids.push(r.id);
    e.levels.push(r.level!);
    funds.set(r.k, e);
  }
  // A name the user confirmed means that fund only.
  const levelOf = new Map(rows.filter((r) => r.field === 'fund').map((r) => [r.id, r.level!]));
  for (const [name, id] of Object.entries(fundChoices)) {
    if (levelOf.has(id)) funds.set(name.trim(), { ids: [id], levels: [levelOf.get(id)!] });
  }
  const fundKeys = [...funds.keys()];
  const sets = fundKeys.map((k, i) => `(${i}, ${sqlString(k)}, [${funds.get(k)!.ids.join(', ')}], [${funds.get(k)!.levels.map(sqlString).join(', ')}])`);
  return {
    unit: enumLookup([...units.keys()], [...units.values()].map(String), '$t', 'INTEGER'),
    town: enumLookup([...towns.keys()], [...towns.values()].map(String), '$t', 'INTEGER'),
    village: enumLookup([...villages.keys()], [...villages.values()].map(String), '$k', 'INTEGER'),
    fund: fundKeys.length ? `enum_code(TRY_CAST($t AS ENUM(${fundKeys.map(sqlString).join(', ')})))::INTEGER` : 'NULL::INTEGER',
    fundSetsSql: `CREATE OR REPLACE TEMP TABLE imp_fund_sets (set_id INTEGER, k VARCHAR, ids INTEGER[], levels VARCHAR[]);
${sets.length ? `INSERT INTO imp_fund_sets VALUES ${sets.join(', ')};` : ''}`,
  };
}
