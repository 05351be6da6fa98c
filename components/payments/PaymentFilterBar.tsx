import { BASES, BASIS_LABELS, FILTER_PARAMS, MAX_QUERY_LENGTH, type FilterKey } from '@/lib/views/filter';
import type { PaymentQuery, PaymentOption, PaymentOptions } from '@/queries/payments';
import { FIELD, LABEL } from '../ui/form';
import { FilterActions } from '../ui/FilterActions';
import { PeriodFields } from '../ui/PeriodFields';

/** Filter fields a link may bring (from 总览 or a view) that the bar has no control for: kept as hidden inputs. */
const CARRIED: FilterKey[] = ['level', 'section', 'fund', 'indicator', 'project', 'village'];

/**
 * The one filter's names (docs/views.md) as a plain GET form: 预算年度, 截止日期, 支付口径, a pay-date range, 镇, 预算单位
 * and a text search; the filter lives in the URL and works without JavaScript. A narrowing a link brought along
 * (指标, 项目 …) rides along hidden and is named in the summary. A unit in the URL that the viewer's scope does not
 * hold stays visible as its own option, so an empty table is explained rather than silently reset.
 */
export function PaymentFilterBar({ filter, years, options }: { filter: PaymentQuery; years: number[]; options: PaymentOptions }) {
  const withCurrent = (list: PaymentOption[], id: number | null): PaymentOption[] =>
    id === null || list.some((o) => o.id === id) ? list : [...list, { id, name: `范围外 #${id}` }];
  return (
    <form
      method="get"
      action="/payments"
      role="search"
      aria-label="筛选条件"
      className="grid grid-cols-2 items-end gap-x-3 gap-y-2 rounded-lg border border-slate-200 bg-white px-4 py-3 sm:flex sm:flex-wrap print:hidden"
      data-testid="payments-filter"
    >
      {CARRIED.filter((k) => filter[k] !== null).map((k) => (
        <input key={k} type="hidden" name={FILTER_PARAMS[k].param} value={String(filter[k])} />
      ))}
      <PeriodFields years={years} year={filter.year} asOf={filter.asOf} testId="filter" fill />
      <label className={LABEL}>
        支付口径
        <select name="basis" defaultValue={filter.basis ?? 'year'} className={`${FIELD} w-full sm:w-40`} data-testid="filter-basis">
          {BASES.map((b) => (
            <option key={b} value={b}>
              {BASIS_LABELS[b]}
            </option>
          ))}
        </select>
      </label>
      <label className={LABEL}>
        支付日期起
        <input type="date" name="pay_from" defaultValue={filter.payFrom ?? ''} className={`${FIELD} w-full sm:w-38`} data-testid="filter-pay-from" />
      </label>
      <label className={LABEL}>
        支付日期止
        <input type="date" name="pay_to" defaultValue={filter.payTo ?? ''} className={`${FIELD} w-full sm:w-38`} data-testid="filter-pay-to" />
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
        <select name="department" defaultValue={filter.department ?? ''} className={`${FIELD} w-full sm:w-44`} data-testid="filter-department">
          <option value="">全部</option>
          {withCurrent(options.departments, filter.department).map((o) => (
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
          maxLength={MAX_QUERY_LENGTH}
          placeholder="凭证号、收款人或用途"
          className={`${FIELD} w-full`}
          data-testid="filter-q"
        />
      </label>
      <FilterActions resetHref="/payments" className="col-span-2" />
    </form>
  );
}
