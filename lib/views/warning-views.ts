import { permissions } from '@/lib/auth/permissions';
import { RULES } from '@/lib/rules/registry';
import { SEVERITY_LABELS, SUBJECT_LABELS } from '@/lib/rules/types';
import { STATUS_LABELS } from '@/lib/warnings/workflow';
import { maskSubjectId } from '@/lib/privacy/mask';
import type { ViewFilter } from './filter';
import { drill } from './drill';
import type { ViewColumn, ViewDef, ViewRow } from './types';

/**
 * 预警 (docs/rules.md, docs/workflow.md) in the view recipe: the list of warnings and doubts, and 预警总览 by rule and
 * by unit. Each viewer reads the warnings queries/warnings/visible.sql allows: a 部门 or 镇 only what was sent to it.
 */

export const RULE_LABELS: Record<string, string> = Object.fromEntries(RULES.map((r) => [r.id, r.name]));


const WARNING_SQL = 'queries/warnings/visible.sql';
const LINES_SQL = 'queries/warnings/lines.sql';

const params = (f: ViewFilter) => ({
  level: null, fund: null, section: f.section, department: f.department, town: f.town,
  rule: f.rule, severity: f.severity, state: f.state, q: f.q,
});

/** A warning's line (queries/warnings/lines.sql), in 预警列表 and 待办. */
const LINE_COLUMNS: ViewColumn[] = [
  { key: 'id', label: '编号', format: 'int', sortable: true, href: (r) => `/warnings/${Number(r.id)}` },
  { key: 'rule_id', label: '预警规则', format: 'text', sortable: true, labels: RULE_LABELS },
  { key: 'severity_rank', label: '程度', format: 'text', sortable: true, labels: { 1: SEVERITY_LABELS.red, 2: SEVERITY_LABELS.orange, 3: SEVERITY_LABELS.yellow, 4: SEVERITY_LABELS.blue } },
  { key: 'subject_type', label: '对象', format: 'text', sortable: true, labels: SUBJECT_LABELS },
  // An account (一卡多人) or a payout keyed by its ID number is personal data.
  { key: 'subject_id', label: '对象编号', format: 'text', sortable: true, mask: (v, r) => maskSubjectId(String(r.subject_type), v) },
  { key: 'unit_name', label: '责任单位', format: 'text', sortable: true },
  { key: 'amount', label: '金额', format: 'wan', sortable: true },
  { key: 'status', label: '处理状态', format: 'text', sortable: true, labels: STATUS_LABELS },
  { key: 'cleared', label: '数据', format: 'text', sortable: true },
  { key: 'assigned_name', label: '核实单位', format: 'text', sortable: true },
  { key: 'deadline', label: '答复期限', format: 'date', sortable: true },
  { key: 'overdue', label: '逾期', format: 'text', sortable: true },
  { key: 'first_seen', label: '首次发现', format: 'date', sortable: true },
];

const count = (key: string, label: string): ViewColumn => ({ key, label, format: 'int', sortable: true });

export const WARNING_VIEWS: ViewDef[] = [
  {
    id: 'warnings',
    title: '预警列表',
    sql: [WARNING_SQL, LINES_SQL, 'queries/warnings/list.sql'],
    narrowedBy: ['rule', 'severity', 'state', 'section', 'department', 'town', 'q'],
    allowed: permissions.view.everyone,
    params,
    columns: LINE_COLUMNS,
    defaultSort: { key: 'severity_rank', dir: 'asc' },
    related: ['warnings_by_rule', 'warnings_by_unit'],
    // Both bulk steps start from 待认定 (lib/warnings/workflow.ts STEPS).
    bulk: { allowed: permissions.decideWarnings, selectable: (r) => r.status === 'new' },
  },
  {
    id: 'todo',
    title: '待办',
    sql: [WARNING_SQL, LINES_SQL, 'queries/warnings/todo.sql'],
    narrowedBy: ['rule', 'severity'],
    allowed: permissions.view.answering,
    params,
    columns: LINE_COLUMNS,
    // The reply due first comes first: what is overdue, then what is due soonest.
    defaultSort: { key: 'deadline', dir: 'asc' },
  },
  {
    id: 'warnings_by_rule',
    title: '预警总览（按规则）',
    sql: [WARNING_SQL, 'queries/warnings/by_rule.sql'],
    narrowedBy: ['severity', 'state', 'section', 'department', 'town'],
    allowed: permissions.view.everyone,
    params: (f) => ({ ...params(f), rule: null, q: null }),
    columns: [
      { key: 'name', label: '预警规则', format: 'text', sortable: true, labels: RULE_LABELS, href: (r, f) => drill('/views/warnings', f, { rule: String(r.id) }) },
      count('warnings', '预警数'),
      count('open', '未办结'),
      { key: 'amount', label: '涉及金额', format: 'wan', sortable: true },
      count('red', '红'), count('orange', '橙'), count('yellow', '黄'), count('blue', '蓝'),
      count('waiting', '待单位答复'),
      count('cleared', '数据已消除'),
    ],
    defaultSort: { key: 'warnings', dir: 'desc' },
    chart: { sql: 'queries/warnings/weekly.sql', kind: 'warning_weeks', label: '近12周预警趋势：每周新发现与已办结条数' },
    related: ['warnings', 'warnings_by_unit'],
    panel: 'rule_runs',
  },
  {
    id: 'warnings_by_unit',
    title: '预警总览（按单位）',
    sql: [WARNING_SQL, 'queries/warnings/by_unit.sql'],
    narrowedBy: ['rule', 'severity', 'section', 'department', 'town'],
    allowed: permissions.view.everyone,
    params: (f) => ({ ...params(f), state: null, q: null }),
    columns: [
      { key: 'name', label: '核实单位', format: 'text', sortable: true, href: (r, f) => drill('/views/warnings', f, { state: null, q: null, ...unitOf(r) }) },
      count('sent', '下发数'),
      count('answered', '已答复'),
      { key: 'answer_rate', label: '处理率', format: 'rate', sortable: true },
      count('rectified', '已整改'),
      { key: 'rectify_rate', label: '整改率', format: 'rate', sortable: true },
      count('overdue', '逾期'),
      { key: 'amount', label: '涉及金额', format: 'wan', sortable: true },
    ],
    defaultSort: { key: 'answer_rate', dir: 'asc' },
    related: ['warnings', 'warnings_by_rule'],
  },
];

/** A unit's warnings: the list narrowed by it, in the filter field of its kind. */
function unitOf(row: ViewRow): Partial<ViewFilter> {
  const kind = row.unit_kind === 'section' || row.unit_kind === 'department' ? row.unit_kind : 'town';
  return { section: null, department: null, town: null, [kind]: Number(row.id) };
}
