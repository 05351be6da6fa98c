import { PeriodFields } from '../ui/PeriodFields';
import { FilterActions } from '../ui/FilterActions';

/**
 * 年度 + 截止日期 as a plain GET form: the filter lives in the URL (?year=2018&as_of=2018-10-31), so every view
 * can be bookmarked, shared and reproduced later. Works without JavaScript.
 */
export function FilterBar({ years, year, asOf, action = '/' }: { years: number[]; year: number; asOf: string; action?: string }) {
  return (
    <form
      method="get"
      action={action}
      role="search"
      aria-label="筛选条件"
      className="flex flex-wrap items-end gap-x-3 gap-y-2 rounded-lg border border-slate-200 bg-white px-4 py-3 print:hidden"
      data-testid="filter-bar"
    >
      <PeriodFields years={years} year={year} asOf={asOf} testId="filter" />
      <FilterActions resetHref={action} />
    </form>
  );
}
