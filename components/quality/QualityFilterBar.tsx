import type { QualityFilter } from '@/queries/import/quality';
import { FilterActions } from '../ui/FilterActions';
import { PeriodFields } from '../ui/PeriodFields';

/**
 * 预算年度 and 截止日期 (the one filter's names, docs/views.md), and the batch a link brought along, as a plain GET
 * form: the filter lives in the URL. A batch may be checked whole (every date): then the year is left empty.
 */
export function QualityFilterBar({ years, place }: { years: number[]; place: QualityFilter }) {
  const { period, batch } = place;
  return (
    <form
      method="get"
      action="/quality"
      role="search"
      aria-label="筛选条件"
      className="flex flex-wrap items-end gap-x-3 gap-y-2 rounded-lg border border-slate-200 bg-white px-4 py-3 print:hidden"
      data-testid="quality-filter"
    >
      <PeriodFields years={years} year={period?.year ?? null} asOf={period?.asOf ?? null} testId="quality" anyYear="本批次全部日期" />
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
