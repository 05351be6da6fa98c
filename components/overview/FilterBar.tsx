import Link from 'next/link';

/**
 * 年度 + 截止日期 as a plain GET form: the filter lives in the URL (?year=2018&as_of=2018-10-31), so every view
 * can be bookmarked, shared and reproduced later. Works without JavaScript.
 */
export function FilterBar({ years, year, asOf, action = '/' }: { years: number[]; year: number; asOf: string; action?: string }) {
  const field = 'h-9 rounded-md border border-slate-300 bg-white px-2.5 text-sm text-slate-900 tabular-nums focus:border-navy-600 focus:outline-none focus:ring-2 focus:ring-navy-600/20';
  return (
    <form
      method="get"
      action={action}
      role="search"
      aria-label="筛选条件"
      className="flex flex-wrap items-end gap-x-3 gap-y-2 rounded-lg border border-slate-200 bg-white px-4 py-3 print:hidden"
      data-testid="filter-bar"
    >
      <label className="flex flex-col gap-1 text-xs text-slate-500">
        年度
        <select name="year" defaultValue={String(year)} className={`${field} w-28`} data-testid="filter-year">
          {years.map((y) => (
            <option key={y} value={y}>
              {y}年度
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1 text-xs text-slate-500">
        截止日期
        <input type="date" name="as_of" defaultValue={asOf} required className={`${field} w-40`} data-testid="filter-as-of" />
      </label>
      <div className="flex items-center gap-2">
        <button
          type="submit"
          className="h-9 rounded-md bg-navy-800 px-5 text-sm font-medium text-white hover:bg-navy-700 focus:outline-none focus:ring-2 focus:ring-navy-600/40"
        >
          查询
        </button>
        <Link href={action} className="h-9 rounded-md px-3 text-sm leading-9 text-slate-600 hover:bg-slate-100">
          重置
        </Link>
      </div>
    </form>
  );
}
