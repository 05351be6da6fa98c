/** Reading filter values from a URL's search parameters: pure functions shared by pages, route handlers and tests. */

export type SearchParams = Record<string, string | string[] | undefined>;

/** The first value of a repeated parameter. */
export function first(value: string | string[] | undefined | null): string | undefined {
  return Array.isArray(value) ? value[0] : (value ?? undefined);
}

/** A year in 2000..2100, or undefined. */
export function parseYear(value: string | undefined): number | undefined {
  if (!value || !/^\d{4}$/.test(value.trim())) return undefined;
  const year = Number(value.trim());
  return year >= 2000 && year <= 2100 ? year : undefined;
}

/** A real calendar date YYYY-MM-DD (2018-02-30 is refused), or undefined. */
export function parseIsoDate(value: string | undefined): string | undefined {
  const m = value ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim()) : null;
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  const real = date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
  return real && y >= 2000 && y <= 2100 ? m[0] : undefined;
}

/** A positive integer id (1..2^31−1), or undefined. */
export function parseId(value: string | undefined): number | undefined {
  if (!value || !/^\d{1,10}$/.test(value.trim())) return undefined;
  const id = Number(value.trim());
  return id >= 1 && id <= 2_147_483_647 ? id : undefined;
}

/** URLSearchParams → the SearchParams shape pages receive, so route handlers parse filters with the same code. */
export function fromUrlSearchParams(params: URLSearchParams): SearchParams {
  const out: SearchParams = {};
  for (const key of new Set(params.keys())) {
    const all = params.getAll(key);
    out[key] = all.length === 1 ? all[0] : all;
  }
  return out;
}

/**
 * The parameters without the empty ones, or null when none is empty: a GET filter form sends `fund=` for 全部, and a
 * page redirects to the URL without it, so a shared link names only what is set (docs/navigation.md).
 */
export function withoutEmpty(sp: SearchParams): URLSearchParams | null {
  const out = new URLSearchParams();
  let dropped = false;
  for (const [key, value] of Object.entries(sp)) {
    for (const v of [value ?? ''].flat()) {
      if (v.trim()) out.append(key, v);
      else dropped = true;
    }
  }
  return dropped ? out : null;
}
