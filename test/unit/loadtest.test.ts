import { describe, expect, it } from 'vitest';
import { answerProblem } from '@/lib/cli/loadtest-check';
import { loginFormFields } from '@/lib/cli/loadtest-login';
import { nextRequest, ROLE_MIX, seededRandom, type MixEntry } from '@/lib/cli/loadtest-mix';
import { LoadStats, summaryTable } from '@/lib/cli/loadtest-stats';
import { parseRoles } from '@/lib/cli/loadtest';

const html = (body: string) => ({ status: 200, contentType: 'text/html; charset=utf-8', body: Buffer.from(body) });
const json = (value: unknown) => ({ status: 200, contentType: 'application/json', body: Buffer.from(JSON.stringify(value)) });

describe('loadtest mix', () => {
  it('draws each route about as often as its weight says', () => {
    const random = seededRandom(7);
    const counts = new Map<string, number>();
    for (let i = 0; i < 20_000; i++) {
      const r = nextRequest(ROLE_MIX.leader, random).route;
      counts.set(r, (counts.get(r) ?? 0) + 1);
    }
    // Weights of the leader's mix: 总览 30, 支付明细 15, 数据质量 10, /api/payments 15, three views 20/3 each, export 2
    // — 95.0 in all, so 总览 30/95 = 31.6 % of 20,000 ≈ 6,316 and the export 2/95 ≈ 421.
    expect(counts.get('总览 /')! / 20_000).toBeCloseTo(30 / 95, 1);
    expect(counts.get('GET /api/views/towns')! / 20_000).toBeCloseTo(20 / 3 / 95, 1);
    expect(counts.get('GET /api/views/ledger/export')).toBeGreaterThan(300);
    expect(counts.get('GET /api/views/ledger/export')).toBeLessThan(550);
    expect(counts.size).toBe(8);
  });

  it('picks by the cumulative weight: the first entry at 0, the last just below 1', () => {
    const entries: MixEntry[] = [
      { route: 'a', weight: 1, path: () => '/a', expect: { kind: 'xlsx' } },
      { route: 'b', weight: 3, path: (pick) => `/b?page=${1 + pick(5)}`, expect: { kind: 'xlsx' } },
    ];
    expect(nextRequest(entries, () => 0).route).toBe('a');
    expect(nextRequest(entries, () => 0.24).route).toBe('a'); // 0.24 × 4 = 0.96 < 1
    // 0.26 × 4 = 1.04 ≥ 1: b; the same draw then picks the page: floor(0.26 × 5) = 1 → page 2
    expect(nextRequest(entries, () => 0.26)).toMatchObject({ route: 'b', path: '/b?page=2' });
    expect(nextRequest(entries, () => 0.999999).route).toBe('b');
  });

  it('asks each role only for views its role may read', () => {
    const views = (role: keyof typeof ROLE_MIX) => ROLE_MIX[role].map((e) => e.route).filter((r) => r.startsWith('GET /api/views/') && !r.endsWith('/export'));
    expect(views('town')).not.toContain('GET /api/views/sections');
    expect(views('section')).not.toContain('GET /api/views/towns');
    expect(views('section')).not.toContain('GET /api/views/villages');
  });

  it('repeats a seed\'s sequence', () => {
    const a = seededRandom(3);
    const b = seededRandom(3);
    expect(Array.from({ length: 5 }, a)).toEqual(Array.from({ length: 5 }, b));
    expect(seededRandom(4)()).not.toBe(seededRandom(3)());
  });

  it('knows the demo roles only', () => {
    expect(parseRoles('leader, town')).toEqual(['leader', 'town']);
    expect(() => parseRoles('leader,admin')).toThrow(/admin/);
    expect(() => parseRoles('')).toThrow();
  });
});

describe('loadtest statistics', () => {
  it('gives percentiles, requests per second and errors per route and in all', () => {
    const stats = new LoadStats();
    for (let ms = 1; ms <= 100; ms++) stats.record('a', ms, null);
    stats.record('b', 500, 'HTTP 500');
    stats.record('b', null, 'socket: ECONNRESET');
    const { routes, total } = stats.summary(10);
    const a = routes.find((r) => r.route === 'a')!;
    // 1..100 ms: the 50th value is 50 ms, the 95th 95, the 99th 99; 100 requests in 10 s = 10/s.
    expect(a).toMatchObject({ requests: 100, errors: 0, rps: 10, p50: 50, p95: 95, p99: 99, max: 100 });
    const b = routes.find((r) => r.route === 'b')!;
    // The socket error counts as a request and an error but has no latency: only the 500 ms answer is measured.
    expect(b).toMatchObject({ requests: 2, errors: 2, p50: 500, max: 500, rps: 0.2 });
    expect(b.problems).toEqual({ 'HTTP 500': 1, 'socket: ECONNRESET': 1 });
    // 101 latencies in all: 1..100 and 500; the 99th percentile (the 99.99th value) is 100, the largest 500.
    expect(total).toMatchObject({ route: '全部 total', requests: 102, errors: 2, rps: 10.2, p50: 51, max: 500 });
    expect(summaryTable({ routes, total })).toContain('1 × socket: ECONNRESET');
  });

  it('counts the answers sent from the kept pages, per route and in all, and shows their share', () => {
    const stats = new LoadStats();
    for (let i = 0; i < 4; i++) stats.record('总览 /', 10, null, i > 0);
    stats.record('export', 50, null);
    const { routes, total } = stats.summary(1);
    expect(routes.map((r) => [r.route, r.requests, r.kept])).toEqual([['export', 1, 0], ['总览 /', 4, 3]]);
    expect(total).toMatchObject({ requests: 5, kept: 3 });
    // 3 of 4 is 75 %; 3 of 5 is 60 %: the column after the request count.
    const lines = summaryTable({ routes, total }).split('\n');
    expect(lines[0].split(/\s{2,}/).slice(0, 3)).toEqual(['route', 'requests', 'kept %']);
    expect(lines.find((l) => l.startsWith('总览'))!.split(/\s+/).slice(2, 4)).toEqual(['4', '75']);
    expect(lines.at(-1)!.split(/\s+/).slice(2, 4)).toEqual(['5', '60']);
  });
});

describe('loadtest answer check', () => {
  const page = { kind: 'page', marker: 'data-testid="quality-kpis"' } as const;

  it('takes the page asked for, and neither a redirect nor a page without its marker', () => {
    expect(answerProblem(page, html('<div data-testid="quality-kpis">'))).toBeNull();
    expect(answerProblem(page, { ...html(''), status: 307 })).toBe('HTTP 307');
    // A redirect to /login that happens while the page streams arrives as 200 with the login page's markup.
    expect(answerProblem(page, html('<meta id="__next-page-redirect" http-equiv="refresh" content="1;url=/login"/>'))).toMatch(/marker/);
    expect(answerProblem(page, json({ rows: [] }))).toMatch(/not HTML/);
  });

  it('takes JSON with its rows, and an XLSX that is a ZIP file', () => {
    expect(answerProblem({ kind: 'json', field: 'rows' }, json({ rows: [] }))).toBeNull();
    expect(answerProblem({ kind: 'json', field: 'rows' }, json({ error: '未登录或会话已过期' }))).toMatch(/rows/);
    expect(answerProblem({ kind: 'json', field: 'rows' }, { ...json(null), body: Buffer.from('{"rows": [') })).toMatch(/parse/);
    const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    expect(answerProblem({ kind: 'xlsx' }, { status: 200, contentType: xlsx, body: Buffer.from('PK\u0003\u0004') })).toBeNull();
    expect(answerProblem({ kind: 'xlsx' }, { status: 200, contentType: xlsx, body: Buffer.from('<html>') })).toMatch(/ZIP/);
  });
});

describe('loadtest sign-in form', () => {
  it('reads the login form\'s hidden fields, unescaped, and nothing outside the form', () => {
    const page = '<input type="hidden" name="outside" value="x"/>'
      + '<form class="space-y-4" data-testid="login-form" action="" method="POST">'
      + '<input type="hidden" name="$ACTION_REF_1"/>'
      + '<input type="hidden" name="$ACTION_1:0" value="{&quot;id&quot;:&quot;6073&quot;,&quot;bound&quot;:&quot;$@1&quot;}"/>'
      + '<input type="hidden" name="next" value="/"/><input name="username"/></form>';
    expect(loginFormFields(page)).toEqual([['$ACTION_REF_1', ''], ['$ACTION_1:0', '{"id":"6073","bound":"$@1"}'], ['next', '/']]);
    expect(() => loginFormFields('<form></form>')).toThrow(/login form/);
  });
});
