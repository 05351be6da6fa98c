import { sqlString } from '@/queries/sql';
import type { SourceInfo } from '../types';
import { fieldErrorSql, LOOKUP_FIELDS } from './field-sql';
import type { KnownLookups } from './lookup-enums';
import { isLookup, mappedLookup, type LoadPlan } from './plan';

/**
 * The importer's first pass: ONE read of the data records, every cell parsed and checked in the same projection, into
 * the temp table imp_rows. It is a pure projection of read_csv (no join, no subquery, no IN list, no filter), so
 * DuckDB keeps the file's order and imp_rows.rowid is the record's position: Excel row = firstDataRow + rowid
 * (rowNumberSql; imp_rows gets only in-place updates of plain columns after, so the rowids stay, see rowOrderCheckSql).
 *
 * Stored per field: f_<id> (the typed value; NULL when the cell is empty or unreadable). Lookups (资金, 单位, 乡镇, 村)
 * store x_<id> (the id, when the text is a known name exactly: a hash lookup, see lookup-enums.ts), and their text t_<id>
 * only where that failed, plus an empty e_<id> (and x_doc_indicator) the lookups fill in later. The other fields'
 * problems are one list, errs0 ({field, reason}; NULL for a good row). Row flags: blank (no cell), sub (a 小计/合计/总计 line) with total_kind,
 * extra (cells beyond the header). raw (the row's cells) is kept only for rows that may be reported.
 */

/** Spare column past the header: a record with more cells than the header shows up there instead of being cut. */
const EXTRA = 'x_extra';

export const cell = (index: number) => `c${index + 1}`;
const or = (parts: string[]) => (parts.length ? `coalesce(${parts.join(' OR ')}, false)` : 'false');

/**
 * DuckDB's CSV buffer for the importer's reads. Keeping the file's order (the first pass must) costs little with
 * large buffers and much with the default: 1M payments, 2 threads, DuckDB 1.5.6: 1.54 s with the default, 1.35 s with
 * 32 MB, the same as not keeping the order at all.
 */
export const CSV_BUFFER_SIZE = 32 << 20;

/** read_csv's new_line takes the line break written as an escape ('\\r\\n'), not the characters themselves. */
const NEW_LINE: Record<NonNullable<SourceInfo['newLine']>, string> = { '\n': '\\n', '\r\n': '\\r\\n', '\r': '\\r' };

export function readCsvSql(source: SourceInfo, parallel: boolean, extra = true): string {
  const columns = [...source.headers.map((_, i) => cell(i)), ...(extra ? [EXTRA] : [])].map((c) => `'${c}': 'VARCHAR'`).join(', ');
  const newLine = source.newLine ? `, new_line = '${NEW_LINE[source.newLine]}'` : '';
  return `read_csv(${sqlString(source.dataCsvPath)}, header = false, skip = ${source.skipLines}, auto_detect = false,
    all_varchar = true, null_padding = true, parallel = ${parallel}, delim = ${sqlString(source.delimiter)}, quote = '"', escape = '"',
    encoding = 'utf-8', buffer_size = ${CSV_BUFFER_SIZE}${newLine}, columns = {${columns}})`;
}

export function rowsSql(plan: LoadPlan, known: KnownLookups, parallel: boolean): string {
  const { source, mapping, fields, sql, target } = plan;
  const cells = source.headers.map((_, i) => cell(i));
  const col = (id: string) => mapping.byField.get(id);
  const has = (id: string) => mappedLookup(plan, id);

  // Text-like fields (text, code, labelled values and the lookups): trimmed to t_<id>, through the first code point
  // o_<id> (computed once: the trim and the code tests both start from it).
  const textish = fields.filter((f) => col(f.id) && sql.get(f.id)!.role !== 'typed');
  // Label cells, where a 小计/合计/总计 line writes its word: the first mapped text or code column of the file and the
  // key's column. Not every text column: a payment whose 用途 begins with "合计" is data, and each tested column costs
  // every row its tests.
  const textCols = fields.filter((f) => col(f.id) && (f.type === 'text' || f.type === 'code'))
    .sort((a, b) => col(a.id)!.index - col(b.id)!.index);
  const labels = textCols.filter((f, i) => i === 0 || f.id === target.keyField);
  const keyEmpty = col(target.keyField) ? `t_${target.keyField} IS NULL` : 'true';
  const all = `concat_ws('|', ${cells.join(', ')})`;
  const lookups = LOOKUP_FIELDS.filter((id) => has(id));
  // The exact lookups, over a text (`$t`) or, for the village, over 乡镇 + chr(31) + 村.
  const exact = (id: (typeof LOOKUP_FIELDS)[number], text: (f: string) => string): string => {
    if (id === 'village') return known.village.replaceAll('$k', `coalesce(${has('town') ? text('town') : 'NULL::VARCHAR'}, '') || chr(31) || ${text('village')}`);
    return known[id].replaceAll('$t', text(id));
  };
  const rawCell = (id: string) => cell(col(id)!.index);

  // Level 1: the cells, flags, typed values (straight from the raw cell: the casts tolerate spaces), the first code
  // point of every text-like cell, and the lookups of the cells as written (x0_: a known name needs no trim).
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
  }
  for (const f of textish) l1.push(`ord(${cell(col(f.id)!.index)}) AS o_${f.id}`);
  for (const id of lookups) l1.push(`${exact(id, rawCell)} AS x0_${id}`);

  // Level 2: the trimmed texts. A cell whose first code point is no space and whose end is none either is its own
  // text (imp_text_o); a lookup cell that is a known name as written is too.
  const l2: string[] = [];
  for (const f of fields) {
    const s = sql.get(f.id)!;
    if (s.role === 'typed') continue;
    const c = col(f.id);
    if (!c) l2.push(`NULL::VARCHAR AS t_${f.id}`);
    else if (s.role === 'lookup') l2.push(`CASE WHEN x0_${f.id} IS NOT NULL THEN ${cell(c.index)} ELSE imp_text_o(${cell(c.index)}, o_${f.id}) END AS t_${f.id}`);
    else l2.push(`imp_text_o(${cell(c.index)}, o_${f.id}) AS t_${f.id}`);
  }

  // Level 3: texty values, lookups of the trimmed texts where the cells as written missed, and the 小计/合计/总计 test:
  // a label cell starting with it, or an empty key with the word anywhere. The first-character test keeps the regular
  // expressions off the ordinary rows. (Measured: one list_contains per cell costs less than any chain of comparisons
  // on the first code points; DuckDB pays for each node of an expression, per row.)
  const l3: string[] = [
    `CASE WHEN NOT ${or(labels.map((f) => `imp_total_start(t_${f.id})`))} AND NOT ${keyEmpty} THEN false
      ELSE ${or(labels.map((f) => `imp_total_label(t_${f.id})`))} OR (${keyEmpty} AND imp_total_word(${all})) END AS sub`,
  ];
  for (const f of fields) {
    const s = sql.get(f.id)!;
    if (s.role !== 'texty') continue;
    const c = col(f.id);
    // A code whose cell starts with neither a space, ' nor = and holds no E is its trimmed text (imp_code_o).
    const value = c ? s.value.replaceAll('imp_code($t)', `imp_code_o($t, o_${f.id}, ${cell(c.index)})`).replaceAll('$t', `t_${f.id}`) : `NULL::${s.sqlType}`;
    l3.push(`${value} AS f_${f.id}`);
  }
  for (const id of LOOKUP_FIELDS) l3.push(`${has(id) ? `coalesce(x0_${id}, ${exact(id, (x) => `t_${x}`)})` : 'NULL::INTEGER'} AS x_${id}`);

  // Level 4: whether a texty or typed field of the row may have a problem (bad: cheap tests on the values, true for
  // every problem and for a few harmless cells, such as an optional cell of spaces), and the problems themselves
  // (errs0, a list of {field, reason}; NULL for a good row), worked out only for the rows that are bad. Lookup
  // problems are found after the lookups.
  const checked = fields.filter((f) => col(f.id) && sql.get(f.id)!.role !== 'lookup');
  const bads: string[] = [];
  const items: string[] = [];
  for (const f of checked) {
    const s = sql.get(f.id)!;
    const c = cell(col(f.id)!.index);
    const parts: string[] = [];
    if (s.role === 'texty') {
      const t = `t_${f.id}`;
      if (f.required) parts.push(`${t} IS NULL`);
      if (s.value !== '$t') parts.push(`(${t} IS NOT NULL AND f_${f.id} IS NULL)`);
      if (s.check) parts.push(`(${s.check.replaceAll('$t', t)}) IS NOT NULL`);
    } else {
      if (f.required) parts.push(`${c} IS NULL`);
      parts.push(`(${c} IS NOT NULL AND f_${f.id} IS NULL)`);
      if (s.check) parts.push(`(${s.check.replaceAll('$t', c)}) IS NOT NULL`);
    }
    if (parts.length === 0) continue;
    bads.push(parts.join(' OR '));
    items.push(`{'field': ${sqlString(f.id)}, 'reason': ${fieldErrorSql(f, s, c)}}`);
  }
  const bad = or(bads.map((b) => `(${b})`));
  const list = `list_filter([${items.join(',\n      ')}], x -> x.reason IS NOT NULL)`;
  const errs0 = items.length
    ? `CASE WHEN bad THEN CASE WHEN len(${list}) > 0 THEN ${list} END END`
    : `NULL::STRUCT(field VARCHAR, reason VARCHAR)[]`;
  const lookupMiss = lookups.map((id) => `(t_${id} IS NOT NULL AND x_${id} IS NULL)`);
  const requiredLookupEmpty = lookups.filter((id) => fields.find((f) => f.id === id)!.required).map((id) => `t_${id} IS NULL`);
  const reportable = or(['sub', 'extra', 'bad', ...lookupMiss, ...requiredLookupEmpty]);
  // Lookup texts only where the first pass could not resolve them (the resolved ones are not needed again); the town
  // text also where the village missed (a village is found within its town's name).
  const lookupOut = LOOKUP_FIELDS.filter((id) => isLookup(plan, id)).map((id) =>
    id === 'town' && has('village')
      ? `CASE WHEN x_town IS NULL OR (x_village IS NULL AND t_village IS NOT NULL) THEN t_town END AS t_town`
      : `CASE WHEN x_${id} IS NULL THEN t_${id} END AS t_${id}`);

  // Texty fields keep only their value (f_); the trimmed text was needed for the checks alone.
  const dropped = [
    ...cells, 'bad',
    ...textish.map((f) => `o_${f.id}`), ...lookups.map((id) => `x0_${id}`),
    ...fields.filter((f) => sql.get(f.id)!.role !== 'typed').map((f) => `t_${f.id}`),
  ];
  // The columns the lookups fill in later, empty now.
  const later = [...LOOKUP_FIELDS.filter((id) => isLookup(plan, id)).map((id) => `NULL::VARCHAR AS e_${id}`), 'NULL::VARCHAR AS x_doc_indicator'];
  return `CREATE OR REPLACE TEMP TABLE imp_rows AS
SELECT * EXCLUDE (${dropped.join(', ')}),
  ${lookupOut.length ? `${lookupOut.join(',\n  ')},` : ''}
  ${later.join(', ')},
  ${errs0} AS errs0,
  CASE WHEN NOT blank AND ${reportable} THEN [${cells.join(', ')}] END AS raw,
  CASE WHEN sub THEN CASE WHEN regexp_matches(${all}, '小[\\s　]*计') THEN 'sub'
                          WHEN regexp_matches(${all}, '总[\\s　]*计') THEN 'grand' ELSE 'total' END END AS total_kind
FROM (
  SELECT *, ${bad} AS bad
  FROM (
    SELECT *,
      ${l3.join(',\n      ')}
    FROM (
      SELECT *${l2.length ? `,\n        ${l2.join(',\n        ')}` : ''}
      FROM (
        SELECT ${l1.join(',\n          ')}
        FROM ${readCsvSql(source, parallel)}
      )
    )
  )
)`;
}

/**
 * imp_rows.rowid is the record's position (the first pass is a pure projection of the file, in order): Excel row =
 * firstDataRow + rowid. It stays so because imp_rows only ever gets in-place UPDATEs of plain (not list) columns;
 * this checks it before anything is reported (a moved row would get a new rowid past the end).
 */
export function rowOrderCheckSql(): string {
  return 'SELECT count(*) = coalesce(max(rowid) + 1, 0) AND coalesce(min(rowid), 0) = 0 AS ok FROM imp_rows';
}

/** Excel row number of an imp_rows row (`alias.` optional). */
export const rowNumberSql = (plan: LoadPlan, alias = '') => `${alias}rowid + ${plan.source.firstDataRow}`;

/** DuckDB's parallel CSV reader refuses null_padding with line breaks inside quotes; such files are read serially. */
export function needsSerialRead(error: unknown): boolean {
  return error instanceof Error && /quoted new ?lines|parallel=false/i.test(error.message);
}
