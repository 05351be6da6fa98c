/**
 * A warning rule (预警规则, docs/rules.md): one SQL file under queries/rules/ and this declaration. The SQL returns one
 * row per subject that breaks the rule as of $as_of, with the columns of RuleHit (evidence as a JSON object whose keys
 * are `evidence`'s), and reads its thresholds as named parameters ($days, $share, …) whose defaults are `params`.
 */
export const SEVERITIES = ['red', 'orange', 'yellow', 'blue'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** 红/橙/黄/蓝: the warnings' own colours, not the gap bands' (docs/rules.md). */
export const SEVERITY_LABELS: Record<Severity, string> = { red: '红', orange: '橙', yellow: '黄', blue: '蓝' };

export type SubjectType = 'indicator' | 'allocation' | 'payment' | 'project' | 'payout' | 'unit' | 'fund' | 'person' | 'account';

/** What a warning is about, as pages and exports name it. */
export const SUBJECT_LABELS: Record<SubjectType, string> = {
  indicator: '指标', allocation: '分配', payment: '支付', project: '项目', payout: '惠民发放', unit: '单位', fund: '资金',
  person: '人员', account: '账户',
};

export interface RuleParam {
  /** the default value (the admin may change it in 设置) */
  value: number;
  /** Chinese label with its unit, for the settings page: '下达期限（天）' */
  label: string;
  /** The range the admin may set (lib/rules/settings-admin.ts); when not given, from 0 (from 10 × a negative default) to 10¹⁰. */
  min?: number;
  max?: number;
}

export interface EvidenceField {
  key: string;
  label: string;
  format: 'text' | 'date' | 'yuan' | 'int' | 'rate' | 'points';
  /** An ID number or an account: stored whole, shown masked to everyone but the admin (lib/privacy/warning.ts). */
  personal?: true;
}

export interface RuleDef {
  id: string;
  /** Chinese name: 下达超时 */
  name: string;
  /** queries/rules/<ID>.sql */
  sql: string;
  /**
   * The shared CTE files the rule's SQL continues, so it measures exactly as the pages do: queries/overview/scope.sql
   * first, then e.g. queries/views/stalled_rows.sql. They are read for the whole county in the budget year of $as_of;
   * the rule's file then starts with `, its_cte AS (…)` or its SELECT.
   */
  after?: string[];
  subject: SubjectType;
  params: Record<string, RuleParam>;
  /** What the evidence JSON holds, in the order a reviewer reads it. */
  evidence: EvidenceField[];
}

/** One row a rule returns. amount: 元 as an exact decimal string. */
export interface RuleHit {
  subject_type: SubjectType;
  subject_id: string;
  /** the unit answerable for it (a 股室, 部门 or 镇); null when none is known */
  unit_id: number | null;
  amount: string | null;
  severity: Severity;
  evidence: Record<string, string | number | null>;
}
