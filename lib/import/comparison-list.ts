import type { ImportKind } from './types';

/**
 * 比对名单 (docs/data-model.md): each import of a list is one named list — a label the user gives ("县人社局 2018年
 * 机关事业单位在编人员"), the department it came from, its kind and what its key column holds. The three lists the rules
 * know by kind hold ID numbers; any other department's list (其他比对名单) says what it holds.
 */
export const LIST_IMPORT_KINDS = ['payroll', 'deaths', 'registered_poor', 'other_list'] as const satisfies readonly ImportKind[];
export type ListImportKind = (typeof LIST_IMPORT_KINDS)[number];

/** comparison_lists.kind of each import kind. */
export const LIST_KIND: Record<ListImportKind, 'payroll' | 'deaths' | 'registered_poor' | 'other'> = {
  payroll: 'payroll', deaths: 'deaths', registered_poor: 'registered_poor', other_list: 'other',
};
export type ListKind = (typeof LIST_KIND)[ListImportKind];

export const LIST_KIND_LABELS: Record<ListKind, string> = {
  payroll: '财政供养人员', deaths: '死亡人员', registered_poor: '建档立卡户', other: '其他',
};

/** What a list's key column holds; each is the id of the import field that reads it (lib/import/fields.ts). */
export const LIST_HOLDS = ['id_number', 'name', 'account', 'company'] as const;
export type ListHolds = (typeof LIST_HOLDS)[number];

export const HOLDS_LABELS: Record<ListHolds, string> = { id_number: '身份证号', name: '姓名', account: '账号', company: '企业名称' };

export const LABEL_MAX = 100;

/** The list an import makes: label and department as the user gave them (trimmed), what it holds. */
export interface ListChoice {
  label: string;
  department: string | null;
  holds: ListHolds;
}

export const isListKind = (kind: ImportKind): kind is ListImportKind => (LIST_IMPORT_KINDS as readonly string[]).includes(kind);

const holdsOf = (value: string): ListHolds => {
  const v = value.trim();
  const found = LIST_HOLDS.find((h) => h === v || HOLDS_LABELS[h] === v);
  if (!found) throw new Error(`未知的名单内容“${value}”；可选：${LIST_HOLDS.map((h) => `${HOLDS_LABELS[h]}（${h}）`).join('、')}`);
  return found;
};

/**
 * The list choices of an import request (CLI flags or the page's JSON), checked: a label is required (at most 100
 * characters); 其他比对名单 must say what it holds; the three known lists hold ID numbers, the rules match them so.
 */
export function listChoiceOf(kind: ListImportKind, o: { label?: unknown; department?: unknown; holds?: unknown }): ListChoice {
  const text = (v: unknown, what: string) => {
    if (v === undefined || v === null) return '';
    if (typeof v !== 'string') throw new Error(`${what}格式不正确`);
    return v.trim();
  };
  const label = text(o.label, '名单标签');
  if (!label) throw new Error('请填写名单标签（如“县人社局 2018年机关事业单位在编人员”），比对命中时预警会写明来自哪份名单');
  if ([...label].length > LABEL_MAX) throw new Error(`名单标签最多 ${LABEL_MAX} 个字（收到 ${[...label].length} 个）`);
  const department = text(o.department, '来源部门') || null;
  const given = text(o.holds, '名单内容');
  if (kind !== 'other_list') {
    if (given && holdsOf(given) !== 'id_number') throw new Error('财政供养人员、死亡人员和建档立卡户名单按身份证号比对，名单内容只能是身份证号');
    return { label, department, holds: 'id_number' };
  }
  if (!given) throw new Error(`请指定名单内容：${LIST_HOLDS.map((h) => `${HOLDS_LABELS[h]}（${h}）`).join('、')}`);
  return { label, department, holds: holdsOf(given) };
}
