import { sqlString } from '@/queries/sql';
import { LOOKUP_FIELDS } from './field-sql';
import { mappedLookup, type LoadPlan } from './plan';
import { contentHashExpr, keyExpr } from './targets';
import { rowNumberSql } from './rows-sql';

/** How a row touching another section's fund or indicator is refused: nothing of that fund or row is named. */
const TO_ADMIN = '如确需导入，请交信息中心处理';
const NOT_OWN = `不属于本股室管理的资金，股室不能导入；${TO_ADMIN}`;

export interface TableColumn {
  name: string;
  type: string;
  notNull: boolean;
}

/**
 * Which fund a cell means: names repeat across 中央/省/市/县, so a row with a 预算级次 takes the one fund of its level
 * (none when the name has no fund or several at that level: a 省 row never takes a 市 fund); a row without one takes
 * the name's only fund (docs/fund-matching.md).
 */
function fundPick(hasLevel: boolean): string {
  const single = 'CASE WHEN len(x_fund_ids) = 1 THEN x_fund_ids[1] END';
  if (!hasLevel) return single;
  return `CASE WHEN f_level IS NULL THEN ${single}
      WHEN len(list_filter(x_fund_levels, l -> l = f_level)) = 1 THEN x_fund_ids[list_position(x_fund_levels, f_level)] END`;
}

/**
 * The section check (an import by a 股室 user, options.sectionId; the rule is docs/import-limits.md): the reason a row
 * may not be imported by that section (e_section, NULL when fine) and the field it is reported against
 * (e_section_field), over the CTE `b` of the view joined to imp_sec_fund (sf), imp_sec_ind (si), imp_sec_set (ss) and
 * imp_sec_claimed (sc) of queries/import/section.sql. A row touching another section's fund or indicator gets one
 * message that describes nothing of it (no fund, no amount): the user sees only what the file itself says.
 */
function sectionSql(plan: LoadPlan): { joins: string; reason: string; field: string } {
  const sec = plan.options.sectionId!;
  const other = `'${NOT_OWN}'`;
  const mapped = (id: string) => mappedLookup(plan, id);
  // A fund error the row already has (unknown, ambiguous or empty fund) explains it better than "cannot establish".
  const fundError = mapped('fund') ? 'e_fund IS NOT NULL' : 'false';
  const unknownIndicator = (id: string) => `'指标明细号“' || ${id} || '”不在指标台账中：股室只能引用本股室资金已有的指标，请先导入指标台账'`;
  switch (plan.kind) {
    case 'indicators':
      return {
        joins: 'LEFT JOIN imp_sec_fund sf ON sf.fund_id = b.fund_id LEFT JOIN imp_sec_claimed sc ON sc.id = b.f_id',
        // A new 指标明细号 that rows already in the database name (an admin's payments, say) would make them this
        // section's spending: such an id is the admin's to create.
        reason: `CASE WHEN b.fund_id IS NULL THEN CASE WHEN NOT (${fundError}) THEN '无法确认资金所属股室：本行没有资金名称' END
          WHEN sf.section_id IS DISTINCT FROM ${sec} THEN ${other}
          WHEN sc.id IS NOT NULL THEN '指标明细号“' || b.f_id || '”已被库中其他数据引用，不能由股室新建；${TO_ADMIN}' END`,
        field: `CASE WHEN sc.id IS NOT NULL AND sf.section_id = ${sec} THEN 'id' ELSE 'fund' END`,
      };
    case 'payouts':
      return {
        joins: 'LEFT JOIN imp_sec_fund sf ON sf.fund_id = b.fund_id',
        reason: `CASE WHEN b.fund_id IS NULL THEN CASE WHEN NOT (${fundError}) THEN '无法确认资金所属股室：本行没有资金名称' END
          WHEN sf.section_id IS DISTINCT FROM ${sec} THEN ${other} END`,
        field: `'fund'`,
      };
    case 'allocations':
      return {
        joins: 'LEFT JOIN imp_sec_ind si ON si.id = b.f_indicator_id',
        // An empty 指标明细号 is already a reason (a required field).
        reason: `CASE WHEN b.f_indicator_id IS NULL THEN NULL
          WHEN si.id IS NULL THEN ${unknownIndicator('b.f_indicator_id')}
          WHEN si.section_id <> ${sec} THEN ${other} END`,
        field: `'indicator_id'`,
      };
    case 'payments': {
      const ind = `coalesce(b.f_indicator_id, b.x_doc_indicator)`;
      const set = mapped('fund');
      return {
        joins: `LEFT JOIN imp_sec_ind si ON si.id = ${ind}${set ? ' LEFT JOIN imp_sec_set ss ON ss.set_id = b.x_fund' : ''}`,
        // The indicator decides when it is known. A 明细号 the ledger does not have is refused whatever the 资金名称
        // says: stored, it would count for whichever section's fund that id is later created under. Without a 明细号
        // (and no 文号 match) the payment's own 资金名称 decides, when all the funds it may mean belong to one section.
        reason: `CASE WHEN si.id IS NOT NULL THEN CASE WHEN si.section_id <> ${sec} THEN ${other} END
          WHEN b.f_indicator_id IS NOT NULL THEN ${unknownIndicator('b.f_indicator_id')}
          ${set ? `WHEN ss.set_id IS NOT NULL THEN CASE
            WHEN len(ss.sections) > 1 THEN '无法确认资金所属股室：资金名称“' || ss.label || '”在不同预算级次下归不同股室管理，请填写指标明细号'
            WHEN ss.sections[1] <> ${sec} THEN ${other} END
          WHEN ${fundError} THEN NULL` : ''}
          ELSE '无法确认资金所属股室：指标明细号、指标文号${set ? '和资金名称' : ''}都不能确定资金' END`,
        field: `CASE WHEN si.id IS NOT NULL THEN CASE WHEN b.f_indicator_id IS NULL THEN 'indicator_doc_no' ELSE 'indicator_id' END
          WHEN b.f_indicator_id IS NOT NULL THEN 'indicator_id'
          ${set ? `WHEN ss.set_id IS NOT NULL THEN 'fund'` : ''}
          ELSE '_row' END`,
      };
    }
    default:
      // Refused before reading (section.ts); never reached.
      throw new Error(`股室用户不能导入 ${plan.kind}`);
  }
}

/**
 * imp_view: the rows of imp_rows (blank records left out) as the target table will hold them, with their Excel row
 * number (rn), what is wrong with them (errs, a list of {field, reason}; NULL when fine), whether they may be loaded
 * (ok), their key and content hash. A view, not a table: each later step reads only the columns it needs. Over imp_rows
 * the row number is the rowid's (rowNumberSql); another base (imp_rows_cand) carries it as the column rn.
 */
export function viewSql(plan: LoadPlan, tableColumns: Map<string, TableColumn>, base = 'imp_rows', name = 'imp_view'): string {
  const { fields, target, kind } = plan;
  const mapped = (id: string) => mappedLookup(plan, id);
  // Payments use the fund only to find indicators (done before); the others store it and need its candidates here.
  const fundJoin = mapped('fund') && kind !== 'payments';
  const hasLevel = fields.some((f) => f.id === 'level');

  // Errors of the lookup fields, now that the lookups are done (x_ filled, e_ holding the lookup's reason).
  const lookupErrors = LOOKUP_FIELDS.filter(mapped).map((id) => {
    const f = fields.find((x) => x.id === id)!;
    const empty = f.required ? `'必填字段为空'` : 'NULL';
    if (id === 'fund') {
      // A payment only uses the fund to find its indicator by 文号, so several candidates are fine there.
      // e_fund holds fund_misses.sql's reason where the name has no fund at the row's level.
      const ambiguous = kind === 'payments' ? '' : `
        WHEN fund_id IS NULL AND ${hasLevel ? 'f_level IS NOT NULL' : 'false'} THEN '资金名称在' || imp_level_label(f_level)
          || '级目录中有多个同名资金，请改用资金代码（如 city-7）：' || coalesce(t_fund, x_fund_text)
        WHEN fund_id IS NULL THEN '资金名称在多个预算级次下都有（'
          || array_to_string(list_transform(x_fund_levels, l -> imp_level_label(l)), '、')
          || '），请填写预算级次，或改用资金代码（如 central-22）：' || coalesce(t_fund, x_fund_text)`;
      return `CASE WHEN x_fund IS NULL AND t_fund IS NULL THEN ${empty}
        WHEN e_fund IS NOT NULL THEN e_fund
        WHEN x_fund IS NULL THEN '资金不在目录中：' || t_fund${ambiguous} END AS e_fund`;
    }
    return `CASE WHEN x_${id} IS NOT NULL THEN NULL WHEN t_${id} IS NULL THEN ${empty} ELSE coalesce(e_${id}, '无法识别：' || t_${id}) END AS e_${id}`;
  });
  // The lookup fields' errors are columns of the view; all other fields' errors are already in errs0 (first pass).
  const lookupIds = LOOKUP_FIELDS.filter(mapped);

  const cast = (c: { name: string; expr: string }) => {
    const type = tableColumns.get(c.name)?.type;
    return `${type ? `CAST(${c.expr} AS ${type})` : c.expr} AS ${c.name}`;
  };
  // Columns the table declares NOT NULL never reach the insert empty: a row that cannot fill one is rejected.
  const fieldOfColumn = (name: string) => fields.find((f) => `f_${f.id}` === target.columns.find((c) => c.name === name)?.expr);
  const notNull = target.columns.filter((c) => tableColumns.get(c.name)?.notNull);
  const section = plan.options.sectionId !== undefined ? sectionSql(plan) : null;
  const fieldsOk = ['NOT extra', 'errs0 IS NULL', ...lookupIds.map((id) => `e_${id} IS NULL`), ...(section ? ['e_section IS NULL'] : [])].join(' AND ');
  const allOk = [fieldsOk, ...notNull.map((c) => `${c.name} IS NOT NULL`)].join(' AND ');
  const errItems = [
    `CASE WHEN extra THEN {'field': '_row', 'reason': '本行的数据列比表头多（可能有未加引号的逗号），请检查后重新导入'} END`,
    ...lookupIds.map((id) => `CASE WHEN e_${id} IS NOT NULL THEN {'field': ${sqlString(id)}, 'reason': e_${id}} END`),
    ...(section ? [`CASE WHEN e_section IS NOT NULL THEN {'field': e_section_field, 'reason': e_section} END`] : []),
    ...notNull.map((c) => {
      const f = fieldOfColumn(c.name);
      return `CASE WHEN ${fieldsOk} AND ${c.name} IS NULL THEN {'field': ${sqlString(f?.id ?? '_row')}, 'reason': ${sqlString(`无法确定“${f?.label ?? c.name}”`)}} END`;
    }),
  ];
  const amount = target.amountField ? `f_${target.amountField}` : 'NULL::DECIMAL(18,2)';

  return `CREATE OR REPLACE TEMP VIEW ${name} AS
WITH f AS (
  SELECT r.*${base === 'imp_rows' ? `, ${rowNumberSql(plan, 'r.')} AS rn` : ''}${fundJoin ? ', fs.ids AS x_fund_ids, fs.levels AS x_fund_levels, fs.k AS x_fund_text' : ''}
  FROM ${base} r${fundJoin ? ' LEFT JOIN imp_fund_sets fs ON fs.set_id = r.x_fund' : ''}
  WHERE NOT r.blank
),
a AS (
  SELECT *,
    ${fundJoin ? fundPick(hasLevel) : 'NULL::INTEGER'} AS fund_id,
    ${fundJoin ? `CASE WHEN len(x_fund_ids) = 1 THEN x_fund_levels[1] ELSE ${hasLevel ? 'f_level' : 'NULL::VARCHAR'} END` : 'NULL::VARCHAR'} AS fund_level
  FROM f
),
b AS (
  SELECT *${lookupErrors.length ? ` REPLACE (${lookupErrors.join(',\n    ')})` : ''}
  FROM a
),
${section ? `s AS (
  SELECT b.*, ${section.reason} AS e_section, ${section.field} AS e_section_field
  FROM b ${section.joins}
),
` : ''}c AS (
  SELECT rn, sub, total_kind, raw, extra, errs0, ${amount} AS amount${lookupIds.map((id) => `, e_${id}`).join('')}${section ? ', e_section, e_section_field' : ''},
    ${target.columns.map(cast).join(',\n    ')}
  FROM ${section ? 's' : 'b'}
)
SELECT *,
  NOT sub AND ${allOk} AS ok,
  CASE WHEN NOT sub AND NOT (${allOk}) THEN
    list_concat(coalesce(errs0, []), list_filter([${errItems.join(',\n      ')}], x -> x IS NOT NULL)) END AS errs,
  ${keyExpr(target)} AS key,
  ${contentHashExpr(target)} AS h
FROM c`;
}
