import type { Scope } from '@/lib/auth/roles';
import { permissions } from '@/lib/auth/permissions';
import type { FilterKey, ViewFilter } from './filter';

/**
 * Every view declared once (docs/views.md): the JSON route, the export, the CLI, the bench and any page read these
 * declarations, so none of them re-invents filtering, scoping, sorting, paging or export.
 */

/** How a column's value is shown: 'wan' money (exact 元 in data, 万元 on a page), 'rate' a fraction, 'points'
 * percentage points, 'band' a colour band id (lib/settings.ts), 'int', 'text', 'date' (YYYY-MM-DD). */
export type ColumnFormat = 'wan' | 'rate' | 'points' | 'band' | 'text' | 'int' | 'date';

/** A row as the runner returns it (queries/views/run.ts): money as exact 元 strings. */
export type ViewRow = Record<string, string | number | boolean | null>;

export interface ViewColumn {
  key: string;
  label: string;
  format: ColumnFormat;
  sortable: boolean;
  /** The page this cell drills down to (docs/views.md: drill-down), carrying the filter; null for no link. */
  href?: (row: ViewRow, filter: ViewFilter) => string | null;
}

export interface ViewSort {
  key: string;
  dir: 'asc' | 'desc';
}

export interface ViewDef {
  id: string;
  title: string;
  /** SQL files run in order after queries/overview/scope.sql; the last is the view's SELECT (queries/views/). */
  sql: string[];
  /** The filter fields this view honours beside year and as_of; any other field set is reported, not ignored. */
  narrowedBy: FilterKey[];
  /** Which viewers may read it (docs/views.md says why); others get 403. */
  allowed: (scope: Scope) => boolean;
  /** The view's own SQL parameters: scope.sql's narrowing ($level, $fund, $section) and its SELECT's. */
  params: (filter: ViewFilter, scope: Scope) => Record<string, string | number | null>;
  columns: ViewColumn[];
  defaultSort: ViewSort;
}

/** The measures every row carries, in docs/measures.md's sense; `name` and `total` are labelled per view. */
function measureColumns(name: string, total: string): ViewColumn[] {
  return [
    { key: 'name', label: name, format: 'text', sortable: true },
    { key: 'total', label: total, format: 'wan', sortable: true },
    { key: 'allocated', label: '已分配', format: 'wan', sortable: true },
    { key: 'paid', label: '已支付', format: 'wan', sortable: true },
    { key: 'spend_rate', label: '支出进度', format: 'rate', sortable: true },
    { key: 'gap_points', label: '超(短)序时进度', format: 'points', sortable: true },
    { key: 'gap_amount', label: '超(短)序时金额', format: 'wan', sortable: true },
  ];
}

const RANK_AND_BAND: ViewColumn[] = [
  { key: 'rank', label: '排名', format: 'int', sortable: true },
  { key: 'band', label: '色带', format: 'band', sortable: false },
];

const BY_SPEND_RATE: ViewSort = { key: 'spend_rate', dir: 'desc' };

/** The filter fields that narrow the indicators a row is measured on (scope.sql); $row_unit instead picks rows of a
 * ranking after the rank is taken, so a chosen row keeps its rank (queries/views/units.sql). */
const narrowIndicators = (f: ViewFilter) => ({ level: f.level, fund: f.fund, section: f.section });

/**
 * A ranking of towns or of county departments: each measured on its own allocations and payments (unit_rows.sql), a
 * scoped viewer of that kind seeing its own line (docs/views.md).
 */
function unitView(kind: 'town' | 'department', id: string, title: string, name: string): ViewDef {
  return {
    id,
    title,
    sql: ['queries/overview/unit_rows.sql', 'queries/views/units.sql'],
    narrowedBy: ['level', 'fund', 'section', kind],
    allowed: permissions.view.ranking(kind),
    params: (f) => ({ ...narrowIndicators(f), kind, row_unit: f[kind] }),
    columns: [...measureColumns(name, '预算(已分配)'), ...RANK_AND_BAND],
    defaultSort: BY_SPEND_RATE,
  };
}

export const VIEWS: ViewDef[] = [
  unitView('town', 'towns', '镇(中心)支出进度', '镇(中心)'),
  unitView('department', 'departments', '部门支出进度', '部门'),
  {
    id: 'sections',
    title: '股室支出进度',
    sql: ['queries/overview/section_rows.sql', 'queries/views/sections.sql'],
    narrowedBy: ['level', 'fund', 'section'],
    allowed: permissions.view.ranking('section'),
    // The chosen 股室 narrows the rows, not the indicators: the others' must stay for its rank.
    params: (f) => ({ level: f.level, fund: f.fund, section: null, row_unit: f.section }),
    columns: [
      ...measureColumns('股室', '收到指标'),
      { key: 'alloc_rate', label: '分配进度', format: 'rate', sortable: true },
      { key: 'unallocated', label: '未分配', format: 'wan', sortable: true },
      ...RANK_AND_BAND,
    ],
    defaultSort: BY_SPEND_RATE,
  },
];

export function viewById(id: string): ViewDef | undefined {
  return VIEWS.find((v) => v.id === id);
}
