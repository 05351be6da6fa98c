import type { QualityFilter } from '@/queries/import/quality';
import { FIELD, LABEL } from '../ui/form';
import { FilterActions } from '../ui/FilterActions';

/**
 * 预算年度 and 截止日期 (the one filter's names, docs/views.md), and the batch a link brought along, as a plain GET
 * form: the filter lives in the URL. A batch may be checked whole (every date): then the year is left empty.
 */
export function QualityFilterBar({ years, place }: { years: number[]; place: QualityFilter }) {
  const { period, batch } = place;
  const options = period && !years.includes(period.year) ? [...years, period.year].sort((a, b) => b - a) : years;
  return (
    <form
      method="get"
      action="/quality"
      role="search"
      aria-label="筛选条件"
      className="flex flex-wrap items-end gap-x-3 gap-y-2 rounded-lg border border-slate-200 bg-white px-4 py-3 print:hidden"
      data-testid="quality-filter"
    >
      <label className={LABEL}>
        预算年度
        <select name="year" defaultValue={period?.year ?? ''} className={`${FIELD} w-32`} data-testid="quality-year">
          {period === null && <option value="">本批次全部日期</option>}
          {options.map((y) => (
            <option key={y} value={y}>{y}年度</option>
          ))}
        </select>
      </label>
      {period && (
        <label className={LABEL}>
          截止日期
          <input type="date" name="as_of" defaultValue={period.asOf} className={`${FIELD} w-40`} data-testid="quality-as-of" />
        </label>
      )}
      {batch !== null && (
        <label className="flex h-9 items-center gap-2 text-sm text-slate-700">
          <input type="checkbox" name="batch" value={batch} defaultChecked className="h-4 w-4 accent-navy-800" />
          仅导入批次 #{batch}
        </label>
      )}
      <FilterActions resetHref="/quality" />
    </form>
  );
}
