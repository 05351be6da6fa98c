import { permissions } from '@/lib/auth/permissions';
import type { ViewFilter } from './filter';
import { paymentsHref } from '@/lib/payments/request';
import { LEVEL_COLUMN as LEVEL } from './columns';
import { drill, periodOf } from './drill';
import type { ViewColumn, ViewDef, ViewRow } from './types';

/**
 * 资金台账, 指标 and 分配 (docs/ledger.md): the year's money by fund in catalog order with 上年结转 and unmatched
 * payments as lines of their own, then an indicator's lines, then an indicator's allocations, each drilling down to the
 * next. Every role may read them: the SQL measures a 股室 on its funds and a department or town on its own
 * allocations (queries/overview/scope.sql, docs/roles.md), as 总览 does.
 */

/** 支付明细 for the same budget year and 截止日期; it does not take 滞留天数. */
const payments = (filter: ViewFilter, extra: Partial<ViewFilter> = {}, basis: ViewFilter['basis'] = null) =>
  paymentsHref({ ...filter, idleDays: null, ...extra, basis });

const ROW_KINDS: Record<string, string> = {
  fund: '本年指标',
  level_total: '级次小计',
  total: '本年合计',
  carryover: '上年结转',
  carryover_total: '上年结转合计',
  unmatched: '未匹配指标的支付',
};

const money = (key: string, label: string): ViewColumn => ({ key, label, format: 'wan', sortable: true });
const rate = (key: string, label: string): ViewColumn => ({ key, label, format: 'rate', sortable: true });

/** 支出进度 and the gap, as every view line carries them (docs/views.md). */
const SPEND: ViewColumn[] = [
  rate('spend_rate', '支出进度'),
  { key: 'gap_points', label: '超(短)序时进度', format: 'points', sortable: true },
  money('gap_amount', '超(短)序时金额'),
  { key: 'band', label: '色带', format: 'band', sortable: false },
];

const SECTION: ViewColumn = { key: 'section_name', label: '股室', format: 'text', sortable: true };
const STALLED = money('stalled', '滞留余额');

/** A ledger line's drill-down: a fund to its indicators, 上年结转 and unmatched lines to their payments. */
function ledgerLink(row: ViewRow, filter: ViewFilter): string | null {
  const fund = row.fund_id === null ? {} : { fund: Number(row.fund_id) };
  switch (row.row_kind) {
    case 'fund': return drill('/views/indicators', filter, fund);
    case 'level_total': return drill('/views/ledger', filter, { level: row.level as ViewFilter['level'] });
    case 'total': return payments(filter);
    case 'carryover': case 'carryover_total': return payments(filter, fund, 'carryover');
    case 'unmatched': return payments(filter, {}, 'unmatched');
    default: return null;
  }
}

export const LEDGER_VIEWS: ViewDef[] = [
  {
    id: 'ledger',
    title: '资金台账',
    sql: ['queries/ledger/pairs.sql', 'queries/ledger/carryover.sql', 'queries/ledger/ledger_lines.sql', 'queries/ledger/ledger.sql'],
    narrowedBy: ['level', 'fund', 'section'],
    allowed: permissions.view.everyone,
    params: (f) => ({ level: f.level, fund: f.fund, section: f.section }),
    columns: [
      { key: 'ord', label: '序号', format: 'int', sortable: true },
      { key: 'row_kind', label: '类别', format: 'text', sortable: false, labels: ROW_KINDS, href: (r, f) => (r.row_kind === 'fund' ? null : ledgerLink(r, f)) },
      LEVEL,
      { key: 'name', label: '资金', format: 'text', sortable: true, href: (r, f) => (r.fund_id === null ? null : ledgerLink(r, f)) },
      SECTION,
      money('total', '收到指标(结转余额)'),
      money('allocated', '已分配'),
      rate('alloc_rate', '分配进度'),
      money('unallocated', '未分配'),
      money('paid', '已支付'),
      ...SPEND,
      STALLED,
    ],
    defaultSort: { key: 'ord', dir: 'asc' },
    isTotal: (r) => r.row_kind === 'level_total' || r.row_kind === 'total' || r.row_kind === 'carryover_total',
  },
  {
    id: 'indicators',
    title: '指标',
    sql: ['queries/ledger/pairs.sql', 'queries/ledger/indicators.sql'],
    narrowedBy: ['level', 'fund', 'section', 'indicator'],
    allowed: permissions.view.everyone,
    params: (f) => ({ level: f.level, fund: f.fund, section: f.section, indicator: f.indicator }),
    columns: [
      { key: 'name', label: '指标明细号', format: 'text', sortable: true, href: (r, f) => drill('/views/allocations', f, { indicator: String(r.id) }) },
      { key: 'doc_no', label: '指标文号', format: 'text', sortable: true },
      { key: 'received_date', label: '接收日期', format: 'date', sortable: true },
      LEVEL,
      { key: 'fund_name', label: '资金', format: 'text', sortable: true },
      SECTION,
      money('total', '指标金额'),
      money('allocated', '已分配'),
      rate('alloc_rate', '分配进度'),
      money('unallocated', '未分配'),
      money('paid', '已支付'),
      ...SPEND,
      STALLED,
      { key: 'days_to_alloc', label: '接收至首次分配(天)', format: 'int', sortable: true },
    ],
    defaultSort: { key: 'received_date', dir: 'asc' },
  },
  {
    id: 'allocations',
    title: '分配',
    sql: ['queries/ledger/pairs.sql', 'queries/ledger/allocations.sql'],
    narrowedBy: ['level', 'fund', 'section', 'indicator', 'department', 'town', 'idleDays'],
    allowed: permissions.view.everyone,
    params: (f) => ({
      level: f.level, fund: f.fund, section: f.section, indicator: f.indicator, department: f.department, town: f.town, idle_days: f.idleDays,
    }),
    columns: [
      { key: 'indicator_id', label: '指标明细号', format: 'text', sortable: true, href: (r, f) => drill('/views/indicators', f, { indicator: String(r.indicator_id) }) },
      { key: 'fund_name', label: '资金', format: 'text', sortable: true },
      {
        key: 'name', label: '单位', format: 'text', sortable: true,
        // The unit's payments against this indicator: a town's by 镇 (its own bodies' too), any other unit's by 部门.
        href: (r, f) => payments({ ...f, department: null, town: null }, {
          indicator: String(r.indicator_id), [r.unit_kind === 'town' ? 'town' : 'department']: Number(r.unit_id),
        }),
      },
      { key: 'project_code', label: '项目', format: 'text', sortable: true, href: (r, f) => (r.project_code ? drill(`/projects/${encodeURIComponent(String(r.project_code))}`, periodOf(f), {}) : null) },
      money('total', '分配金额'),
      money('paid', '已支付'),
      money('balance', '余额'),
      ...SPEND,
      { key: 'alloc_date', label: '分配日期', format: 'date', sortable: true },
      { key: 'last_pay', label: '最后支付日期', format: 'date', sortable: true },
      { key: 'idle_days', label: '未支付天数', format: 'int', sortable: true },
      STALLED,
    ],
    defaultSort: { key: 'balance', dir: 'desc' },
  },
];
