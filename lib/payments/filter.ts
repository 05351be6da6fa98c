import { first, fromUrlSearchParams, parseId, parseIsoDate, parseYear, type SearchParams } from '@/lib/url-params';

/**
 * The 支付明细 filter as it lives in the URL: ?year=2018&from=2018-03-01&to=2018-06-30&town=103&unit=209&q=化肥&page=2.
 * Every field is optional (null = not set); an invalid value is ignored rather than guessed at.
 * The viewer's scope is never part of it: the query layer ANDs the scope with whatever the URL says.
 */
export interface PaymentFilter {
  /** 支付年度 (the year of the pay date) */
  year: number | null;
  /** first pay date, inclusive */
  from: string | null;
  /** last pay date, inclusive */
  to: string | null;
  /** 镇(中心) the payment is for (payments.town_id) */
  town: number | null;
  /** 预算单位 that paid (payments.unit_id) */
  unit: number | null;
  /** text in 凭证号, 收款人 or 用途 */
  q: string | null;
}

export interface PageRequest {
  /** 1-based */
  page: number;
  pageSize: number;
}

export const PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 500;
/** The most rows one export may hold; a larger selection is refused with a message to narrow the filter. */
export const EXPORT_MAX_ROWS = 200_000;
const MAX_QUERY_LENGTH = 60;

export const EMPTY_FILTER: PaymentFilter = { year: null, from: null, to: null, town: null, unit: null, q: null };

export function parsePaymentFilter(sp: SearchParams): PaymentFilter {
  const q = first(sp.q)?.trim().slice(0, MAX_QUERY_LENGTH);
  return {
    year: parseYear(first(sp.year)) ?? null,
    from: parseIsoDate(first(sp.from)) ?? null,
    to: parseIsoDate(first(sp.to)) ?? null,
    town: parseId(first(sp.town)) ?? null,
    unit: parseId(first(sp.unit)) ?? null,
    q: q ? q : null,
  };
}

export function parsePageRequest(sp: SearchParams, defaultSize = PAGE_SIZE): PageRequest {
  const page = parseId(first(sp.page)) ?? 1;
  const size = parseId(first(sp.page_size)) ?? defaultSize;
  return { page: Math.min(page, 1_000_000), pageSize: Math.min(size, MAX_PAGE_SIZE) };
}

export function paymentFilterFromUrl(url: URL): { filter: PaymentFilter; page: PageRequest } {
  const sp = fromUrlSearchParams(url.searchParams);
  return { filter: parsePaymentFilter(sp), page: parsePageRequest(sp) };
}

/** The filter back as URL parameters (only the fields that are set), for links: pages, exports, the JSON route. */
export function paymentFilterQuery(f: PaymentFilter, extra: Record<string, string | number | null | undefined> = {}): string {
  const params = new URLSearchParams();
  const entries: [string, string | number | null | undefined][] = [
    ['year', f.year], ['from', f.from], ['to', f.to], ['town', f.town], ['unit', f.unit], ['q', f.q], ...Object.entries(extra),
  ];
  for (const [key, value] of entries) if (value !== null && value !== undefined && value !== '') params.set(key, String(value));
  const text = params.toString();
  return text ? `?${text}` : '';
}

export function isFiltered(f: PaymentFilter): boolean {
  return Object.values(f).some((v) => v !== null);
}
