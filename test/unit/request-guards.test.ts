import { afterEach, describe, expect, it, vi } from 'vitest';
import { clientIpFrom, FORWARDED_CHAIN, movedForwardedFor } from '@/lib/auth/client-ip';
import { crossSiteRefusal, nonJsonRefusal } from '@/lib/auth/same-origin';
import { safeNext } from '@/lib/auth/next-path';
import { importError } from '@/app/api/import/_lib/http';
import { withErrorId } from '@/lib/http/server-error';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const h = (init: Record<string, string>) => new Headers(init);

describe('clientIpFrom: the peer, unless the peer is a trusted proxy', () => {
  afterEach(() => vi.unstubAllEnvs());

  // What the route sees after proxy.ts: X-Forwarded-For is the peer (set by Next.js), the client's chain moved aside.
  const seen = (chain?: string) => movedForwardedFor(h(chain ? { 'x-forwarded-for': chain } : {}));
  const withPeer = (headers: Headers, peer: string) => (headers.set('x-forwarded-for', peer), headers);

  it('ignores a client-sent X-Forwarded-For when no proxy is trusted', () => {
    expect(clientIpFrom(withPeer(seen('10.66.6.6'), '203.0.113.9'))).toBe('203.0.113.9');
  });

  it('ignores it from a peer that is not a trusted proxy', () => {
    vi.stubEnv('FUND_MONITOR_TRUSTED_PROXIES', '10.0.0.2');
    expect(clientIpFrom(withPeer(seen('10.66.6.6'), '203.0.113.9'))).toBe('203.0.113.9');
  });

  it('believes a trusted proxy: the right-most address in the chain that is no trusted proxy', () => {
    vi.stubEnv('FUND_MONITOR_TRUSTED_PROXIES', '10.0.0.2, 10.0.0.3');
    expect(clientIpFrom(withPeer(seen('6.6.6.6, 198.51.100.7, 10.0.0.3'), '::ffff:10.0.0.2'))).toBe('198.51.100.7');
    expect(clientIpFrom(withPeer(seen(), '10.0.0.2'))).toBe('10.0.0.2');
  });

  it('movedForwardedFor drops a chain header the client forged and keeps the rest', () => {
    const moved = movedForwardedFor(h({ [FORWARDED_CHAIN]: '1.1.1.1', cookie: 'a=b' }));
    expect(moved.get(FORWARDED_CHAIN)).toBeNull();
    expect(moved.get('x-forwarded-for')).toBeNull();
    expect(moved.get('cookie')).toBe('a=b');
  });
});

describe('crossSiteRefusal: state-changing requests from another origin', () => {
  const site = { host: '127.0.0.1:3000' };

  it('refuses another port of the same host (same-site is not same-origin), by Origin or by Sec-Fetch-Site', () => {
    expect(crossSiteRefusal('POST', h({ ...site, origin: 'http://127.0.0.1:4000' }))?.status).toBe(403);
    expect(crossSiteRefusal('POST', h({ ...site, 'sec-fetch-site': 'same-site' }))?.status).toBe(403);
    expect(crossSiteRefusal('DELETE', h({ ...site, 'sec-fetch-site': 'cross-site' }))?.status).toBe(403);
    expect(crossSiteRefusal('POST', h({ ...site, origin: 'null' }))?.status).toBe(403);
  });

  it('lets this site, and clients that are no browser, through; never stops a read', () => {
    expect(crossSiteRefusal('POST', h({ ...site, origin: 'http://127.0.0.1:3000', 'sec-fetch-site': 'same-origin' }))).toBeNull();
    expect(crossSiteRefusal('POST', h(site))).toBeNull();
    expect(crossSiteRefusal('GET', h({ ...site, origin: 'http://evil.example' }))).toBeNull();
  });

  it('JSON routes: a body must be declared application/json (a no-cors text/plain fetch cannot)', () => {
    expect(nonJsonRefusal('POST', h({ 'content-type': 'text/plain', 'content-length': '20' }))?.status).toBe(415);
    expect(nonJsonRefusal('POST', h({ 'content-type': 'application/x-www-form-urlencoded' }))?.status).toBe(415);
    expect(nonJsonRefusal('POST', h({ 'content-length': '20' }))?.status).toBe(415);
    expect(nonJsonRefusal('POST', h({ 'content-type': 'application/json; charset=utf-8' }))).toBeNull();
    expect(nonJsonRefusal('POST', h({}))).toBeNull(); // no body at all (撤销)
    expect(nonJsonRefusal('GET', h({ 'content-type': 'text/plain' }))).toBeNull();
  });
});

describe('safeNext: where a login may lead', () => {
  it('keeps paths of this site', () => {
    expect(safeNext('/payments?year=2018&town=3#top')).toBe('/payments?year=2018&town=3#top');
    expect(safeNext('/%5Cevil.example')).toBe('/%5Cevil.example'); // still encoded: a path here
  });

  it('refuses everything a browser would take elsewhere, and the login page', () => {
    for (const next of ['//evil.example', '/\\evil.example', '/\t/evil.example', '/\n/evil.example', '\\\\evil.example',
      'https://evil.example/', 'javascript:alert(1)', ' //evil.example', '/login', '/login?next=/x', '', undefined]) {
      expect(safeNext(next), JSON.stringify(next)).toBe('/');
    }
  });
});

describe('500 answers carry an error id, never the database message', () => {
  it('importError logs the error under an id and answers only the id', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const res = importError(new Error('Binder Error: Referenced column "secret_col" not found in /srv/data/x.duckdb'), '导入');
      expect(res.status).toBe(500);
      const body = await res.json();
      expect(body.error_id).toMatch(/^[0-9A-F]{8}$/);
      expect(body.error).toBe(`服务器内部错误（错误编号 ${body.error_id}）`);
      expect(JSON.stringify(body)).not.toMatch(/secret_col|duckdb|Binder/);
      expect(String(logged.mock.calls[0][0])).toContain(body.error_id);
    } finally {
      logged.mockRestore();
    }
  });
});

describe('withErrorId: every route answers an unexpected failure with an error id, never the message', () => {
  it('logs the error and answers 500 with only the id', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const handler = withErrorId('GET /api/test', async () => {
        throw new Error('Catalog Error: Table with name secret_table does not exist');
      });
      const response = await handler();
      expect(response.status).toBe(500);
      const body = await response.json() as { error: string; error_id: string };
      expect(body.error_id).toMatch(/^[0-9A-F]{8}$/);
      expect(body.error).toBe(`服务器内部错误（错误编号 ${body.error_id}）`);
      expect(JSON.stringify(body)).not.toContain('secret_table');
      expect(String(logged.mock.calls[0][0])).toContain(body.error_id);
    } finally {
      logged.mockRestore();
    }
  });

  it('passes an answer through untouched', async () => {
    const response = await withErrorId('GET /api/test', async (n: number) => Response.json({ n }))(7);
    expect(await response.json()).toEqual({ n: 7 });
  });

  it('wraps every method every route.ts exports', () => {
    const routes = readdirSync('app', { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('route.ts'));
    expect(routes.length).toBeGreaterThan(10);
    for (const route of routes) {
      const source = readFileSync(path.join('app', route), 'utf8');
      expect(source, route).not.toMatch(/export\s+(async\s+)?function\s+(GET|POST|PUT|PATCH|DELETE)\b/);
      const exported = [...source.matchAll(/export\s+const\s+(GET|POST|PUT|PATCH|DELETE)\s*=\s*(\w+)/g)];
      expect(exported.length, route).toBeGreaterThan(0);
      for (const m of exported) expect(m[2], `${route} ${m[1]}`).toBe('withErrorId');
    }
  });
});
