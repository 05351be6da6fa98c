import { EMPTY_FILTER, paymentFilterQuery } from '@/lib/payments/filter';

export interface OverviewPeriod {
  year: number;
  asOf: string;
}

/**
 * 支付明细 for the overview's period: pay dates from the budget year's first day to the 截止日期 (`from`/`to`, what
 * 支付明细 filters on), so the list holds the payments the overview counted (docs/measures.md: a payment counts once
 * paid on or before as_of). `year` (支付年度) is added only when as_of lies in the budget year: a carry-over view's
 * as_of in a later year would contradict it. `town` narrows to a town's payments (the town and its sub-units,
 * docs/units.md).
 */
export function overviewPaymentsHref({ year, asOf }: OverviewPeriod, town: number | null = null): string {
  const sameYear = asOf.startsWith(`${year}-`);
  return `/payments${paymentFilterQuery({ ...EMPTY_FILTER, year: sameYear ? year : null, from: `${year}-01-01`, to: asOf, town })}`;
}
