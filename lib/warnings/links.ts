import { EMPTY_VIEW_FILTER, viewFilterParams, type ViewFilter } from '@/lib/views/filter';
import type { SubjectType } from '@/lib/rules/types';

/**
 * The page that shows a warning's subject (docs/rules.md: evidence with links): an indicator's allocations, an
 * allocation's or a payment's voucher in 支付明细, a project's page, a fund's indicators; a subject id of the form
 * `id:year` (a fund or unit in one year) opens that year. null when no page shows it (a payout, a person, an account).
 */
export function subjectHref(type: SubjectType, id: string): string | null {
  const [key, year] = id.split(':');
  const at = (path: string, f: Partial<ViewFilter>) =>
    `${path}?${viewFilterParams({ ...EMPTY_VIEW_FILTER, ...(year && /^\d{4}$/.test(year) ? { year: Number(year) } : {}), ...f }).toString()}`;
  switch (type) {
    case 'indicator': return at('/views/allocations', { indicator: key });
    case 'payment': return at('/payments', { basis: 'all', q: key });
    case 'project': return `/projects/${encodeURIComponent(key)}`;
    case 'fund': return /^\d+$/.test(key) ? at('/views/indicators', { fund: Number(key) }) : null;
    default: return null;
  }
}
