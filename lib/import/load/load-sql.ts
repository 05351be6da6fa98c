import { sqlFile, sqlString } from '@/queries/sql';
import { mappedLookup, type LoadPlan } from './plan';
import { readCsvSql, cell, rowNumberSql } from './rows-sql';
import { contentHashExpr, keyExpr, rowKeyExpr } from './targets';
import type { TableColumn } from './view-sql';

/** SQL of the load steps whose column lists depend on the kind and the file (the fixed steps live in queries/import). */

const dataRows = 'NOT blank AND NOT sub';

const has = mappedLookup;

/**
 * The distinct texts the first pass could not resolve exactly (funds, units, and for payments the 文号 of rows
 * without 指标明细号), from data rows only: a 合计 line names no unit.
 */
export function namesSql(plan: LoadPlan): string {
  const parts: string[] = [];
  const add = (field: string, t: string, parent: string, where: string) =>
    parts.push(`SELECT DISTINCT '${field}' AS field, ${t} AS t, ${parent} AS parent_t FROM imp_rows WHERE ${dataRows} AND ${where}`);
  if (has(plan, 'fund')) add('fund', 't_fund', 'NULL::VARCHAR', 't_fund IS NOT NULL AND x_fund IS NULL');
  if (has(plan, 'unit')) add('unit', 't_unit', 'NULL::VARCHAR', 't_unit IS NOT NULL AND x_unit IS NULL');
  if (has(plan, 'town')) add('town', 't_town', 'NULL::VARCHAR', 't_town IS NOT NULL AND x_town IS NULL');
  if (has(plan, 'village')) add('village', 't_village', 't_town', 't_village IS NOT NULL AND x_village IS NULL');
  const body = parts.length
    ? parts.join('\nUNION ALL\n')
    : 'SELECT NULL::VARCHAR AS field, NULL::VARCHAR AS t, NULL::VARCHAR AS parent_t WHERE false';
  return `CREATE OR REPLACE TEMP TABLE imp_names AS ${body}`;
}

/** Writes the lookups' answers into the rows that needed them (few, usually; an UPDATE touches only those). */
export function applyLookupsSql(plan: LoadPlan): string[] {
  const out: string[] = [];
  if (has(plan, 'fund')) {
    // Names resolved by the lookup become fund sets of their own; the rest keep the lookup's reason.
    out.push(`INSERT INTO imp_fund_sets
      SELECT (SELECT coalesce(max(set_id), -1) FROM imp_fund_sets) + row_number() OVER (ORDER BY t), t, ids, levels
      FROM imp_fund_lookup WHERE len(ids) > 0`);
    out.push(`UPDATE imp_rows SET x_fund = s.set_id
      FROM imp_fund_sets s WHERE imp_rows.x_fund IS NULL AND imp_rows.t_fund = s.k`);
    out.push(...fundMissesSql(plan));
  }
  for (const id of ['unit', 'town'] as const) {
    if (has(plan, id)) {
      out.push(`UPDATE imp_rows SET x_${id} = l.id, e_${id} = l.reason
        FROM imp_unit_lookup l WHERE imp_rows.x_${id} IS NULL AND l.field = '${id}' AND imp_rows.t_${id} = l.t`);
    }
  }
  if (has(plan, 'village')) {
    out.push(`UPDATE imp_rows SET x_village = l.id, e_village = l.reason
      FROM imp_unit_lookup l WHERE imp_rows.x_village IS NULL AND l.field = 'village' AND imp_rows.t_village = l.t
        AND coalesce(imp_rows.t_town, '') = coalesce(l.parent_t, '')`);
  }
  return out;
}

/** A file with a 村 column but no 乡镇 column: its villages are found by name, or within their section's town. */
export const villageWithoutTown = (plan: LoadPlan) => has(plan, 'village') && !has(plan, 'town');

/**
 * For villageWithoutTown: a village found by its name (one village in the county has it, see lookup_units.sql) or in
 * its section (section_villages.sql) gives the row its town too (docs/project-lists.md).
 */
export function villageTownsSql(): string {
  return `UPDATE imp_rows SET x_town = u.parent_id
    FROM units u WHERE imp_rows.x_town IS NULL AND u.id = imp_rows.x_village`;
}

/**
 * The rows whose fund cell matches no fund at the row's 预算级次 get their reason, with candidates
 * (queries/import/fund_misses.sql over the distinct text and level pairs of the file; docs/fund-matching.md).
 */
function fundMissesSql(plan: LoadPlan): string[] {
  const level = plan.fields.some((f) => f.id === 'level') ? 'imp_rows.f_level' : 'NULL::VARCHAR';
  return [
    `CREATE OR REPLACE TEMP TABLE imp_fund_pairs AS
SELECT coalesce(imp_rows.t_fund, s.k) AS t, ${level} AS level, any_value(s.ids) AS ids, any_value(s.levels) AS levels, count(*) AS rows
FROM imp_rows LEFT JOIN imp_fund_sets s ON s.set_id = imp_rows.x_fund
WHERE ${dataRows} AND coalesce(imp_rows.t_fund, s.k) IS NOT NULL
GROUP BY 1, 2`,
    sqlFile('queries/import/fund_misses.sql'),
    `UPDATE imp_rows SET e_fund = m.reason
FROM imp_fund_misses m WHERE imp_rows.x_fund IS NULL AND imp_rows.t_fund = m.t AND ${level} IS NOT DISTINCT FROM m.level`,
    `UPDATE imp_rows SET e_fund = m.reason
FROM imp_fund_misses m JOIN imp_fund_sets s ON s.k = m.t WHERE imp_rows.x_fund = s.set_id AND ${level} IS NOT DISTINCT FROM m.level`,
  ];
}

/**
 * Payments without a 指标明细号: the (文号, fund) pairs to match, and the match written back. Matching is by the exact
 * 文号 and, when the row names a fund, that fund: exactly one indicator or none.
 */
export function docNamesSql(): string {
  return `CREATE OR REPLACE TEMP TABLE imp_doc_names AS
SELECT DISTINCT r.f_indicator_doc_no AS doc, r.x_fund AS fund_set, s.ids AS fund_ids
FROM imp_rows r LEFT JOIN imp_fund_sets s ON s.set_id = r.x_fund
WHERE NOT r.blank AND NOT r.sub AND r.f_indicator_id IS NULL AND r.f_indicator_doc_no IS NOT NULL`;
}

export function applyDocsSql(): string {
  return `UPDATE imp_rows SET x_doc_indicator = l.indicator_id
FROM imp_doc_lookup l
WHERE imp_rows.f_indicator_id IS NULL AND imp_rows.f_indicator_doc_no = l.doc AND coalesce(imp_rows.x_fund, -1) = coalesce(l.fund_set, -1)`;
}

/**
 * Keys that may need a duplicate check: those repeated inside the file (imp_dupkeys) and those already in the target
 * table (imp_existing, with the content hashes there). Both come from imp_rows directly, so the full row (view) is
 * computed only for the few candidate rows (imp_rows_cand).
 */
export function candidateKeysSql(plan: LoadPlan, columns: Map<string, TableColumn>, tableHasRows: boolean): string[] {
  const t = plan.target;
  // Grouping by a 64-bit hash of the key is cheaper than by the text; a collision only adds a candidate, and the
  // candidates are compared by their real keys below.
  const rowKeyHash = `hash(${rowKeyExpr(t, (c) => columns.get(c)?.type)})`;
  const key = keyExpr(t, 't.');
  return [
    `CREATE OR REPLACE TEMP TABLE imp_dupkeys AS
SELECT ${rowKeyHash} AS kh FROM imp_rows WHERE ${dataRows} GROUP BY kh HAVING count(*) > 1`,
    // A table without rows of this kind (a first import) has nothing to compare with.
    `CREATE OR REPLACE TEMP TABLE imp_existing AS
SELECT k AS key, list(DISTINCT h) AS hs, min(batch_id) AS batch_id FROM (
  SELECT ${key} AS k, ${contentHashExpr(t, 't.')} AS h, t.batch_id
  FROM ${t.table} t
  WHERE ${tableHasRows ? '' : 'false AND '}hash(${key}) IN (SELECT ${rowKeyHash} FROM imp_rows WHERE ${dataRows})
) GROUP BY k`,
    `CREATE OR REPLACE TEMP TABLE imp_rows_cand AS
SELECT ${rowNumberSql(plan)} AS rn, * FROM imp_rows
WHERE ${dataRows} AND ${rowKeyHash} IN (SELECT kh FROM imp_dupkeys UNION ALL SELECT hash(key) FROM imp_existing)`,
  ];
}

/** Whether the target table holds any row. */
export function tableHasRowsSql(plan: LoadPlan): string {
  const t = plan.target;
  return `SELECT EXISTS (SELECT 1 FROM ${t.table}) AS has_rows`;
}

const accepted = 'FROM imp_view v ANTI JOIN imp_outcome o ON o.rn = v.rn WHERE v.ok';

/** The accepted rows into the target table, stamped with the batch. */
export function insertSql(plan: LoadPlan): string {
  const t = plan.target;
  const cols = t.columns.map((c) => c.name);
  const id = t.generatedId;
  return `INSERT INTO ${t.table} (${[...(id ? [id] : []), ...cols, 'batch_id'].join(', ')})
SELECT ${id ? `(SELECT coalesce(max(${id}), 0) FROM ${t.table}) + row_number() OVER (ORDER BY v.rn), ` : ''}${cols.map((c) => `v.${c}`).join(', ')}, $batch
${accepted}`;
}

/** The unit columns of the target, for creating only the new units that accepted rows use. */
export function usedUnitsSql(plan: LoadPlan): string | null {
  const cols = plan.target.columns.map((c) => c.name).filter((c) => ['unit_id', 'town_id', 'village_id'].includes(c));
  if (cols.length === 0) return null;
  return `CREATE OR REPLACE TEMP TABLE imp_used_units AS
SELECT DISTINCT id FROM (SELECT unnest([${cols.map((c) => `v.${c}`).join(', ')}]) AS id ${accepted})
WHERE id IN (SELECT id FROM imp_new_units)`;
}

/** The source columns and their fields, so a reject names the column as the file writes it. */
export function columnsSql(plan: LoadPlan): string {
  const rows = plan.mapping.columns
    .filter((c) => c.field)
    .map((c) => `(${sqlString(c.field!.id)}, ${c.index + 1}, ${sqlString(c.rawHeader)})`);
  return `CREATE OR REPLACE TEMP TABLE imp_columns AS
SELECT * FROM (VALUES ${rows.join(', ')}) v(field, idx, raw_header)`;
}

/**
 * The raw cells of every record, read again: only when a row the first pass found clean must be reported (a key
 * conflict). A pure projection, so rowid lines up with imp_rows.
 */
export function rawRereadSql(plan: LoadPlan, parallel: boolean): string[] {
  const cells = plan.source.headers.map((_, i) => cell(i)).join(', ');
  return [
    `CREATE OR REPLACE TEMP TABLE imp_raw_read AS SELECT [${cells}] AS raw FROM ${readCsvSql(plan.source, parallel, false)}`,
    // Inside a transaction a new table's rowids start at a large offset; they are still consecutive, in file order.
    `CREATE OR REPLACE TEMP TABLE imp_raw AS
     SELECT rowid - (SELECT min(rowid) FROM imp_raw_read) + ${plan.source.firstDataRow} AS rn, raw FROM imp_raw_read
     WHERE (SELECT max(rowid) - min(rowid) + 1 = count(*) FROM imp_raw_read)`,
  ];
}

/** Every problem of every rejected row, with its raw cell and the whole raw row (JSON array) so nothing is lost. */
export function rejectsSql(plan: LoadPlan, reread: boolean): string {
  const raw = reread ? 'coalesce(e.raw, x.raw)' : 'e.raw';
  return `INSERT INTO import_rejects (batch_id, row_no, column_name, raw_value, reason, raw_row)
WITH e AS (
  SELECT rn, raw, struct_extract(x, 'field') AS field, struct_extract(x, 'reason') AS reason, 0 AS ord
  FROM (SELECT rn, raw, unnest(errs) AS x FROM imp_view WHERE errs IS NOT NULL)
  UNION ALL
  SELECT o.rn, v.raw, ${sqlString(plan.target.keyField)}, o.reason, 1 FROM imp_outcome o JOIN imp_view v ON v.rn = o.rn WHERE o.outcome = 'conflict'
)
SELECT $batch, e.rn, c.raw_header, CASE WHEN c.idx IS NOT NULL THEN (${raw})[c.idx] END, e.reason, to_json(${raw})::VARCHAR
FROM e LEFT JOIN imp_columns c ON c.field = e.field
${reread ? 'LEFT JOIN imp_raw x ON x.rn = e.rn' : ''}
ORDER BY e.rn, e.ord, c.idx NULLS FIRST`;
}
