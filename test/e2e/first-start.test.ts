import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { Db } from '@/queries/db';
import { createUser, listUsers } from '@/queries/auth/users';
import { listAudit } from '@/queries/auth/audit';
import { isDemoDatabase } from '@/queries/settings';
import { launchChromium } from '../helpers/browser';
import { refusedStart, startServer, type RunningServer } from '../helpers/server';

/**
 * A real county's first start: the server on a database file that does not exist yet, with the first admin's
 * password from the environment. And the starts it must refuse.
 */
describe('first start on a new database file', () => {
  let dir: string;
  let file: string;
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'fund-monitor-first-'));
    file = path.join(dir, 'county.duckdb');
    server = await startServer(file, { FUND_MONITOR_ADMIN_PASSWORD: 'County2026x' });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('no demo account exists: leader/demo2018 cannot sign in', async () => {
    const page = await browser.newPage({ locale: 'zh-CN' });
    // No proxy is trusted here: the address the client claims is not what the audit log records.
    await page.setExtraHTTPHeaders({ 'x-forwarded-for': '6.6.6.6' });
    await page.goto(`${server.url}/login`);
    await page.getByTestId('login-username').fill('leader');
    await page.getByTestId('login-password').fill('demo2018');
    await page.locator('button[type=submit]').click();
    expect(await page.getByTestId('login-error').innerText()).toBe('用户名或密码错误');
    await page.close();
  });

  it('admin signs in, is held on the change-password page until it changes the password, then the overview loads', async () => {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${server.url}/login?next=/payments`);
    await page.getByTestId('login-username').fill('admin');
    await page.getByTestId('login-password').fill('County2026x');
    await Promise.all([page.waitForURL((u) => u.pathname === '/account/password'), page.locator('button[type=submit]').click()]);
    for (const p of ['/', '/payments', '/admin/users', '/settings']) {
      await page.goto(`${server.url}${p}`);
      expect(new URL(page.url()).pathname, p).toBe('/account/password');
    }
    const api = await page.request.get(`${server.url}/api/payments`);
    expect(api.status()).toBe(403);
    expect((await api.json()).error).toContain('请先修改初始密码');

    await page.getByTestId('password-current').fill('County2026x');
    await page.getByTestId('password-next').fill('Mine2026yy');
    await page.getByTestId('password-confirm').fill('Mine2026zz');
    await page.getByTestId('password-submit').click();
    expect(await page.getByTestId('password-error').innerText()).toBe('两次输入的新密码不一致');
    // React resets the form after each submission: all three again.
    await page.getByTestId('password-current').fill('County2026x');
    await page.getByTestId('password-next').fill('Mine2026yy');
    await page.getByTestId('password-confirm').fill('Mine2026yy');
    await Promise.all([page.waitForURL((u) => u.pathname === '/'), page.getByTestId('password-submit').click()]);
    await page.getByTestId('user-box').waitFor();
    expect((await page.request.get(`${server.url}/api/payments`)).status()).toBe(200);
    // The user box leads back to the page, now a plain change of one's own password.
    await page.getByTestId('change-password').click();
    await page.waitForURL((u) => u.pathname === '/account/password');
    expect(await page.getByTestId('password-intro').innerText()).toContain('修改后');
    await context.close();
  });

  it('the file holds the empty county: the catalog, one admin, no demo mark; the change is audited', async () => {
    await server.stop();
    const db = await Db.open(file, { readOnly: true });
    try {
      expect((await listUsers(db)).map((u) => [u.username, u.role])).toEqual([['admin', 'admin']]);
      expect(await isDemoDatabase(db)).toBe(false);
      expect(Number((await db.one<{ n: string }>('SELECT count(*) AS n FROM funds'))!.n)).toBe(148);
      expect(Number((await db.one<{ n: string }>('SELECT count(*) AS n FROM payments'))!.n)).toBe(0);
      expect((await listAudit(db, { action: 'password_change' })).map((r) => r.actor)).toEqual(['admin']);
      expect((await listAudit(db, { actor: 'leader' })).map((r) => r.ip)).toEqual(['127.0.0.1']);
    } finally {
      db.close();
    }
  });
});

describe('starts the server refuses, with one line saying why', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'fund-monitor-refuse-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('a weak FUND_MONITOR_ADMIN_PASSWORD on a new database', async () => {
    const { code, stderr } = await refusedStart(path.join(dir, 'weak.duckdb'), { FUND_MONITOR_ADMIN_PASSWORD: 'password' });
    expect(code).toBe(1);
    expect(stderr).toContain('fund-monitor 拒绝启动：FUND_MONITOR_ADMIN_PASSWORD 不符合密码要求：密码须同时包含字母和数字');
  });

  it('a database that is not the demo but holds demo accounts with the public password', async () => {
    const file = path.join(dir, 'copied.duckdb');
    const db = await Db.open(file);
    await createUser(db, { username: 'admin', role: 'admin', password: 'demo2018' });
    await createUser(db, { username: 'town', role: 'town', password: 'demo2018' });
    db.close();
    const { code, stderr } = await refusedStart(file);
    expect(code).toBe(1);
    expect(stderr).toMatch(/fund-monitor 拒绝启动：.*copied\.duckdb 不是演示数据库，却有可用公开演示密码登录的账户：admin、town。/);
  });
});
