import { beforeAll, describe, expect, it } from 'vitest';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { Client } from 'undici';
import { createOwnApiToken } from '@/lib/auth/api-tokens';
import { KEPT_HEADER } from '@/lib/http/kept-pages';
import { signIn } from '@/lib/cli/loadtest-login';
import type { Viewer } from '@/lib/auth/roles';
import { useDemoSite } from '../helpers/demo-site';
import { signedInPage } from '../helpers/browser';

/**
 * Pages kept per data version on the real server (bin/server.mjs, lib/http/page-keeping.ts): the same viewer asking
 * the same URL again is answered from memory; another viewer, a change of data through the server, or a session that
 * ended never get a kept answer they should not.
 */

let adminToken = '';
/** A 2018 indicator of the county and a department to pay from it (the import below). */
let indicator = '';
let department = '';

const site = useDemoSite('kept-pages', { payments: 2_000, year: 2018, seed: 7 }, async (db) => {
  const admin = (await db.one<{ id: number }>("SELECT id FROM users WHERE username = 'admin'"))!;
  const viewer: Viewer = { id: admin.id, username: 'admin', displayName: null, role: 'admin', unitId: null, unitName: null };
  const token = await createOwnApiToken(db, viewer, { name: 'e2e', expiresOn: null }, null);
  if (!token.ok) throw new Error(token.error);
  adminToken = token.secret!;
  indicator = (await db.one<{ id: string }>('SELECT id FROM indicators WHERE year = 2018 ORDER BY id LIMIT 1'))!.id;
  department = (await db.one<{ name: string }>("SELECT name FROM units WHERE kind = 'department' ORDER BY id LIMIT 1"))!.name;
});

interface Answer { status: number; kept: boolean; body: string; contentType?: string; location?: string }

/** One user's signed-in connection. */
async function session(username: string) {
  const client = new Client(site.url);
  const cookie = await signIn(client, site.url, username, 'demo2018');
  const get = async (path: string, headers: Record<string, string> = {}): Promise<Answer> => {
    const res = await client.request({ path, method: 'GET', headers: { cookie, ...headers } });
    const body = await res.body.text();
    return {
      status: res.statusCode, kept: res.headers[KEPT_HEADER] === '1', body,
      contentType: res.headers['content-type'] as string | undefined, location: res.headers.location as string | undefined,
    };
  };
  return { client, cookie, get };
}

const PAYMENTS = '/api/payments?year=2018&as_of=2018-12-31&basis=all&page_size=1';
const count = (a: Answer) => (JSON.parse(a.body) as { count: number }).count;

describe('kept pages', () => {
  let leader: Awaited<ReturnType<typeof session>>;
  let town: Awaited<ReturnType<typeof session>>;
  beforeAll(async () => {
    leader = await session('leader');
    town = await session('town');
  });

  it('answers the same viewer\'s second request for a page from memory, with the same bytes', async () => {
    const first = await leader.get('/');
    const second = await leader.get('/');
    expect(first).toMatchObject({ status: 200, kept: false });
    expect(second).toMatchObject({ status: 200, kept: true });
    expect(second.body).toBe(first.body);
    expect(second.contentType).toBe(first.contentType);
    expect(first.contentType).toMatch(/^text\/html/);
    expect(first.body).toContain('总览');
  });

  it('keeps each viewer\'s own answer: the town never gets the leader\'s', async () => {
    const leaders = [await leader.get(PAYMENTS), await leader.get(PAYMENTS)];
    const towns = [await town.get(PAYMENTS), await town.get(PAYMENTS)];
    expect(leaders.map((a) => a.kept)).toEqual([false, true]);
    expect(towns.map((a) => a.kept)).toEqual([false, true]);
    expect(count(towns[1])).toBeLessThan(count(leaders[1]));
    expect(count(towns[1])).toBe(count(towns[0]));
    expect(towns[1].contentType).toMatch(/^application\/json/);
  });

  it('keeps a client navigation\'s RSC payload apart from the page', async () => {
    const page = await signedInPage(site, 'leader');
    await page.waitForLoadState('networkidle');
    // The browser's own navigation from 总览 to 数据质量: its RSC request (not the link's prefetch), rendered.
    const [request] = await Promise.all([
      page.waitForRequest((r) => new URL(r.url()).pathname === '/quality' && r.headers().rsc === '1' && !r.headers()['next-router-prefetch']),
      page.getByRole('link', { name: '数据质量' }).first().click(),
    ]);
    // Rendered for the browser (Chromium does not keep a streamed fetch's body for the test to read).
    expect((await request.response())!.headers()[KEPT_HEADER]).toBeUndefined();
    // The same request again, as the browser sent it (its cookie, router state and cache-busting parameter): kept.
    const url = new URL(request.url());
    const again = await leader.client.request({ path: url.pathname + url.search, method: 'GET', headers: await request.allHeaders() });
    expect(again.statusCode).toBe(200);
    expect(again.headers[KEPT_HEADER]).toBe('1');
    const bytes = Buffer.from(await again.body.arrayBuffer());
    const payload = ({ br: brotliDecompressSync, gzip: gunzipSync }[again.headers['content-encoding'] as string] ?? ((b: Buffer) => b))(bytes).toString();
    expect(payload).toContain('数据质量');
    expect(payload).not.toContain('<html');
    // The page itself is another answer.
    expect((await leader.get('/quality')).body).toContain('<html');
    await page.context().close();
  });

  it('answers with the new figures after an import through the server, then keeps those', async () => {
    const before = await leader.get(PAYMENTS);
    expect(before.kept).toBe(true);
    const csv = `支付凭证号,支付日期,支付金额,指标明细号,预算单位\nKEPT-1,2018-09-03,100.00,${indicator},${department}\n`;
    const res = await fetch(`${site.url}/api/import/file?kind=payments`, {
      method: 'POST',
      headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/octet-stream', 'x-file-name': 'kept.csv' },
      body: csv,
    });
    expect(res.status).toBe(200);
    expect((await res.json()).accepted).toBe(1);
    const after = await leader.get(PAYMENTS);
    expect(after.kept).toBe(false);
    expect(count(after)).toBe(count(before) + 1);
    expect(await leader.get(PAYMENTS)).toMatchObject({ kept: true, body: after.body });
  });

  it('never answers a session that ended: after sign-out the kept page is refused', async () => {
    const out = await session('leader');
    expect((await out.get('/')).status).toBe(200);
    expect((await out.get('/')).kept).toBe(true);
    const res = await out.client.request({ path: '/logout', method: 'POST', headers: { cookie: out.cookie, origin: site.url } });
    await res.body.dump();
    const after = await out.get('/');
    expect(after.kept).toBe(false);
    expect(after.status).toBe(307);
    expect(after.location).toContain('/login');
    // The other session of the same user still gets the kept page.
    expect(await leader.get('/')).toMatchObject({ status: 200, kept: true });
  });

  it('leaves pages it may not keep to Next.js: the audit log, and exports', async () => {
    const admin = await session('admin');
    expect((await admin.get('/audit')).kept).toBe(false);
    expect((await admin.get('/audit')).kept).toBe(false);
    const exported = [await leader.get('/api/views/towns/export?format=csv'), await leader.get('/api/views/towns/export?format=csv')];
    expect(exported.map((a) => [a.status, a.kept])).toEqual([[200, false], [200, false]]);
  });
});
