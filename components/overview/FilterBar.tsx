import { FIELD, LABEL } from '../ui/form';
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
      <label className={LABEL}>
        年度
        <select name="year" defaultValue={String(year)} className={`${FIELD} w-28`} data-testid="filter-year">
          {years.map((y) => (
            <option key={y} value={y}>
              {y}年度
            </option>
          ))}
        </select>
      </label>
      <label className={LABEL}>
        截止日期
        <input type="date" name="as_of" defaultValue={asOf} required className={`${FIELD} w-40`} data-testid="filter-as-of" />
      </label>
      <FilterActions resetHref={action} />
    </form>
  );
}
