import { permissions } from '@/lib/auth/permissions';
import type { ViewFilter } from './filter';
import { LEVEL_COLUMN } from './columns';
import { drill } from './drill';
import type { ViewColumn, ViewDef, ViewRow } from './types';

/**
 * 滞留资金 and 资金流速 (docs/stalled-and-velocity.md): the supervision office's list of idle balances with its aging
 * chart, and how many days the year's money takes from receipt to allocation, first payment and 80 % paid — per fund,
 * per 股室, per 镇, and the slowest indicators one by one.
 */

const indicatorsOf = (f: ViewFilter) => ({ level: f.level, fund: f.fund, section: f.section });

/** A balance's own indicator, read in its own budget year (a carried-over balance belongs to an earlier one). */
const ofRow = (row: ViewRow): Partial<ViewFilter> => ({ idleDays: null, year: Number(row.indicator_year), indicator: String(row.indicator) });

/** The payments behind a balance: its indicator paid by its unit (a town with its bodies). */
function paymentsOf(row: ViewRow, f: ViewFilter): string {
  const unit = Number(row.unit_id);
  const town = row.unit_kind === 'town';
  return drill('/payments', f, { ...ofRow(row), town: town ? unit : null, department: town ? null : unit });
}

const days = (key: string, label: string): ViewColumn => ({ key, label, format: 'int', sortable: true });

/** The 资金流速 views, each linking to the others. */
const VELOCITY = ['velocity', 'velocity_sections', 'velocity_towns', 'velocity_slowest', 'velocity_towns_slowest'];

export const STALLED_VIEWS: ViewDef[] = [
  {
    id: 'stalled',
    title: '滞留资金',
    sql: ['queries/views/stalled_rows.sql', 'queries/views/stalled.sql'],
    narrowedBy: ['level', 'fund', 'section', 'town', 'department', 'idleDays'],
    // Every role sees its own balances: the SQL draws the scope as scope.sql does (a 股室 its funds, a unit its own).
    allowed: permissions.view.everyone,
    params: (f) => ({ ...indicatorsOf(f), idle_days: f.idleDays, town: f.town, department: f.department }),
    columns: [
      { key: 'name', label: '单位', format: 'text', sortable: true },
      { key: 'fund', label: '资金', format: 'text', sortable: true },
      { key: 'section', label: '股室', format: 'text', sortable: true },
      { key: 'indicator', label: '指标明细号', format: 'text', sortable: true, href: (r, f) => drill('/views/allocations', f, ofRow(r)) },
      { key: 'indicator_year', label: '指标年度', format: 'int', sortable: true },
      { key: 'first_alloc', label: '首次分配', format: 'date', sortable: true },
      { key: 'last_alloc', label: '末次分配', format: 'date', sortable: true },
      { key: 'allocated', label: '已分配', format: 'wan', sortable: true },
      { key: 'paid', label: '已支付', format: 'wan', sortable: true },
      { key: 'balance', label: '滞留余额', format: 'wan', sortable: true, href: paymentsOf },
      { key: 'last_paid', label: '最后支付', format: 'date', sortable: true },
      days('idle_days', '滞留天数'),
      { key: 'bucket', label: '账龄', format: 'text', sortable: false },
      { key: 'reclaim', label: '收回统筹', format: 'text', sortable: true },
    ],
    defaultSort: { key: 'idle_days', dir: 'desc' },
    chart: { sql: 'queries/views/stalled_buckets.sql', kind: 'idle_buckets', label: '滞留资金账龄分布：各账龄段笔数与余额' },
  },
  velocityView('fund', 'velocity', '资金流速（按资金）', '资金'),
  velocityView('section', 'velocity_sections', '资金流速（按股室）', '股室'),
  {
    id: 'velocity_towns',
    title: '资金流速（按镇）',
    sql: ['queries/views/unit_velocity_rows.sql', 'queries/views/velocity_units.sql'],
    narrowedBy: ['level', 'fund', 'section', 'town'],
    allowed: permissions.view.ranking('town'),
    params: (f) => ({ ...indicatorsOf(f), kind: 'town', row_unit: f.town }),
    columns: [
      { key: 'name', label: '镇(中心)', format: 'text', sortable: true, href: (r, f) => drill('/views/velocity_towns_slowest', f, { town: Number(r.id) }) },
      days('allocations', '分配笔数'),
      days('median_to_pay', '分配→首笔支付(中位天数)'),
      days('median_to_80', '分配→支付80%(中位天数)'),
      days('not_80', '未达80%'),
    ],
    defaultSort: { key: 'median_to_pay', dir: 'desc' },
    related: VELOCITY,
  },
  {
    id: 'velocity_slowest',
    title: '资金流速最慢的指标',
    sql: ['queries/views/velocity_rows.sql', 'queries/views/velocity_80.sql', 'queries/views/velocity_slowest.sql'],
    narrowedBy: ['level', 'fund', 'section'],
    allowed: permissions.view.ranking('section'),
    params: indicatorsOf,
    columns: [
      { key: 'name', label: '指标明细号', format: 'text', sortable: true, href: (r, f) => drill('/views/allocations', f, { indicator: String(r.id) }) },
      { key: 'fund', label: '资金', format: 'text', sortable: true },
      { key: 'section', label: '股室', format: 'text', sortable: true },
      { key: 'amount', label: '指标金额', format: 'wan', sortable: true },
      { key: 'received_date', label: '接收日期', format: 'date', sortable: true },
      days('days_to_alloc', '收到→分配(天)'),
      days('days_to_pay', '收到→首笔支付(天)'),
      days('days_to_80', '收到→支付80%(天)'),
      days('waiting', '已用天数'),
      { key: 'not_80', label: '未达80%', format: 'text', sortable: true },
    ],
    defaultSort: { key: 'waiting', dir: 'desc' },
    related: VELOCITY,
  },
  {
    id: 'velocity_towns_slowest',
    title: '资金流速最慢的镇级分配',
    sql: ['queries/views/unit_velocity_rows.sql', 'queries/views/velocity_units_slowest.sql'],
    narrowedBy: ['level', 'fund', 'section', 'town'],
    allowed: permissions.view.ranking('town'),
    params: (f) => ({ ...indicatorsOf(f), kind: 'town', row_unit: f.town }),
    columns: [
      { key: 'name', label: '镇(中心)', format: 'text', sortable: true },
      { key: 'indicator', label: '指标明细号', format: 'text', sortable: true, href: (r, f) => drill('/views/allocations', f, { indicator: String(r.indicator) }) },
      { key: 'fund', label: '资金', format: 'text', sortable: true },
      { key: 'first_alloc', label: '首次分配', format: 'date', sortable: true },
      { key: 'allocated', label: '已分配', format: 'wan', sortable: true },
      days('days_to_pay', '分配→首笔支付(天)'),
      days('days_to_80', '分配→支付80%(天)'),
      days('waiting', '已用天数'),
      { key: 'not_80', label: '未达80%', format: 'text', sortable: true },
    ],
    defaultSort: { key: 'waiting', dir: 'desc' },
    related: VELOCITY,
  },
];

/** 资金流速 of the year's indicators grouped by fund or by 股室 (a 股室 sees its own funds); a line opens the slowest
 * indicators of its fund or 股室. */
function velocityView(by: 'fund' | 'section', id: string, title: string, name: string): ViewDef {
  return {
    id,
    title,
    sql: ['queries/views/velocity_rows.sql', 'queries/views/velocity_80.sql', 'queries/views/velocity.sql'],
    narrowedBy: ['level', 'fund', 'section'],
    allowed: permissions.view.ranking('section'),
    params: (f) => ({ ...indicatorsOf(f), by }),
    columns: [
      { key: 'name', label: name, format: 'text', sortable: true, href: (r, f) => drill('/views/velocity_slowest', f, { [by]: Number(r.id) }) },
      ...(by === 'fund' ? [LEVEL_COLUMN] : []),
      days('indicators', '指标数'),
      days('median_to_alloc', '收到→分配(中位天数)'),
      days('median_to_pay', '收到→首笔支付(中位天数)'),
      days('median_to_80', '收到→支付80%(中位天数)'),
      days('not_80', '未达80%'),
    ],
    defaultSort: { key: 'median_to_pay', dir: 'desc' },
    related: VELOCITY,
  };
}
