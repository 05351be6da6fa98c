import type { SourceInfo } from '../types';
import { fieldErrorSql, LOOKUP_FIELDS } from './field-sql';
import type { KnownLookups } from './lookup-enums';
import { isLookup, mappedLookup, type LoadPlan } from './plan';

/**
 * The importer's first pass: ONE read of the data records, every cell parsed and checked in the same projection, into
 * the temp table imp_rows. It is a pure projection of read_csv (no join, no subquery, no IN list, no filter), so
 * DuckDB keeps the file's order and imp_rows.rowid is the record's position: Excel row = firstDataRow + rowid.
 *
 * Stored per field: f_<id> (the typed value; NULL when the cell is empty or unreadable). Lookups (资金, 单位, 乡镇, 村)
 * store x_<id> (the id, when the text is a known name exactly: a hash lookup, see lookup-enums.ts), and their text t_<id>
 * only where that failed, plus an empty e_<id> the lookups fill in later. The other fields' problems are one list,
 * errs0 ({field, reason}; NULL for a good row). Row flags: blank (no cell), sub (a 小计/合计/总计 line) with total_kind,
 * extra (cells beyond the header). raw (the row's cells) is kept only for rows that may be reported.
 */

/** Spare column past the header: a record with more cells than the header shows up there instead of being cut. */
const EXTRA = 'x_extra';

export const cell = (index: number) => `c${index + 1}`;
const str = (s: string) => `'${s.replace(/'/g, "''")}'`;
const or = (parts: string[]) => (parts.length ? `coalesce(${parts.join(' OR ')}, false)` : 'false');

export function readCsvSql(source: SourceInfo, parallel: boolean, extra = true): string {
  const columns = [...source.headers.map((_, i) => cell(i)), ...(extra ? [EXTRA] : [])].map((c) => `'${c}': 'VARCHAR'`).join(', ');
  return `read_csv(${str(source.dataCsvPath)}, header = false, skip = ${source.skipLines}, auto_detect = false,
    all_varchar = true, null_padding = true, parallel = ${parallel}, delim = ${str(source.delimiter)}, quote = '"', escape = '"',
    encoding = 'utf-8', columns = {${columns}})`;
}

export function rowsSql(plan: LoadPlan, known: KnownLookups, parallel: boolean): string {
  const { source, mapping, fields, sql, target } = plan;
  const cells = source.headers.map((_, i) => cell(i));
  const col = (id: string) => mapping.byField.get(id);

  // Level 1: flags, trimmed texts, typed values.
  // Label cells: the mapped text and code columns, trimmed ("合计" usually sits in the first of them).
  const labels = fields.filter((f) => col(f.id) && (f.type === 'text' || f.type === 'code')).map((f) => `t_${f.id}`);
  const keyEmpty = col(target.keyField) ? `t_${target.keyField} IS NULL` : 'true';
  const all = `concat_ws('|', ${cells.join(', ')})`;
  const l1 = [
    ...cells,
    // Most rows have their first cell: only the others need the look at every cell.
    `CASE WHEN ${cells[0]} IS NOT NULL THEN false ELSE coalesce(${[...cells, EXTRA].join(', ')}) IS NULL END AS blank`,
    `${EXTRA} IS NOT NULL AS extra`,
  ];
  for (const f of fields) {
    const s = sql.get(f.id)!;
    const c = col(f.id);
    if (s.role === 'typed') l1.push(`${c ? s.value.replaceAll('$c', cell(c.index)) : `NULL::${s.sqlType}`} AS f_${f.id}`);
    else l1.push(`${c ? `imp_text(${cell(c.index)})` : 'NULL::VARCHAR'} AS t_${f.id}`);
  }

  // Level 2: texty values and exact lookups; 小计/合计/总计: a label cell starting with it, or an empty key with the
  // word anywhere. The first-character test keeps the regular expressions off the ordinary rows.
  const l2: string[] = [
    `CASE WHEN NOT ${or(labels.map((t) => `imp_total_start(${t})`))} AND NOT ${keyEmpty} THEN false
      ELSE ${or(labels.map((t) => `imp_total_label(${t})`))} OR (${keyEmpty} AND imp_total_word(${all})) END AS sub`,
  ];
  for (const f of fields) {
    const s = sql.get(f.id)!;
    if (s.role === 'texty') l2.push(`${col(f.id) ? s.value.replaceAll('$t', `t_${f.id}`) : `NULL::${s.sqlType}`} AS f_${f.id}`);
  }
  const has = (id: string) => mappedLookup(plan, id);
  l2.push(`${has('unit') ? known.unit.replaceAll('$t', 't_unit') : 'NULL::INTEGER'} AS x_unit`);
  l2.push(`${has('town') ? known.town.replaceAll('$t', 't_town') : 'NULL::INTEGER'} AS x_town`);
  l2.push(`${has('village') ? known.village.replaceAll('$k', `coalesce(t_town, '') || chr(31) || t_village`) : 'NULL::INTEGER'} AS x_village`);
  l2.push(`${has('fund') ? known.fund.replaceAll('$t', 't_fund') : 'NULL::INTEGER'} AS x_fund`);

  // Level 3: errors of texty and typed fields; lookup errors are filled in after the lookups.
  const l3: string[] = [];
  const errorCols: { id: string; col: string }[] = [];
  for (const f of fields) {
    const s = sql.get(f.id)!;
    const c = col(f.id);
    if (s.role !== 'lookup' && c) {
      l3.push(`${fieldErrorSql(f, s, cell(c.index))} AS e_${f.id}`);
      errorCols.push({ id: f.id, col: `e_${f.id}` });
    }
  }

  // Level 4: the errors as one list (NULL for a good row), the raw cells of rows that may be reported, and a lookup
  // text only where the first pass could not resolve it (the resolved ones are not needed again).
  const anyError = or(errorCols.map((e) => `${e.col} IS NOT NULL`));
  const errs0 = errorCols.length
    ? `CASE WHEN ${anyError} THEN list_filter([${errorCols.map((e) => `CASE WHEN ${e.col} IS NOT NULL THEN {'field': ${str(e.id)}, 'reason': ${e.col}} END`).join(', ')}], x -> x IS NOT NULL) END`
    : `NULL::STRUCT(field VARCHAR, reason VARCHAR)[]`;
  const lookupMiss = LOOKUP_FIELDS.filter((id) => has(id)).map((id) => `(t_${id} IS NOT NULL AND x_${id} IS NULL)`);
  const requiredLookupEmpty = LOOKUP_FIELDS.filter((id) => has(id) && fields.find((f) => f.id === id)!.required).map((id) => `t_${id} IS NULL`);
  const reportable = or(['sub', 'extra', anyError, ...lookupMiss, ...requiredLookupEmpty]);
  // (The town text stays for every row when there are villages: a village is found within its town's name.)
  const lookupOut = LOOKUP_FIELDS.filter((id) => isLookup(plan, id))
    .map((id) => (id === 'town' && has('village') ? 't_town' : `CASE WHEN x_${id} IS NULL THEN t_${id} END AS t_${id}`));

  // Texty fields keep only their value (f_); the trimmed text and the single errors were needed for the checks alone.
  const dropped = [
    ...cells, ...errorCols.map((e) => e.col),
    ...fields.filter((f) => sql.get(f.id)!.role !== 'typed').map((f) => `t_${f.id}`),
  ];
  return `CREATE OR REPLACE TEMP TABLE imp_rows AS
SELECT * EXCLUDE (${dropped.join(', ')}),
  ${lookupOut.length ? `${lookupOut.join(',\n  ')},` : ''}
  ${errs0} AS errs0,
  CASE WHEN NOT blank AND ${reportable} THEN [${cells.join(', ')}] END AS raw,
  CASE WHEN sub THEN CASE WHEN regexp_matches(${all}, '小[\\s　]*计') THEN 'sub'
                          WHEN regexp_matches(${all}, '总[\\s　]*计') THEN 'grand' ELSE 'total' END END AS total_kind
FROM (
  SELECT *${l3.length ? `,\n    ${l3.join(',\n    ')}` : ''}
  FROM (
    SELECT *,
      ${l2.join(',\n      ')}
    FROM (
      SELECT ${l1.join(',\n        ')}
      FROM ${readCsvSql(source, parallel)}
    )
  )
)`;
}

/**
 * After the first pass: each record's Excel row number, fixed as a column (an UPDATE of a list column later moves a
 * row to a new rowid), and the empty columns the lookups fill in (added now, not carried through the read).
 */
export function afterFirstPassSql(plan: LoadPlan): string[] {
  const lookups = LOOKUP_FIELDS.filter((id) => isLookup(plan, id));
  return [
    'ALTER TABLE imp_rows ADD COLUMN rn BIGINT',
    `UPDATE imp_rows SET rn = rowid + ${plan.source.firstDataRow}`,
    ...lookups.map((id) => `ALTER TABLE imp_rows ADD COLUMN e_${id} VARCHAR`),
    'ALTER TABLE imp_rows ADD COLUMN x_doc_indicator VARCHAR',
  ];
}

/** DuckDB's parallel CSV reader refuses null_padding with line breaks inside quotes; such files are read serially. */
export function needsSerialRead(error: unknown): boolean {
  return error instanceof Error && /quoted new ?lines|parallel=false/i.test(error.message);
}
