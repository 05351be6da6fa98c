import { FIELD, LABEL } from '../ui/form';
import { FilterActions } from '../ui/FilterActions';

/** 支付年度 (and the batch a link brought along) as a plain GET form: the filter lives in the URL. */
export function QualityFilterBar({ years, year, batch }: { years: number[]; year: number | null; batch: number | null }) {
  const options = year !== null && !years.includes(year) ? [...years, year] : years;
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
        支付年度
        <select name="year" defaultValue={year ?? ''} className={`${FIELD} w-32`} data-testid="quality-year">
          <option value="">全部年度</option>
          {options.map((y) => (
            <option key={y} value={y}>{y}年</option>
          ))}
        </select>
      </label>
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
