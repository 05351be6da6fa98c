/**
 * What a virtual user of `fund-monitor loadtest` asks for (issue 12): a weighted mix of the pages and routes the
 * bureau's people use most, per role. Each request names the route it is counted under and what a good answer is,
 * so the statistics group by route (not by URL) and every answer is checked (loadtest-check.ts).
 */

export const LOAD_ROLES = ['leader', 'town', 'section'] as const;
export type LoadRole = (typeof LOAD_ROLES)[number];

/** What a good answer is: an HTML page carrying its marker, JSON with the named array, or an XLSX file. */
export type Expect = { kind: 'page'; marker: string } | { kind: 'json'; field: string } | { kind: 'xlsx' };

export interface MixEntry {
  /** The label the statistics group by. */
  route: string;
  weight: number;
  /** The path and query, varied by `pick` (a page number, a year) so not every request is the same URL. */
  path: (pick: (n: number) => number) => string;
  expect: Expect;
}

// The markers are data-testid attributes each page renders only with its figures (app/(dashboard)/…): a login form or a
// redirect streamed into a 200 answer carries none of them.
const OVERVIEW: Expect = { kind: 'page', marker: 'data-testid="overview-payments-link"' };
const PAYMENTS_PAGE: Expect = { kind: 'page', marker: 'data-testid="payments-summary"' };
const QUALITY: Expect = { kind: 'page', marker: 'data-testid="quality-kpis"' };

/** 支付明细 is read page by page and by month: the first pages most, a month's payments now and then. */
const paymentsQuery = (pick: (n: number) => number) =>
  pick(3) === 0 ? `pay_from=2018-0${1 + pick(6)}-01&page=${1 + pick(3)}` : `page=${1 + pick(5)}`;

/** The mix every role shares; `views` are the views its role may read (lib/views/registry.ts, permissions.view). */
function mix(views: string[]): MixEntry[] {
  return [
    { route: '总览 /', weight: 30, path: () => '/', expect: OVERVIEW },
    { route: '支付明细 /payments', weight: 15, path: (p) => `/payments?${paymentsQuery(p)}`, expect: PAYMENTS_PAGE },
    { route: '数据质量 /quality', weight: 10, path: () => '/quality', expect: QUALITY },
    { route: 'GET /api/payments', weight: 15, path: (p) => `/api/payments?${paymentsQuery(p)}`, expect: { kind: 'json', field: 'rows' } },
    ...views.map((id): MixEntry => ({
      route: `GET /api/views/${id}`, weight: 20 / views.length, path: () => `/api/views/${id}`, expect: { kind: 'json', field: 'rows' },
    })),
    // An export now and then: 资金台账, which every role may read, as XLSX.
    { route: 'GET /api/views/ledger/export', weight: 2, path: () => '/api/views/ledger/export?format=xlsx', expect: { kind: 'xlsx' } },
  ];
}

export const ROLE_MIX: Record<LoadRole, MixEntry[]> = {
  leader: mix(['towns', 'sections', 'ledger']),
  town: mix(['towns', 'ledger', 'villages']),
  section: mix(['sections', 'ledger', 'stalled']),
};

/** A small seeded generator (mulberry32), so a run's sequence of requests can be repeated and tested. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface PlannedRequest {
  route: string;
  path: string;
  expect: Expect;
}

/** The next request of a user of this mix, drawn by weight with `random` (values in [0, 1)). */
export function nextRequest(entries: MixEntry[], random: () => number): PlannedRequest {
  const total = entries.reduce((s, e) => s + e.weight, 0);
  let r = random() * total;
  const entry = entries.find((e) => (r -= e.weight) < 0) ?? entries[entries.length - 1];
  return { route: entry.route, path: entry.path((n) => Math.floor(random() * n)), expect: entry.expect };
}
