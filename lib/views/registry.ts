import { permissions } from '@/lib/auth/permissions';
import type { ViewFilter } from './filter';
import type { ViewColumn, ViewDef, ViewSort } from './types';
import { drill, periodOf } from './drill';
import { LEDGER_VIEWS } from './ledger-views';
import { WARNING_VIEWS } from './warning-views';
import { STALLED_VIEWS } from './stalled-views';
import { VILLAGE_VIEWS } from './village-views';

/**
 * Every view declared once (docs/views.md): the JSON route, the export, the CLI, the bench and any page read these
 * declarations, so none of them re-invents filtering, scoping, sorting, paging or export.
 */

/** The measures every row carries, in docs/measures.md's sense; `name` and `total` are labelled per view, and the name
 * links to the row's drill-down (docs/navigation.md). */
function measureColumns(name: string, total: string, href?: ViewColumn['href']): ViewColumn[] {
  return [
    { key: 'name', label: name, format: 'text', sortable: true, href },
    { key: 'total', label: total, format: 'wan', sortable: true },
    { key: 'allocated', label: '已分配', format: 'wan', sortable: true },
    { key: 'paid', label: '已支付', format: 'wan', sortable: true },
    { key: 'spend_rate', label: '支出进度', format: 'rate', sortable: true },
    { key: 'gap_points', label: '超(短)序时进度', format: 'points', sortable: true },
    { key: 'gap_amount', label: '超(短)序时金额', format: 'wan', sortable: true },
  ];
}

/** 环比 of a view with `compare`: the change of 支出进度 against the previous month-end, in points. */
export const CHANGE_COLUMN: ViewColumn = { key: 'change_points', label: '环比', format: 'change', sortable: true };

const RANK_CHANGE_AND_BAND: ViewColumn[] = [
  { key: 'rank', label: '排名', format: 'int', sortable: true },
  CHANGE_COLUMN,
  { key: 'band', label: '色带', format: 'band', sortable: false },
];

/** A row's drill-down (docs/navigation.md): `path` narrowed to the row, carrying the filter it was read with. */
const drillRow = (path: string, key: 'town' | 'department' | 'section'): ViewColumn['href'] =>
  (row, filter) => drill(path, filter, { [key]: Number(row.id) });

const OPEN_WARNINGS = 'queries/warnings/open_by_unit.sql';

const BY_SPEND_RATE: ViewSort = { key: 'spend_rate', dir: 'desc' };

/** Beside 支出进度, how fast a row's money moves and how much of it lies idle (docs/stalled-and-velocity.md); the
 * balance opens the 滞留资金 list of the row, from 90 days. */
function speedColumns(kind: 'town' | 'department' | 'section', toPay: string): ViewColumn[] {
  return [
    { key: 'median_to_pay', label: toPay, format: 'int', sortable: true },
    {
      key: 'stalled_90', label: '滞留余额(90天以上)', format: 'wan', sortable: true,
      href: (r, f) => drill('/views/stalled', f, { [kind]: Number(r.id), idleDays: 90 }),
    },
    {
      // The open warnings the row answers for (queries/warnings/open_by_unit.sql), opening 预警列表 narrowed to it.
      key: 'open_warnings', label: '未办结预警', format: 'int', sortable: true,
      href: (r, f) => drill('/views/warnings', periodOf(f), { [kind]: Number(r.id), state: 'open' }),
    },
  ];
}

/** The filter fields that narrow the indicators a row is measured on (scope.sql); $row_unit instead picks rows of a
 * ranking after the rank is taken, so a chosen row keeps its rank (queries/views/units.sql). */
const narrowIndicators = (f: ViewFilter) => ({ level: f.level, fund: f.fund, section: f.section });

/**
 * A ranking of towns or of county departments: each measured on its own allocations and payments (unit_money.sql, unit_rows.sql), a
 * scoped viewer of that kind seeing its own line (docs/views.md).
 */
function unitView(kind: 'town' | 'department', id: string, title: string, name: string, drillTo: string): ViewDef {
  return {
    id,
    title,
    sql: ['queries/overview/unit_money.sql', 'queries/overview/unit_rows.sql', 'queries/views/stalled_rows.sql', OPEN_WARNINGS, 'queries/views/units.sql'],
    narrowedBy: ['level', 'fund', 'section', kind],
    allowed: permissions.view.ranking(kind),
    params: (f) => ({ ...narrowIndicators(f), kind, row_unit: f[kind] }),
    columns: [...measureColumns(name, '预算(已分配)', drillRow(drillTo, kind)), ...speedColumns(kind, '分配→首笔支付(中位天数)'), ...RANK_CHANGE_AND_BAND],
    defaultSort: BY_SPEND_RATE,
    compare: true,
  };
}

export const VIEWS: ViewDef[] = [
  unitView('town', 'towns', '镇(中心)支出进度', '镇(中心)', '/views/villages'),
  unitView('department', 'departments', '部门支出进度', '部门', '/views/allocations'),
  {
    id: 'sections',
    title: '股室支出进度',
    sql: ['queries/overview/section_rows.sql', 'queries/views/velocity_rows.sql', 'queries/views/stalled_rows.sql', OPEN_WARNINGS, 'queries/views/sections.sql'],
    narrowedBy: ['level', 'fund', 'section'],
    allowed: permissions.view.ranking('section'),
    // The chosen 股室 narrows the rows, not the indicators: the others' must stay for its rank.
    params: (f) => ({ level: f.level, fund: f.fund, section: null, row_unit: f.section }),
    columns: [
      ...measureColumns('股室', '收到指标', drillRow('/views/ledger', 'section')),
      { key: 'alloc_rate', label: '分配进度', format: 'rate', sortable: true },
      { key: 'unallocated', label: '未分配', format: 'wan', sortable: true },
      { key: 'alloc_timely', label: '下达及时率', format: 'rate', sortable: true },
      ...speedColumns('section', '收到→首笔支付(中位天数)'),
      ...RANK_CHANGE_AND_BAND,
    ],
    defaultSort: BY_SPEND_RATE,
    compare: true,
  },
  ...LEDGER_VIEWS,
  ...VILLAGE_VIEWS,
  ...STALLED_VIEWS,
  ...WARNING_VIEWS,
];

export function viewById(id: string): ViewDef | undefined {
  return VIEWS.find((v) => v.id === id);
}
