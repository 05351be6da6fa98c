import type { Who } from '@/lib/auth/permissions';
import type { Scope } from '@/lib/auth/roles';
import type { FilterKey, ViewFilter } from './filter';

/** The shape of a view's declaration (docs/views.md); the declarations themselves are in registry.ts and *-views.ts. */

/** How a column's value is shown: 'wan' money (exact 元 in data, 万元 on a page), 'rate' a fraction, 'points'
 * percentage points, 'change' a change in points (环比: a page adds the ↑/↓ arrow), 'band' a colour band id
 * (lib/settings.ts), 'int', 'text', 'date' (YYYY-MM-DD). */
export type ColumnFormat = 'wan' | 'rate' | 'points' | 'change' | 'band' | 'text' | 'int' | 'date';

/** A row as the runner returns it (queries/views/run.ts): money as exact 元 strings. */
export type ViewRow = Record<string, string | number | boolean | null>;

export interface ViewColumn {
  key: string;
  label: string;
  format: ColumnFormat;
  sortable: boolean;
  /** The page this cell drills down to (docs/views.md: drill-down), carrying the filter; null for no link. */
  href?: (row: ViewRow, filter: ViewFilter) => string | null;
  /** A 'text' column holding codes (a 级次, a kind of line, a project's status): the Chinese each code is shown and exported as. */
  labels?: Record<string, string>;
  /** Personal data (an ID number, an account): how a reader other than the admin gets the cell (lib/privacy/mask.ts).
   * The runner applies it, so the page, the JSON, the export and the CLI all get the same cell. */
  mask?: (value: string, row: ViewRow) => string;
}

export interface ViewSort {
  key: string;
  dir: 'asc' | 'desc';
}

/** The charts a view may draw above its table; each is an option builder in components/charts/options/. */
export type ViewChartKind = 'idle_buckets' | 'warning_weeks';

/** A view's own panel above its filter bar, drawn by components/views/ViewPanel.tsx (a server component per id). */
export type ViewPanelId = 'rule_runs';

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
  params: (filter: ViewFilter, scope: Scope) => Record<string, string | number | boolean | null>;
  columns: ViewColumn[];
  defaultSort: ViewSort;
  /** A line that sums others (a subtotal, a total), shown in bold on the page. */
  isTotal?: (row: ViewRow) => boolean;
  /** 环比: the view's lines carry `change_points` (CHANGE_COLUMN), the change of 支出进度 in points against the
   * previous month-end (docs/navigation.md), which scope.sql measures in the same pass; the page names that date. */
  compare?: boolean;
  /** A chart above the table: a summary SELECT (queries/views/) over every row the view matches (the CTE view_rows),
   * drawn by the option builder of its kind; `label` says what it shows, for screen readers. */
  chart?: { sql: string; kind: ViewChartKind; label: string };
  /** Other views of the same family (ids), linked above the table for the viewers they serve. */
  related?: string[];
  /** What this view shows beside its rows (预警总览: the last rule run and the button to run the rules again). */
  panel?: ViewPanelId;
  /**
   * Bulk steps on the page's rows (预警列表: 下发核实 and 认定正常, docs/workflow.md): who is offered them, and which
   * rows get a checkbox. The server checks each selected row again.
   */
  bulk?: { allowed: (viewer: Who) => boolean; selectable: (row: ViewRow) => boolean };
}
