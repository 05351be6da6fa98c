import { paymentsHref } from '@/lib/payments/request';
import { EMPTY_VIEW_FILTER, type ViewFilter } from '@/lib/views/filter';

export interface OverviewPeriod {
  year: number;
  asOf: string;
}

/**
 * 支付明细 for the overview's budget year and 截止日期 (the one filter, docs/views.md): its default basis holds exactly
 * the payments 总览 counts as 已支付, whatever year they were paid in, and shows 上年结转 and unmatched payments beside
 * them. `narrow` picks a 股室 or a town (the town's own payments, with its sub-units', docs/units.md).
 */
export function overviewPaymentsHref({ year, asOf }: OverviewPeriod, narrow: Partial<Pick<ViewFilter, 'section' | 'town'>> = {}): string {
  return paymentsHref({ ...EMPTY_VIEW_FILTER, year, asOf, ...narrow });
}
