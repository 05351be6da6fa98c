import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { Db } from '@/queries/db';
import { createUser, findUser } from '@/queries/auth/users';
import { listAudit } from '@/queries/auth/audit';
import { launchChromium, signIn } from '../helpers/browser';
import { startServer, type RunningServer } from '../helpers/server';

/**
 * The hardening of issue 8, each attack replayed against a running server: a burst of wrong passwords, a huge
 * username, cross-site requests from another port of the same host, open redirects after login.
 */

const ADMIN = { username: 'guard', password: 'Guard2026x' };
const CROSS_SITE = '拒绝来自其他网站的请求';

/** Every route.ts under app/ with the state-changing methods it exports, and a URL that reaches it. */
function mutatingRoutes(): { url: string; method: string; file: string }[] {
  const found: { url: string; method: string; file: string }[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name === 'route.ts') {
        const source = readFileSync(full, 'utf8');
        const url = path.relative('app', path.dirname(full)).split(path.sep)
          .filter((seg) => !/^\(.*\)$/.test(seg)).map((seg) => (/^\[.*\]$/.test(seg) ? '1' : seg)).join('/');
        for (const m of source.matchAll(/export\s+(?:async\s+)?(?:function|const)\s+(POST|PUT|PATCH|DELETE)\b/g)) {
          found.push({ url: `/${url}`, method: m[1], file: full });
        }
      }
    }
  };
  walk('app');
  return found;
}

describe('hardening on a running server', () => {
  let dir: string;
  let file: string;
  let server: RunningServer;
  let browser: Browser;
  let admin: BrowserContext;
  let adminPage: Page;
  let cookie: string;
  let attacker: http.Server;
  let attackerUrl: string;
  let attackerHtml = '';

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'fund-monitor-security-'));
    file = path.join(dir, 'security.duckdb');
    const db = await Db.open(file);
    await createUser(db, { username: ADMIN.username, role: 'admin', password: ADMIN.password });
    await createUser(db, { username: 'burst', role: 'leader', password: 'Burst2026x' });
    db.close();
    // Loopback is the trusted proxy here, so a test can speak for several client addresses through X-Forwarded-For.
    server = await startServer(file, { FUND_MONITOR_TRUSTED_PROXIES: '127.0.0.1' });
    browser = await launchChromium();
    admin = await browser.newContext({ locale: 'zh-CN' });
    adminPage = await admin.newPage();
    await signIn(adminPage, server.url, ADMIN.username, ADMIN.password);
    cookie = (await admin.cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
    // The attacker: another port of the same host, serving whatever page a test sets.
    attacker = http.createServer((_, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(attackerHtml));
    await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve));
    attackerUrl = `http://127.0.0.1:${(attacker.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    attacker?.close();
    await admin?.close();
    await browser?.close();
    await server?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('every route.ts exporting POST/PUT/PATCH/DELETE refuses a foreign Origin and a same-site Sec-Fetch-Site, even with a live session', async () => {
    const routes = mutatingRoutes();
    // The list is read from the files; these must be among them, so the test cannot pass on an empty list.
    for (const known of ['POST /api/import/upload', 'POST /api/import/file', 'POST /api/import/batches/1/rollback', 'POST /api/import/presets', 'DELETE /api/import/presets', 'POST /logout']) {
      expect(routes.map((r) => `${r.method} ${r.url}`)).toContain(known);
    }
    for (const { url, method, file: source } of routes) {
      const foreigns: Record<string, string>[] = [{ origin: attackerUrl }, { 'sec-fetch-site': 'same-site' }, { origin: 'null' }];
      for (const foreign of foreigns) {
        const res = await fetch(`${server.url}${url}?kind=payments`, {
          method, redirect: 'manual', headers: { cookie, 'content-type': 'application/json', 'x-file-name': 'a.csv', ...foreign }, body: '{}',
        });
        expect(res.status, `${method} ${url} (${source}) ${JSON.stringify(foreign)}`).toBe(403);
        expect((await res.json()).error).toBe(CROSS_SITE);
      }
    }
    // The same session from the site itself reaches the route (here: no batch 1).
    const own = await fetch(`${server.url}/api/import/batches/1/rollback`, { method: 'POST', headers: { cookie, origin: server.url } });
    expect(own.status).toBe(404);
  });

  it('a form auto-submitted from another port does not reach the rollback route', async () => {
    attackerHtml = `<form method="post" action="${server.url}/api/import/batches/1/rollback"></form>
      <script>document.forms[0].submit()</script>`;
    const page = await admin.newPage();
    await Promise.all([page.waitForURL((u) => u.pathname.endsWith('/rollback')), page.goto(attackerUrl)]);
    expect(await page.locator('body').innerText()).toContain(CROSS_SITE);
    await page.close();
  });

  it('a no-cors text/plain fetch from another port saves no import preset', async () => {
    attackerHtml = `<script>
      fetch('${server.url}/api/import/presets', { method: 'POST', mode: 'no-cors', credentials: 'include',
        headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ kind: 'payments', name: 'evil', mapping: {} }) })
        .finally(() => { document.title = 'sent'; });
    </script>`;
    const page = await admin.newPage();
    await page.goto(attackerUrl);
    await expect.poll(() => page.title()).toBe('sent');
    await page.close();
    // Same origin, but text/plain: refused too (415) — the route takes JSON only.
    const plain = await adminPage.evaluate(async () => (await fetch('/api/import/presets', {
      method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ kind: 'payments', name: 'evil2', mapping: {} }),
    })).status);
    expect(plain).toBe(415);
    const presets = await (await adminPage.request.get(`${server.url}/api/import/presets?kind=payments`)).json();
    expect(presets.presets.map((p: { name: string }) => p.name)).toEqual([]);
  });

  for (const next of ['/%5Cevil.example', '/%09/evil.example']) {
    it(`login with next=${next} stays on this site`, async () => {
      const context = await browser.newContext({ locale: 'zh-CN' });
      const page = await context.newPage();
      await page.goto(`${server.url}/login?next=${next}`);
      await page.getByTestId('login-username').fill(ADMIN.username);
      await page.getByTestId('login-password').fill(ADMIN.password);
      await Promise.all([page.waitForURL((u) => !u.pathname.startsWith('/login')), page.locator('button[type=submit]').click()]);
      expect(new URL(page.url()).origin).toBe(server.url);
      await context.close();
    });
  }

  /** Posts the login form from the login page (the form's own server action, as a browser without script would). */
  async function postLogins(attempts: { username: string; password: string; ip: string }[]): Promise<{ status: number; text: string }[]> {
    const page = await browser.newPage();
    await page.goto(`${server.url}/login`);
    const results = await page.evaluate(async (list) => Promise.all(list.map(async ({ username, password, ip }) => {
      const form = new FormData(document.querySelector('form') as HTMLFormElement);
      form.set('username', username);
      form.set('password', password);
      const res = await fetch('/login', { method: 'POST', body: form, headers: { 'x-forwarded-for': ip }, redirect: 'manual' });
      return { status: res.status, text: await res.text() };
    })), attempts);
    await page.close();
    return results;
  }

  it('20 parallel wrong passwords: exactly 5 counted, the account locked, no 500; the right password is then refused', async () => {
    const burst = await postLogins(Array.from({ length: 20 }, (_, i) => ({ username: 'burst', password: `wrong${i}x`, ip: '10.9.9.9' })));
    expect(burst.map((r) => r.status).filter((s) => s >= 500)).toEqual([]);
    expect(burst.every((r) => r.status === 200)).toBe(true);
    const [right] = await postLogins([{ username: 'burst', password: 'Burst2026x', ip: '10.9.9.10' }]);
    expect(right.status).toBe(200);
    expect(right.text).toContain('密码错误次数过多，账户已锁定 15 分钟');
  });

  it('a 100 KB username is answered like any wrong login and leaves the audit page small', async () => {
    const [res] = await postLogins([{ username: 'x'.repeat(100_000), password: 'whatever1', ip: '10.9.9.11' }]);
    expect(res.status).toBe(200);
    expect(res.text).toContain('用户名或密码错误');
    const audit = await adminPage.request.get(`${server.url}/audit`);
    expect(audit.status()).toBe(200);
    expect((await audit.body()).length).toBeLessThan(200_000);
  });

  it('the database agrees: 5 wrong passwords counted from the forwarded address, no username stored beyond 32 characters', async () => {
    await server.stop();
    const db = await Db.open(file, { readOnly: true });
    try {
      expect(await findUser(db, 'burst')).toMatchObject({ failed_attempts: 5, locked: true });
      const failed = await listAudit(db, { actor: 'burst', action: 'login_failed' });
      const wrong = failed.filter((r) => JSON.parse(r.detail!).reason === 'wrong_password');
      expect(wrong.length).toBe(5);
      expect(new Set(wrong.map((r) => r.ip))).toEqual(new Set(['10.9.9.9']));
      const longest = await db.one<{ n: number }>('SELECT max(length(actor)) AS n FROM audit_log');
      expect(Number(longest!.n)).toBeLessThanOrEqual(32);
    } finally {
      db.close();
    }
  });
});
