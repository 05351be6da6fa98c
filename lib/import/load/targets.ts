import type { ImportKind } from '../types';
import { HOLDS_LABELS, type ListHolds } from '../comparison-list';

/**
 * Where each import kind lands: the table, how every column is computed from the parsed fields (f_<field id>) and the
 * lookups (fund_id, x_unit, x_town, x_village, x_doc_indicator), and the key that makes re-imports idempotent.
 */
export interface TargetSpec {
  table: 'indicators' | 'allocations' | 'payments' | 'projects' | 'perf_targets' | 'payouts' | 'comparison_list_rows';
  /** Insert order; batch_id is appended by the loader. */
  columns: { name: string; expr: string }[];
  /** Columns that identify a row: same key + same content = duplicate, same key + other content = conflict. */
  key: string[];
  /** How a conflict names the key in Chinese: '与第 N 行凭证号相同但内容不同'. */
  keyLabel: string;
  /** The field whose column a conflict is reported against, and whose empty cell marks a 合计 row. */
  keyField: string;
  /** The money field that 合计 rows are checked against and the batch total sums. */
  amountField?: string;
  /** Filled at insert with max(id) + n (tables whose key is not their primary key). */
  generatedId?: string;
}

const col = (name: string, expr = `f_${name}`) => ({ name, expr });
/** A project's 年度: its own cell, else the file's ($year: the user's choice or the title's year). */
const PROJECT_YEAR = 'coalesce(f_year, $year)';
/**
 * A comparison list's rows: the list is made by the import ($list_id, plan.ts), keyed by what the list holds, so a
 * person twice in one file is a duplicate (or a conflict); an import is a list of its own, never merged into another.
 */
export const listTarget = (holds: ListHolds, extra: { name: string; expr: string }[] = []): TargetSpec => ({
  table: 'comparison_list_rows',
  columns: [col('list_id', '$list_id'), col('value', `f_${holds}`), col('name'), col('place'), ...extra],
  key: ['list_id', 'value'],
  keyLabel: HOLDS_LABELS[holds],
  keyField: holds,
});

export const TARGETS: Record<ImportKind, TargetSpec> = {
  indicators: {
    table: 'indicators',
    columns: [
      col('id'), col('doc_no'), col('parent_doc_no'), col('fund_id', 'fund_id'),
      col('level', 'coalesce(f_level, fund_level)'),
      col('year', 'coalesce(f_year, year(f_received_date))'),
      col('amount'), col('received_date'), col('func_code'), col('eco_code'),
      col('is_poverty', 'coalesce(f_is_poverty, true)'),
      col('is_direct', 'coalesce(f_is_direct, false)'),
      col('is_to_person', 'coalesce(f_is_to_person, false)'),
    ],
    key: ['id'],
    keyLabel: '指标明细号',
    keyField: 'id',
    amountField: 'amount',
  },
  allocations: {
    table: 'allocations',
    columns: [
      // Exports without a 分配明细号 get a content hash, so the same line imported twice is still one allocation.
      col('id', `coalesce(f_id, 'H' || substr(md5(concat_ws('|', f_indicator_id, x_unit, f_amount, f_alloc_date, f_doc_no)), 1, 16))`),
      col('indicator_id'), col('unit_id', 'x_unit'), col('project_code'), col('amount'), col('alloc_date'), col('doc_no'),
    ],
    key: ['id'],
    keyLabel: '分配明细',
    keyField: 'indicator_id',
    amountField: 'amount',
  },
  payments: {
    table: 'payments',
    columns: [
      col('voucher_no'), col('pay_date'), col('amount'),
      col('indicator_id', 'coalesce(f_indicator_id, x_doc_indicator)'),
      col('indicator_doc_no'), col('unit_id', 'x_unit'), col('project_code'), col('func_code'), col('eco_code'),
      col('payee_name'), col('payee_account'), col('payee_bank'), col('payee_type'), col('purpose'),
      col('town_id', 'x_town'), col('village_id', 'x_village'),
    ],
    key: ['voucher_no'],
    keyLabel: '凭证号',
    keyField: 'voucher_no',
    amountField: 'amount',
  },
  projects: {
    table: 'projects',
    // A list without codes (资金安排表) gets a code made from 年度, place and 项目名称, the same on every import, and
    // marked as generated; $year and $status are the file's defaults (resolveTarget, docs/project-lists.md).
    columns: [
      col('code', `coalesce(f_code, imp_project_code(${PROJECT_YEAR}, coalesce(x_village, x_town), f_name))`),
      col('code_generated', 'f_code IS NULL'),
      col('name'), col('year', PROJECT_YEAR), col('type'), col('town_id', 'x_town'), col('village_id', 'x_village'),
      col('unit_id', 'x_unit'), col('planned_amount'), col('content'), col('start_date'), col('planned_end'), col('actual_end'),
      col('status', 'coalesce(f_status, $status)'), col('beneficiaries'), col('poor_beneficiaries'),
    ],
    key: ['code'],
    keyLabel: '项目编码',
    keyField: 'code',
    amountField: 'planned_amount',
  },
  perf_targets: {
    table: 'perf_targets',
    columns: [
      col('project_code'), col('level1'), col('level2'), col('name'), col('comparator', `coalesce(f_comparator, '>=')`),
      col('target_value'), col('unit'), col('actual_value'), col('as_of'),
    ],
    key: ['project_code', 'name'],
    keyLabel: '项目编码和指标名称',
    keyField: 'project_code',
    generatedId: 'id',
  },
  payouts: {
    table: 'payouts',
    columns: [
      col('voucher_no'), col('month'), col('fund_id', 'fund_id'), col('town_id', 'x_town'), col('village_id', 'x_village'),
      col('name'), col('id_number'), col('item'), col('household_targeted', 'coalesce(f_household_targeted, false)'),
      col('due'), col('paid'), col('account_no'),
    ],
    // 发放批次号 is often one number for a whole batch, so it cannot be the key alone; the same person, month and item
    // under another batch number is kept (the DUPLICATE_PAY rule looks at exactly those).
    key: ['voucher_no', 'id_number', 'month', 'item'],
    keyLabel: '身份证号、月份和补贴项目',
    keyField: 'id_number',
    amountField: 'paid',
  },
  payroll: listTarget('id_number'),
  deaths: listTarget('id_number', [col('event_date')]),
  registered_poor: listTarget('id_number'),
  // Keyed by what the user says the list holds (plan.ts); this entry names the table for 撤销.
  other_list: listTarget('id_number'),
};

/**
 * The target with the file's defaults in place of its `$name` placeholders (SQL literals: the caller makes them from
 * checked values, as DuckDB takes no parameters in the importer's generated views).
 */
export function resolveTarget(spec: TargetSpec, values: Record<string, string>): TargetSpec {
  const fill = (expr: string) => expr.replace(/\$([a-z_]+)/g, (_, name: string) => {
    if (!(name in values)) throw new Error(`导入内部错误：${spec.table} 缺少默认值 $${name}`);
    return values[name];
  });
  return { ...spec, columns: spec.columns.map((c) => ({ name: c.name, expr: fill(c.expr) })) };
}

/** The key as one comparable text, the same expression over parsed rows and over the table (alias.). */
export function keyExpr(spec: TargetSpec, alias = ''): string {
  if (spec.key.length === 1) return `${alias}${spec.key[0]}::VARCHAR`;
  return `concat_ws(chr(31), ${spec.key.map((k) => `coalesce(${alias}${k}::VARCHAR, '')`).join(', ')})`;
}

/** A content fingerprint of everything the row stores (the batch and generated ids aside). */
export function contentHashExpr(spec: TargetSpec, alias = ''): string {
  return `hash(${spec.columns.map((c) => `${alias}${c.name}`).join(', ')})`;
}

/**
 * The key over the first pass's rows (imp_rows) instead of the finished view: the key columns' expressions cast as the
 * table stores them, so the text equals keyExpr over the view or the table.
 */
export function rowKeyExpr(spec: TargetSpec, typeOf: (column: string) => string | undefined): string {
  const part = (k: string) => {
    const c = spec.columns.find((x) => x.name === k)!;
    const type = typeOf(k);
    return type ? `CAST(${c.expr} AS ${type})::VARCHAR` : `(${c.expr})::VARCHAR`;
  };
  if (spec.key.length === 1) return part(spec.key[0]);
  return `concat_ws(chr(31), ${spec.key.map((k) => `coalesce(${part(k)}, '')`).join(', ')})`;
}
