import { PROJECT_STATUSES, type ProjectStatus } from '@/lib/import/project-status';
import { SEVERITIES, type Severity } from '@/lib/rules/types';
import { STATUSES, type WarningStatus } from '@/lib/warnings/workflow';
import { first, parseId, parseIsoDate, parseYear, type SearchParams } from '@/lib/url-params';

/**
 * The one filter every view reads (docs/views.md), as it lives in the URL:
 * ?year=2018&as_of=2018-10-31&level=central&section=4&department=201&town=101&village=301&fund=22&indicator=ZB001
 * &project=XM001&status=in_progress&overdue=1&idle_days=90&pay_from=2018-03-01&pay_to=2018-06-30&basis=carryover&q=化肥
 * &rule=IDLE_FUNDS&severity=red&state=open.
 * `year` is always the budget year and `as_of` the 截止日期; the others narrow the rows; a pay-date range has names of
 * its own so it is never mistaken for the 截止日期. Not set is null, always.
 * The viewer's scope is never part of it: the query ANDs the scope with whatever the URL says.
 */
export interface ViewFilter {
  year: number | null;
  asOf: string | null;
  level: Level | null;
  section: number | null;
  department: number | null;
  town: number | null;
  village: number | null;
  fund: number | null;
  /** 指标明细号 */
  indicator: string | null;
  project: string | null;
  /** a project's status (lib/import/project-status.ts) */
  status: ProjectStatus | null;
  /** only projects past their planned end and not completed */
  overdue: boolean | null;
  /** only balances idle at least this many days (滞留资金: 30, 90, 180 or 365) */
  idleDays: number | null;
  payFrom: string | null;
  payTo: string | null;
  /** Which payments of the year a payment list holds (docs/views.md: basis); null is the default, 'year'. */
  basis: Basis | null;
  /** Text searched for in a list's own text columns (支付明细: 凭证号, 收款人, 用途), at most 60 characters. */
  q: string | null;
  /** a warning rule's id (lib/rules/registry.ts) */
  rule: string | null;
  severity: Severity | null;
  /** a 疑点's workflow state (lib/warnings/workflow.ts), or 'open': any not yet 认定正常 or 销号 */
  state: WarningState | null;
}

export type WarningState = WarningStatus | 'open';

/** year: against the year's indicators (what 总览 counts as 已支付); carryover: against earlier years' indicators
 * with a balance left (上年结转); unmatched: matching no indicator; all: every payment from the year's first day. */
export const BASES = ['year', 'carryover', 'unmatched', 'all'] as const;
export type Basis = (typeof BASES)[number];

/** The bases as 支付明细 names them; 本年度指标支出 is 总览's 已支付. */
export const BASIS_LABELS: Record<Basis, string> = {
  year: '本年度指标支出',
  carryover: '上年结转支出',
  unmatched: '未匹配指标的支付',
  all: '全部支付',
};

export const LEVELS = ['central', 'province', 'city', 'county'] as const;
export type Level = (typeof LEVELS)[number];

export type FilterKey = keyof ViewFilter;

/** A value the URL gave that means nothing: reported to the user, never silently replaced. */
export interface FilterProblem {
  param: string;
  value: string;
  message: string;
}

/** Each field's URL name and Chinese label (the label names the field in a problem's message). */
export const FILTER_PARAMS: Record<FilterKey, { param: string; label: string }> = {
  year: { param: 'year', label: '预算年度' },
  asOf: { param: 'as_of', label: '截止日期' },
  level: { param: 'level', label: '级次' },
  section: { param: 'section', label: '股室' },
  department: { param: 'department', label: '部门' },
  town: { param: 'town', label: '镇(中心)' },
  village: { param: 'village', label: '村' },
  fund: { param: 'fund', label: '资金' },
  indicator: { param: 'indicator', label: '指标' },
  project: { param: 'project', label: '项目' },
  status: { param: 'status', label: '项目状态' },
  overdue: { param: 'overdue', label: '逾期' },
  idleDays: { param: 'idle_days', label: '滞留天数' },
  payFrom: { param: 'pay_from', label: '支付日期起' },
  payTo: { param: 'pay_to', label: '支付日期止' },
  basis: { param: 'basis', label: '支付口径' },
  q: { param: 'q', label: '搜索' },
  rule: { param: 'rule', label: '预警规则' },
  severity: { param: 'severity', label: '严重程度' },
  state: { param: 'state', label: '处理状态' },
};

export const FILTER_KEYS = Object.keys(FILTER_PARAMS) as FilterKey[];

export const EMPTY_VIEW_FILTER: ViewFilter = Object.fromEntries(FILTER_KEYS.map((k) => [k, null])) as unknown as ViewFilter;

const parseLevel = (v: string | undefined) => (LEVELS as readonly string[]).includes(v?.trim() ?? '') ? (v!.trim() as Level) : undefined;
/** A 项目编码 or 指标明细号: printable text without spaces, at most 40 characters. */
const parseCode = (v: string | undefined) => (v && /^[^\s\p{C}]{1,40}$/u.test(v.trim()) ? v.trim() : undefined);
const parseStatus = (v: string | undefined) => PROJECT_STATUSES.find((s) => s.id === v?.trim())?.id;
/** `overdue=1` (or true); absent means not narrowed, so there is no "0". */
const parseFlag = (v: string | undefined) => (v?.trim() === '1' || v?.trim() === 'true' ? true : undefined);
/** The 滞留资金 aging thresholds (docs/views.md). */
export const IDLE_DAYS = [30, 90, 180, 365] as const;
const parseIdleDays = (v: string | undefined) => IDLE_DAYS.find((d) => String(d) === v?.trim());
const parseBasis = (v: string | undefined) => BASES.find((b) => b === v?.trim());
export const MAX_QUERY_LENGTH = 60;
/** Any text, cut to MAX_QUERY_LENGTH characters (a search box's maxlength). */
const parseText = (v: string | undefined) => v?.trim().slice(0, MAX_QUERY_LENGTH) || undefined;

/** A rule id as the registry spells them: capitals and underscores. */
const parseRule = (v: string | undefined) => (v && /^[A-Z][A-Z_]{1,39}$/.test(v.trim()) ? v.trim() : undefined);
const parseSeverity = (v: string | undefined) => SEVERITIES.find((s) => s === v?.trim());
const parseState = (v: string | undefined) => (['open', ...STATUSES] as const).find((s) => s === v?.trim());

const PARSERS: Record<FilterKey, (v: string | undefined) => string | number | boolean | undefined> = {
  year: parseYear, asOf: parseIsoDate, level: parseLevel, section: parseId, department: parseId, town: parseId,
  village: parseId, fund: parseId, indicator: parseCode, project: parseCode, status: parseStatus, overdue: parseFlag,
  idleDays: parseIdleDays, payFrom: parseIsoDate, payTo: parseIsoDate, basis: parseBasis, q: parseText,
  rule: parseRule, severity: parseSeverity, state: parseState,
};

/** The filter from URL parameters, and what was wrong in them. An empty parameter (`town=`) is not set, not invalid. */
export function parseViewFilter(sp: SearchParams): { filter: ViewFilter; problems: FilterProblem[] } {
  const filter = { ...EMPTY_VIEW_FILTER } as Record<FilterKey, string | number | boolean | null>;
  const problems: FilterProblem[] = [];
  for (const key of FILTER_KEYS) {
    const { param, label } = FILTER_PARAMS[key];
    const raw = first(sp[param])?.trim();
    if (!raw) continue;
    const value = PARSERS[key](raw);
    if (value === undefined) problems.push({ param, value: raw, message: `${label} ${raw} 无效` });
    else filter[key] = value;
  }
  const f = filter as unknown as ViewFilter;
  if (f.payFrom && f.payTo && f.payFrom > f.payTo) {
    problems.push({ param: 'pay_to', value: f.payTo, message: `支付日期止 ${f.payTo} 早于支付日期起 ${f.payFrom}` });
  }
  return { filter: f, problems };
}

/** The filter as URL parameters (only the fields that are set), in a fixed order, for links, exports and the JSON route. */
export function viewFilterParams(f: ViewFilter): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) if (f[key] !== null) params.set(FILTER_PARAMS[key].param, f[key] === true ? '1' : String(f[key]));
  return params;
}

/** The fields that are set, by URL name: how a filter is shown in JSON answers and recorded in the audit log. */
export function viewFilterJson(f: ViewFilter): Record<string, string | number | boolean> {
  return Object.fromEntries(FILTER_KEYS.filter((k) => f[k] !== null).map((k) => [FILTER_PARAMS[k].param, f[k]!]));
}
