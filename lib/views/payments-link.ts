import { EMPTY_VIEW_FILTER, viewFilterParams, type ViewFilter } from './filter';

/**
 * Which payments of the period 支付明细 lists (docs/ledger.md): `year` (the default) those the year's 已支付 counts,
 * `carryover` those against 上年结转 indicators, `unmatched` those that name no known indicator, `all` every payment
 * from the budget year's first day to the 截止日期.
 */
export type PaymentBasis = 'year' | 'carryover' | 'unmatched' | 'all';

/** 支付明细 for a filter (year, as_of and the narrowing fields), `basis` named only when it is not the default. */
export function paymentsHref(filter: Partial<ViewFilter>, basis: PaymentBasis = 'year'): string {
  const params = viewFilterParams({ ...EMPTY_VIEW_FILTER, ...filter });
  if (basis !== 'year') params.set('basis', basis);
  return `/payments?${params.toString()}`;
}
