import { LEVEL_LABELS, idleDaysLabel } from '@/components/labels';
import { PROJECT_STATUSES } from '@/lib/import/project-status';
import { RULES } from '@/lib/rules/registry';
import { SEVERITIES, SEVERITY_LABELS } from '@/lib/rules/types';
import { STATUSES, STATUS_LABELS } from '@/lib/warnings/workflow';
import { BASES, BASIS_LABELS, FILTER_PARAMS, IDLE_DAYS, LEVELS, type FilterKey, type ViewFilter } from '@/lib/views/filter';
import type { FilterOptions } from '@/queries/views/navigation';

export type Choice = { value: string; label: string };

/** The choices of each select-type field; units and funds come from SQL within the viewer's scope. */
export function choices(key: FilterKey, options: FilterOptions): Choice[] | null {
  const units = (list: FilterOptions[keyof FilterOptions]) => list.map((o) => ({ value: String(o.id), label: o.name }));
  switch (key) {
    case 'level': return LEVELS.map((l) => ({ value: l, label: LEVEL_LABELS[l] }));
    case 'fund': return options.fund.map((o) => ({ value: String(o.id), label: `${o.name}（${LEVEL_LABELS[o.level as keyof typeof LEVEL_LABELS] ?? o.level}）` }));
    case 'section': case 'town': case 'village': case 'department': return units(options[key]);
    case 'status': return PROJECT_STATUSES.map((s) => ({ value: s.id, label: s.label }));
    case 'idleDays': return IDLE_DAYS.map((d) => ({ value: String(d), label: idleDaysLabel(d) }));
    case 'rule': return RULES.map((r) => ({ value: r.id, label: r.name }));
    case 'severity': return SEVERITIES.map((v) => ({ value: v, label: SEVERITY_LABELS[v] }));
    case 'state': return [{ value: 'open', label: '未办结' }, ...STATUSES.map((v) => ({ value: v, label: STATUS_LABELS[v] }))];
    case 'basis': return BASES.map((b) => ({ value: b, label: BASIS_LABELS[b] }));
    default: return null;
  }
}

/**
 * The filter in words, as the filter bar names it ("2018年度 · 截止 2018-06-30 · 镇(中心) 石窑镇"): the year, the
 * 截止日期, then each field of `keys` that is set, a chosen unit or fund by its name (by its id when the viewer's
 * options do not hold it, as the bar shows it). The printed page and an export's title row read it.
 */
export function filterCaption(filter: ViewFilter & { year: number; asOf: string }, keys: FilterKey[], options: FilterOptions): string[] {
  const shown = [`${filter.year}年度`, `截止 ${filter.asOf}`];
  for (const key of keys) {
    const value = filter[key];
    if (value === null) continue;
    if (key === 'overdue') {
      shown.push('仅逾期项目');
      continue;
    }
    const list = choices(key, options);
    const label = list ? (list.find((c) => c.value === String(value))?.label ?? `#${value}`) : String(value);
    shown.push(`${FILTER_PARAMS[key].label} ${label}`);
  }
  return shown;
}
