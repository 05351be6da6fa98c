import { FILTER_PARAMS, type FilterKey, type ViewFilter } from '@/lib/views/filter';
import type { ViewSort } from '@/lib/views/types';
import type { FilterOptions } from '@/queries/views/navigation';
import { FilterActions } from '../ui/FilterActions';
import { PeriodFields } from '../ui/PeriodFields';
import { FIELD, LABEL } from '../ui/form';
import { choices, filterCaption } from './filter-caption';

const DATES: FilterKey[] = ['payFrom', 'payTo'];

/**
 * A view page's filter (docs/navigation.md) as a GET form: 预算年度, 截止日期 and a control for each field the view
 * honours, so every choice lands in the URL and a link reproduces the view. A chosen value the viewer's options do not
 * hold (a link from elsewhere) stays selected under its id rather than silently turning into 全部. The sort is kept;
 * the page goes back to 1. In print the form gives way to one line naming the filter.
 */
export function ViewFilterBar({ action, filter, narrowedBy, years, options, sort }: {
  action: string; filter: ViewFilter & { year: number; asOf: string }; narrowedBy: FilterKey[]; years: number[];
  options: FilterOptions; sort: ViewSort | null;
}) {
  const shown = filterCaption(filter, narrowedBy, options);
  const controls = narrowedBy.map((key) => {
    const { param, label } = FILTER_PARAMS[key];
    const value = filter[key] === null ? '' : String(filter[key]);
    const list = choices(key, options);
    if (key === 'overdue') {
      return (
        <label key={key} className="flex h-9 items-center gap-1.5 self-end text-sm text-slate-700">
          <input type="checkbox" name={param} value="1" defaultChecked={filter.overdue === true} data-testid={`view-filter-${param}`} />
          仅逾期
        </label>
      );
    }
    if (list) {
      const all = value && !list.some((c) => c.value === value) ? [...list, { value, label: `#${value}` }] : list;
      return (
        <label key={key} className={LABEL}>
          {label}
          <select name={param} defaultValue={value} className={`${FIELD} max-w-[14rem]`} data-testid={`view-filter-${param}`}>
            <option value="">全部</option>
            {all.map((c) => <option key={c.value} value={c.value}>{c.label}</option>)}
          </select>
        </label>
      );
    }
    return (
      <label key={key} className={LABEL}>
        {label}
        <input
          type={DATES.includes(key) ? 'date' : 'text'} name={param} defaultValue={value} className={`${FIELD} w-40`}
          data-testid={`view-filter-${param}`}
        />
      </label>
    );
  });
  return (
    <>
      <form
        method="get" action={action} role="search" aria-label="筛选条件" data-testid="view-filter-bar"
        className="flex flex-wrap items-end gap-x-3 gap-y-2 rounded-lg border border-slate-200 bg-white px-4 py-3 print:hidden"
      >
        <PeriodFields years={years} year={filter.year} asOf={filter.asOf} testId="view-filter" />
        {controls}
        {sort && <input type="hidden" name="sort" value={sort.key} />}
        {sort && <input type="hidden" name="dir" value={sort.dir} />}
        <FilterActions resetHref={action} />
      </form>
      <p className="hidden text-sm text-slate-700 print:block" data-testid="view-filter-text">筛选条件：{shown.join(' · ')}</p>
    </>
  );
}
