import type { EvidenceField, RuleDef } from './types';

/** The shared CTEs a rule continues to measure as the pages do (RuleDef.after). */
const SCOPE = 'queries/overview/scope.sql';
const PROJECTS = [SCOPE, 'queries/projects/money.sql'];

const FUND: EvidenceField = { key: 'fund', label: '资金名称', format: 'text' };
const RECEIVED: EvidenceField = { key: 'received_date', label: '指标接收日期', format: 'date' };
const INDICATOR_AMOUNT: EvidenceField = { key: 'indicator_amount', label: '指标金额', format: 'yuan' };
const DAYS_HELD: EvidenceField = { key: 'days_held', label: '接收至今（天）', format: 'int' };
const PROJECT_NAME: EvidenceField = { key: 'name', label: '项目名称', format: 'text' };
const PROJECT_STATUS: EvidenceField = { key: 'status', label: '项目状态', format: 'text' };
const ALLOCATED: EvidenceField = { key: 'allocated', label: '已分配', format: 'yuan' };
const PAID: EvidenceField = { key: 'paid', label: '已支付', format: 'yuan' };
/** The allocation limit applied: the fund's own 分配时限 when its 股室 set one, else the rule's days (docs/rules.md). */
const ALLOC_LIMIT: EvidenceField = { key: 'limit_days', label: '分配时限（天）', format: 'int' };

/** The rules on the ledger's money and on projects (docs/rules.md): stalled, lagging and overspent money, 项目. */
export const LEDGER_RULES: RuleDef[] = [
  {
    id: 'ALLOC_OVERDUE',
    name: '下达超时',
    sql: 'queries/rules/ALLOC_OVERDUE.sql',
    subject: 'indicator',
    params: { days: { value: 30, label: '下达期限（天）' } },
    evidence: [
      FUND, RECEIVED, INDICATOR_AMOUNT,
      { key: 'on_time', label: '期限内下达', format: 'yuan' },
      { key: 'late', label: '逾期下达', format: 'yuan' },
      { key: 'unallocated', label: '尚未分配', format: 'yuan' },
      DAYS_HELD, ALLOC_LIMIT,
    ],
  },
  {
    id: 'NOT_ALLOCATED',
    name: '已接收未分配',
    sql: 'queries/rules/NOT_ALLOCATED.sql',
    subject: 'indicator',
    params: { days: { value: 30, label: '接收后未分配（天）' } },
    evidence: [FUND, RECEIVED, INDICATOR_AMOUNT, DAYS_HELD, ALLOC_LIMIT],
  },
  {
    id: 'SPEND_LAG',
    name: '支出进度滞后',
    sql: 'queries/rules/SPEND_LAG.sql',
    after: [SCOPE, 'queries/overview/unit_money.sql', 'queries/overview/section_rows.sql'],
    subject: 'unit',
    params: { gap: { value: -10, label: '超(短)序时进度下限（百分点）' } },
    evidence: [
      { key: 'kind', label: '类别', format: 'text' },
      { key: 'name', label: '名称', format: 'text' },
      { key: 'total', label: '预算(指标)', format: 'yuan' },
      PAID,
      { key: 'spend_rate', label: '支出进度', format: 'rate' },
      { key: 'time_progress', label: '序时进度', format: 'rate' },
      { key: 'gap_points', label: '超(短)序时进度', format: 'points' },
    ],
  },
  {
    id: 'IDLE_FUNDS',
    name: '资金滞留',
    sql: 'queries/rules/IDLE_FUNDS.sql',
    after: [SCOPE, 'queries/views/stalled_rows.sql'],
    subject: 'allocation',
    params: { days: { value: 90, label: '无支付天数（天）' } },
    evidence: [
      { key: 'indicator_id', label: '指标明细号', format: 'text' },
      FUND,
      { key: 'first_alloc', label: '首次下达日期', format: 'date' },
      { key: 'last_paid', label: '最后支付日期', format: 'date' },
      ALLOCATED, PAID,
      { key: 'balance', label: '滞留余额', format: 'yuan' },
      { key: 'idle_days', label: '滞留天数', format: 'int' },
      { key: 'limit_days', label: '滞留天数阈值（天）', format: 'int' },
      { key: 'reclaim', label: '处置建议', format: 'text' },
    ],
  },
  {
    id: 'FUND_DEADLINE',
    name: '最后使用关口',
    sql: 'queries/rules/FUND_DEADLINE.sql',
    subject: 'indicator',
    params: { days: { value: 30, label: '关口前提醒（天）', min: 0, max: 3650 } },
    evidence: [
      FUND,
      { key: 'final_date', label: '最后使用关口', format: 'date' },
      { key: 'days_left', label: '距关口（天）', format: 'int' },
      { key: 'received', label: '指标金额', format: 'yuan' },
      PAID,
      { key: 'balance', label: '未支付余额', format: 'yuan' },
    ],
  },
  {
    id: 'OVER_INDICATOR',
    name: '超指标支付',
    sql: 'queries/rules/OVER_INDICATOR.sql',
    subject: 'indicator',
    params: {},
    evidence: [
      FUND, RECEIVED, INDICATOR_AMOUNT, PAID,
      { key: 'excess', label: '超支金额', format: 'yuan' },
      { key: 'over_date', label: '超支日期', format: 'date' },
    ],
  },
  {
    id: 'YEAR_END_RUSH',
    name: '年底突击',
    sql: 'queries/rules/YEAR_END_RUSH.sql',
    subject: 'fund',
    params: {
      share: { value: 30, label: '12月支出占全年比例上限（%）' },
      min_total: { value: 100000, label: '全年支出起算金额（元）' },
    },
    evidence: [
      { key: 'name', label: '资金或单位', format: 'text' },
      { key: 'year', label: '年度', format: 'int' },
      { key: 'total', label: '全年支出', format: 'yuan' },
      { key: 'december', label: '12月支出', format: 'yuan' },
      { key: 'share', label: '12月占比', format: 'rate' },
    ],
  },
  {
    id: 'PROJECT_OVERDUE',
    name: '项目逾期',
    sql: 'queries/rules/PROJECT_OVERDUE.sql',
    after: PROJECTS,
    subject: 'project',
    params: {},
    evidence: [
      PROJECT_NAME, PROJECT_STATUS,
      { key: 'planned_end', label: '计划完工日期', format: 'date' },
      { key: 'days_overdue', label: '逾期天数', format: 'int' },
      { key: 'planned_amount', label: '计划投资', format: 'yuan' },
      ALLOCATED, PAID,
    ],
  },
  {
    id: 'NO_PERF_TARGET',
    name: '绩效目标缺失',
    sql: 'queries/rules/NO_PERF_TARGET.sql',
    after: PROJECTS,
    subject: 'project',
    params: {},
    evidence: [PROJECT_NAME, PROJECT_STATUS, ALLOCATED, PAID],
  },
  {
    id: 'PERF_DEVIATION',
    name: '绩效偏差',
    sql: 'queries/rules/PERF_DEVIATION.sql',
    after: PROJECTS,
    subject: 'project',
    params: { points: { value: 20, label: '完成度落后序时进度（百分点）' } },
    evidence: [
      PROJECT_NAME,
      { key: 'target', label: '绩效指标', format: 'text' },
      { key: 'comparator', label: '比较方式', format: 'text' },
      { key: 'target_value', label: '目标值', format: 'text' },
      { key: 'actual_value', label: '实际值', format: 'text' },
      { key: 'unit', label: '计量单位', format: 'text' },
      { key: 'completion', label: '完成度', format: 'rate' },
      { key: 'time_progress', label: '项目序时进度', format: 'rate' },
      { key: 'lag_points', label: '落后（百分点）', format: 'points' },
      { key: 'lagging_targets', label: '落后指标数', format: 'int' },
    ],
  },
];
