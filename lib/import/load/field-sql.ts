import type { FieldDef } from '../fields';
import type { ImportKind } from '../types';

/**
 * The SQL that reads one field, as the first pass (rows-sql.ts) needs it. Three roles:
 * - typed (money, date, month, integer, number, bool): parsed straight from the raw cell `c` (casts tolerate spaces);
 * - texty (text, code and labelled values): the cell is trimmed to t_<id> first, then read into f_<id>;
 * - lookup (资金, 单位, 乡镇, 村): trimmed to t_<id>, resolved to ids by lookups (lookup-enums.ts, lookup_*.sql).
 * Every parser lives in queries/import/parsers.sql; these are only the calls.
 */
export type FieldRole = 'typed' | 'texty' | 'lookup';

export interface FieldSql {
  role: FieldRole;
  /** typed: f_<id> from the raw cell `$c`; texty: f_<id> from t_<id>. */
  value: string;
  /** Why a non-empty cell gave no value, over the trimmed text `$t`. */
  why: string;
  /** A further check on a value that was read (NULL = fine), over f_<id> and the trimmed text `$t`. */
  check?: string;
  sqlType: string;
}

export const LOOKUP_FIELDS = ['fund', 'unit', 'town', 'village'] as const;

/** 'unit' is a lookup (预算单位/接收单位/实施单位) where the kind stores a unit id; perf_targets' unit is 计量单位. */
const UNIT_KINDS: readonly ImportKind[] = ['payments', 'allocations', 'projects'];

export interface FieldContext {
  kind: ImportKind;
  dayFirst: boolean;
  /** The column's amount unit when known (the user's choice, the header's or the title's); null: 元 unless the cell says. */
  moneyUnit: (field: FieldDef) => '元' | '万元' | null;
}

const texty = (value: string, why: string, check?: string): FieldSql => ({ role: 'texty', value, why, check, sqlType: 'VARCHAR' });

export function fieldSql(field: FieldDef, ctx: FieldContext): FieldSql {
  const f = `f_${field.id}`;
  if ((LOOKUP_FIELDS as readonly string[]).includes(field.id) && (field.id !== 'unit' || UNIT_KINDS.includes(ctx.kind))) {
    return { role: 'lookup', value: 'NULL', why: 'NULL', sqlType: field.id === 'fund' ? 'INTEGER[]' : 'INTEGER' };
  }
  switch (field.id) {
    case 'status':
      return texty('imp_project_status($t)', 'imp_project_status_why($t)');
    case 'payee_type':
      return texty('imp_payee_type($t)', 'imp_payee_type_why($t)');
    case 'comparator':
      return texty('imp_comparator($t)', 'imp_comparator_why($t)');
    case 'level':
      return texty('imp_level($t)', 'imp_level_why($t)');
    case 'id_number':
      return texty('upper(imp_code($t))', 'imp_code_why($t)', `imp_id_number_why(${f})`);
  }
  const df = ctx.dayFirst ? 'true' : 'false';
  switch (field.type) {
    case 'text':
      return texty('$t', `'字段为空'`);
    case 'code':
      return texty('imp_code($t)', 'imp_code_why($t)');
    case 'money': {
      // The column's unit is known here, so the fast path is one cast (元) or one cast and a multiplication (万元).
      const value = ctx.moneyUnit(field) === '万元' ? 'imp_money_wan($c)' : 'imp_money_yuan($c)';
      return { role: 'typed', value, why: 'imp_money_why($t)', sqlType: 'DECIMAL(18,2)' };
    }
    case 'date':
      return { role: 'typed', value: `imp_date($c, ${df})`, why: `imp_date_why($t, ${df})`, check: `imp_date_range_why(${f}, $t)`, sqlType: 'DATE' };
    case 'month':
      return { role: 'typed', value: `imp_month($c, ${df})`, why: `imp_month_why($t, ${df})`, check: `imp_month_range_why(${f}, $t)`, sqlType: 'DATE' };
    case 'integer':
      return { role: 'typed', value: 'imp_int($c)', why: 'imp_int_why($t)', sqlType: 'INTEGER' };
    case 'number':
      return { role: 'typed', value: 'imp_number($c)', why: 'imp_number_why($t)', sqlType: 'DOUBLE' };
    case 'bool':
      return { role: 'typed', value: 'imp_bool($c)', why: 'imp_bool_why($t)', sqlType: 'BOOLEAN' };
  }
}

/**
 * The error of a texty or typed field for a row: required and empty, unreadable, or failing its check. For a typed
 * field a cell of only spaces counts as empty (the casts saw spaces, not a value).
 */
export function fieldErrorSql(field: FieldDef, sql: FieldSql, cell: string): string {
  const f = `f_${field.id}`;
  const empty = field.required ? `'必填字段为空'` : 'NULL';
  if (sql.role === 'texty') {
    const t = `t_${field.id}`;
    const check = sql.check ? ` ELSE ${sql.check.replaceAll('$t', t)}` : '';
    return `CASE WHEN ${t} IS NULL THEN ${empty} WHEN ${f} IS NULL THEN ${sql.why.replaceAll('$t', t)}${check} END`;
  }
  const t = `imp_text(${cell})`;
  const check = sql.check ? ` ELSE ${sql.check.replaceAll('$t', cell)}` : '';
  return `CASE WHEN ${cell} IS NULL THEN ${empty}
      WHEN ${f} IS NULL THEN CASE WHEN ${t} IS NULL THEN ${empty} ELSE ${sql.why.replaceAll('$t', t)} END${check} END`;
}
