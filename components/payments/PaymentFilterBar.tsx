import type { PaymentFilter } from '@/lib/payments/filter';
import type { PaymentOption, PaymentOptions } from '@/queries/payments';
import { FIELD, LABEL } from '../ui/form';
import { FilterActions } from '../ui/FilterActions';

/**
 * 年度, 支付日期 range, 镇, 预算单位 and a text search as a plain GET form: the filter lives in the URL and works
 * without JavaScript. A unit in the URL that the viewer's scope does not hold stays visible as its own option,
 * so an empty table is explained rather than silently reset.
 */
export function PaymentFilterBar({ filter, options }: { filter: PaymentFilter; options: PaymentOptions }) {
  const withCurrent = (list: PaymentOption[], id: number | null): PaymentOption[] =>
    id === null || list.some((o) => o.id === id) ? list : [...list, { id, name: `范围外 #${id}` }];
  const years = filter.year !== null && !options.years.includes(filter.year) ? [...options.years, filter.year] : options.years;
  return (
    <form
      method="get"
      action="/payments"
      role="search"
      aria-label="筛选条件"
      className="grid grid-cols-2 items-end gap-x-3 gap-y-2 rounded-lg border border-slate-200 bg-white px-4 py-3 sm:flex sm:flex-wrap print:hidden"
      data-testid="payments-filter"
    >
      <label className={`${LABEL} col-span-2`}>
        支付年度
        <select name="year" defaultValue={filter.year ?? ''} className={`${FIELD} w-[calc(50%-6px)] sm:w-28`} data-testid="filter-year">
          <option value="">全部年度</option>
          {years.map((y) => (
            <option key={y} value={y}>
              {y}年
            </option>
          ))}
        </select>
      </label>
      <label className={LABEL}>
        支付日期从
        <input type="date" name="from" defaultValue={filter.from ?? ''} className={`${FIELD} w-full sm:w-38`} data-testid="filter-from" />
      </label>
      <label className={LABEL}>
        至
        <input type="date" name="to" defaultValue={filter.to ?? ''} className={`${FIELD} w-full sm:w-38`} data-testid="filter-to" />
      </label>
      <label className={LABEL}>
        镇(中心)
        <select name="town" defaultValue={filter.town ?? ''} className={`${FIELD} w-full sm:w-36`} data-testid="filter-town">
          <option value="">全部</option>
          {withCurrent(options.towns, filter.town).map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </select>
      </label>
      <label className={LABEL}>
        预算单位
        <select name="unit" defaultValue={filter.unit ?? ''} className={`${FIELD} w-full sm:w-44`} data-testid="filter-unit">
          <option value="">全部</option>
          {withCurrent(options.units, filter.unit).map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </select>
      </label>
      <label className={`${LABEL} col-span-2 sm:min-w-48 sm:flex-1 sm:max-w-72`}>
        搜索
        <input
          type="search"
          name="q"
          defaultValue={filter.q ?? ''}
          maxLength={60}
          placeholder="凭证号、收款人或用途"
          className={`${FIELD} w-full`}
          data-testid="filter-q"
        />
      </label>
      <FilterActions resetHref="/payments" className="col-span-2" />
    </form>
  );
}
