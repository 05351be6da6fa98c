import { first, parseId, type SearchParams } from '@/lib/url-params';

/** A page of a list as the URL asks for it: ?page=&page_size=. */
export interface PageRequest {
  /** 1-based */
  page: number;
  pageSize: number;
}

export const PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 500;

export function parsePageRequest(sp: SearchParams, defaultSize = PAGE_SIZE): PageRequest {
  const page = parseId(first(sp.page)) ?? 1;
  const size = parseId(first(sp.page_size)) ?? defaultSize;
  return { page: Math.min(page, 1_000_000), pageSize: Math.min(size, MAX_PAGE_SIZE) };
}
