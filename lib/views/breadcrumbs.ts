import { EMPTY_VIEW_FILTER, viewFilterParams, type ViewFilter } from './filter';

/** The names behind the ids a filter sets (queries/views/navigation.ts), null where unknown. */
export type CrumbNames = Record<(typeof STEPS)[number]['key'], string | null>;

export interface Crumb {
  label: string;
  href: string;
}

/**
 * The drill-down paths (docs/navigation.md), in order: 股室 → 资金 → 指标 (the money's path), 部门, 镇 → 村 → 项目 (the
 * places). Each set field is a crumb opening the page one step down from it.
 */
const STEPS = [
  { key: 'section', label: '股室', path: '/views/ledger' },
  { key: 'fund', label: '资金', path: '/views/indicators' },
  { key: 'indicator', label: '指标', path: '/views/allocations' },
  { key: 'department', label: '部门', path: '/views/allocations' },
  { key: 'town', label: '镇', path: '/views/villages' },
  { key: 'village', label: '村', path: '/views/projects' },
  { key: 'project', label: '项目', path: '/projects' },
] as const;

/**
 * 总览 › 股室 X › 资金 Y › 指标 Z … or 总览 › 镇 X › 村 Y › 项目 Z: a crumb for each field the filter sets, each a link
 * carrying the year, the 截止日期 and the fields above it (itself included), so following it reproduces that step.
 * A project's crumb opens its page /projects/<code>, the code in the path rather than the query.
 */
export function breadcrumbs(filter: ViewFilter, names: CrumbNames): Crumb[] {
  const carried: ViewFilter = { ...EMPTY_VIEW_FILTER, year: filter.year, asOf: filter.asOf };
  const crumbs: Crumb[] = [{ label: '总览', href: `/?${viewFilterParams(carried)}` }];
  for (const step of STEPS) {
    const value = filter[step.key];
    if (value === null) continue;
    const label = `${step.label} ${names[step.key] ?? value}`;
    if (step.key === 'project') {
      crumbs.push({ label, href: `${step.path}/${encodeURIComponent(String(value))}?${viewFilterParams(carried)}` });
    } else {
      (carried as unknown as Record<string, unknown>)[step.key] = value;
      crumbs.push({ label, href: `${step.path}?${viewFilterParams(carried)}` });
    }
  }
  return crumbs;
}
