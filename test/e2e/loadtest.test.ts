import { describe, expect, it } from 'vitest';
import { Client } from 'undici';
import { runLoad } from '@/lib/cli/loadtest';
import { signIn } from '@/lib/cli/loadtest-login';
import { useDemoSite } from '../helpers/demo-site';

/**
 * `fund-monitor loadtest` against a running demo site, briefly (issue 12): the users sign in through the login form
 * and every route of the mix answers what it should, with no error.
 */
describe('loadtest against a running site', () => {
  const site = useDemoSite('loadtest', { payments: 20_000, year: 2018, seed: 3 });

  it('signs in as each role and gets good answers on every route', async () => {
    const result = await runLoad({ url: site.url, users: 6, seconds: 4, think: 0, roles: 'leader,town,section', password: 'demo2018' });
    expect(result.total.problems).toEqual({});
    expect(result.total.errors).toBe(0);
    expect(result.total.requests).toBeGreaterThan(12);
    const routes = result.routes.map((r) => r.route);
    expect(routes).toEqual(expect.arrayContaining(['总览 /', '支付明细 /payments', 'GET /api/payments']));
    for (const r of result.routes) expect(r.p50).toBeGreaterThan(0);
    // The same users asked the same pages again: some answers came from the kept pages, never an export.
    expect(result.total.kept).toBeGreaterThan(0);
    expect(result.routes.find((r) => r.route.includes('export'))?.kept ?? 0).toBe(0);
  });

  it('with --fresh every URL is new, so every answer is rendered', async () => {
    const result = await runLoad({ url: site.url, users: 3, seconds: 3, think: 0, roles: 'leader,town,section', password: 'demo2018', fresh: true });
    expect(result.total.errors).toBe(0);
    expect(result.total.requests).toBeGreaterThan(6);
    expect(result.total.kept).toBe(0);
  });

  it('refuses to start with a wrong password', async () => {
    const client = new Client(site.url);
    await expect(signIn(client, site.url, 'leader', 'wrong-password')).rejects.toThrow(/登录失败/);
    await client.close();
  });
});
