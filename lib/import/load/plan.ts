import { FIELDS, headerUnit, type FieldDef } from '../fields';
import type { AmountUnit, ImportKind, SourceInfo } from '../types';
import { fieldSql, type FieldSql } from './field-sql';
import { assertComplete, resolveMapping, type HeaderMapping, type ResolvedMapping } from './mapping';
import { listTarget, resolveTarget, TARGETS, type TargetSpec } from './targets';
import { isListKind, type ListChoice, type ListImportKind } from '../comparison-list';
import { sqlString } from '@/queries/sql';
import { assertProjectYear, DEFAULT_PROJECT_STATUS, type ProjectStatus } from '../project-status';

/** What the caller may decide about one file (the web form's choices and the CLI's flags). */
export interface LoadOptions {
  kind: ImportKind;
  /** Corrections to the automatic header mapping: normalised header → field id, or null to ignore the column. */
  mapping?: HeaderMapping;
  /** The amount unit of every money column, overriding headers and title lines. */
  unit?: AmountUnit;
  /** Dates such as 07/09/2018 are day first. */
  dayFirst?: boolean;
  /** Create towns, departments and villages the file names but the database does not know. */
  allowNewUnits?: boolean;
  /** Fund names the user confirmed: the cell text as written → fund id (the answer to a suggestion). */
  fundChoices?: Record<string, number>;
  /** 项目库: the 年度 of rows without one, instead of the year a title line names. */
  year?: number;
  /** 项目库: the status of rows without a 状态 cell (default 未开工, not_started). */
  status?: ProjectStatus;
  /** 比对名单: the list this import makes (label, department, what it holds), checked by listChoiceOf. */
  list?: ListChoice;
  /** Who imports, for the batch record. */
  user?: string;
  /** The XLSX sheet read, recorded with the batch. */
  sheet?: string;
  /**
   * Import as this 股室 (units.id of kind 'section'): every row must belong to a fund the section manages (funds.section_id),
   * else it is rejected with the reason; kinds without a fund are refused before the file is read (section.ts).
   */
  sectionId?: number;
}

export interface LoadPlan {
  kind: ImportKind;
  source: SourceInfo;
  options: LoadOptions;
  mapping: ResolvedMapping;
  fields: FieldDef[];
  sql: Map<string, FieldSql>;
  target: TargetSpec;
  /** The unit each money column is read in (null: 元 unless the cell says otherwise). */
  moneyUnits: Record<string, AmountUnit | null>;
  /** 比对名单: the list this import makes, with the id its rows name. */
  list: (ListChoice & { id: number }) | null;
}

/**
 * Everything decided before the data is touched: which column feeds which field, how each is parsed, in which unit.
 * Throws (nothing imported) when a required field has no column.
 */
export function planLoad(source: SourceInfo, options: LoadOptions, listId?: number): LoadPlan {
  const kind = options.kind;
  const list = isListKind(kind) ? listOf(options) : null;
  const mapping = resolveMapping(kind, source.headers, source.rawHeaders, options.mapping);
  // The column a list is keyed by is required, whichever field it is (其他比对名单: what the list holds).
  const keyField = list && FIELDS[kind].find((f) => f.id === list.holds && !mapping.byField.has(f.id) && !f.required);
  if (keyField) mapping.missing.push(keyField);
  assertComplete(mapping);
  const moneyUnits: Record<string, AmountUnit | null> = {};
  const moneyUnit = (field: FieldDef): AmountUnit | null => {
    const col = mapping.byField.get(field.id);
    // The user's choice, else the column header's "(万元)", else the title's "单位：万元"; a cell's own suffix still wins.
    const unit = options.unit ?? (col ? headerUnit(col.rawHeader) : null) ?? source.unitHint ?? null;
    moneyUnits[field.id] = unit;
    return unit;
  };
  const fields = list ? FIELDS[kind].map((f) => (f.id === list.holds ? { ...f, required: true } : f)) : FIELDS[kind];
  const sql = new Map(fields.map((f) => [f.id, fieldSql(f, { kind, dayFirst: options.dayFirst ?? false, moneyUnit })]));
  const target = kind === 'projects' ? projectTarget(source, options, mapping)
    : list ? listRowsTarget(kind as ListImportKind, list, listId) : TARGETS[kind];
  return { kind, source, options, mapping, fields, sql, target, moneyUnits, list: list && listId !== undefined ? { ...list, id: listId } : null };
}

/**
 * 项目库 with the file's defaults. A list without a code column is keyed by what its generated codes are made of: a
 * conflict is reported against 项目名称 and named so, and an empty 项目名称 marks its 合计 lines (rows-sql.ts).
 */
function projectTarget(source: SourceInfo, options: LoadOptions, mapping: ResolvedMapping): TargetSpec {
  const spec = resolveTarget(TARGETS.projects, projectDefaults(source, options, mapping));
  return mapping.byField.has('code') ? spec : { ...spec, keyField: 'name', keyLabel: '年度、镇村和项目名称' };
}

/**
 * A project list's defaults for rows without a 年度 or 状态 cell: the user's year, else the title's ("2020年…");
 * the user's status, else 未开工. Throws (nothing imported) when no row could have a year.
 */
function projectDefaults(source: SourceInfo, options: LoadOptions, mapping: ResolvedMapping): Record<string, string> {
  const year = options.year !== undefined ? assertProjectYear(options.year) : source.yearHint;
  if (year == null && !mapping.byField.has('year')) {
    throw new Error(`无法确定项目年度：文件“${source.fileName}”的标题行没有写年份（如“2020年…项目安排表”），也没有“年度”列。请指定年度（命令行 --year，导入页面选择“年度”）后重新导入`);
  }
  return {
    year: year == null ? 'NULL::INTEGER' : String(year),
    status: sqlString(options.status ?? DEFAULT_PROJECT_STATUS),
  };
}

function listOf(options: LoadOptions): ListChoice {
  if (!options.list) throw new Error('导入比对名单须填写名单标签（命令行 --label，导入页面“名单标签”）');
  return options.list;
}

/** A list's rows, keyed by what it holds, all under the list this import makes. */
function listRowsTarget(kind: ListImportKind, list: ListChoice, listId: number | undefined): TargetSpec {
  if (listId === undefined) throw new Error('导入内部错误：比对名单缺少名单编号');
  const extra = kind === 'deaths' ? TARGETS.deaths.columns.filter((c) => c.name === 'event_date') : [];
  return resolveTarget(listTarget(list.holds, extra), { list_id: String(listId) });
}

/** Whether the field is a lookup (资金, 单位, 乡镇, 村) of this kind. */
export const isLookup = (plan: Pick<LoadPlan, 'sql'>, id: string) => plan.sql.get(id)?.role === 'lookup';

/** A lookup field the file has a column for. */
export const mappedLookup = (plan: Pick<LoadPlan, 'sql' | 'mapping'>, id: string) => isLookup(plan, id) && plan.mapping.byField.has(id);
