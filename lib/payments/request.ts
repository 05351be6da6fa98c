import { first, type SearchParams } from '@/lib/url-params';
import { parsePageRequest, type PageRequest } from '@/lib/paging';
import { parseViewFilter, viewFilterParams, type Basis, type FilterKey, type FilterProblem, type ViewFilter } from '@/lib/views/filter';
import { unhonoured } from '@/lib/views/request';

/** The most rows one export may hold; a larger selection is refused with a message to narrow the filter. */
export const EXPORT_MAX_ROWS = 200_000;

/** 支付明细 reads the one filter (docs/views.md); these are the fields it honours beside year and as_of. */
export const PAYMENTS_READER: { title: string; narrowedBy: FilterKey[] } = {
  title: '支付明细',
  narrowedBy: ['basis', 'level', 'section', 'department', 'town', 'village', 'fund', 'indicator', 'project', 'payFrom', 'payTo', 'q'],
};

/** The names 支付明细's URL had before it read the one filter, and what replaced each. */
const RENAMED: Record<string, string> = { from: 'pay_from', to: 'pay_to', unit: 'department' };

/** An old parameter is a problem naming its new name, not silently dropped: an old bookmark would list other rows. */
function renamedProblems(sp: SearchParams): FilterProblem[] {
  return Object.entries(RENAMED).flatMap(([old, now]) => {
    const value = first(sp[old])?.trim();
    return value ? [{ param: old, value, message: `参数 ${old} 已改名为 ${now}` }] : [];
  });
}

/** 支付明细's request: the filter, the page, and every problem (an invalid value, a field it does not honour, an old name). */
export function parsePaymentRequest(sp: SearchParams): { filter: ViewFilter; page: PageRequest; problems: FilterProblem[] } {
  const { filter, problems } = parseViewFilter(sp);
  return { filter, page: parsePageRequest(sp), problems: [...problems, ...unhonoured(PAYMENTS_READER, filter), ...renamedProblems(sp)] };
}

/** The basis a filter asks for: null is the year's. */
export const basisOf = (f: ViewFilter): Basis => f.basis ?? 'year';

/** 支付明细's URL for a filter (docs/views.md: every link goes through viewFilterParams). */
export function paymentsHref(f: ViewFilter, extra: Record<string, string> = {}): string {
  const params = viewFilterParams(f);
  for (const [key, value] of Object.entries(extra)) params.set(key, value);
  const text = params.toString();
  return text ? `/payments?${text}` : '/payments';
}
