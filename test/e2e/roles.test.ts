import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import ExcelJS from 'exceljs';
import { Db } from '@/queries/db';
import { buildDemoFile } from '@/lib/cli/demo';
import { createUser } from '@/queries/auth/users';
import { formatCount } from '@/lib/format';
import { EXPORT_COLUMNS } from '@/lib/payments/export';
import { launchChromium, signIn } from '../helpers/browser';
import { startServer, type RunningServer } from '../helpers/server';

/**
 * Every role in the browser and against the route handlers: what it can and cannot see. The expected rows come from
 * independent SQL on the demo database (read before the server opens it), never from the app's own queries.
 */

const ROLES = ['admin', 'leader', 'supervisor', 'section', 'department', 'town'] as const;
type DemoRole = (typeof ROLES)[number];

const NAV: Record<DemoRole, string[]> = {
  admin: ['总览', '通报', '资金台账', '股室', '部门', '乡镇', '项目', '滞留资金', '资金流速', '预警', '支付明细', '数据导入', '数据质量', '风险点', '比对名单', '资金目录', '设置', '用户管理', '单位管理', '节假日', '备份', '审计日志'],
  leader: ['总览', '通报', '资金台账', '股室', '部门', '乡镇', '项目', '滞留资金', '资金流速', '预警', '支付明细', '数据质量'],
  supervisor: ['总览', '通报', '资金台账', '股室', '部门', '乡镇', '项目', '滞留资金', '资金流速', '预警', '支付明细', '数据质量', '比对名单', '审计日志'],
  section: ['总览', '通报', '资金台账', '股室', '项目', '滞留资金', '资金流速', '预警', '待办', '支付明细', '数据导入', '数据质量', '风险点'],
  department: ['总览', '资金台账', '部门', '项目', '滞留资金', '预警', '待办', '支付明细', '数据质量'],
  town: ['总览', '资金台账', '乡镇', '项目', '滞留资金', '资金流速', '预警', '待办', '支付明细', '数据质量'],
};

interface ApiPage { count: number; rows: { voucher_no: string }[] }

describe('roles and scoping in Chromium and the route handlers', () => {
  let dir: string;
  let server: RunningServer;
  let browser: Browser;
  /** Vouchers each role may read, by independent SQL; 'all' for the unscoped roles. */
  const visible: Record<string, Set<string>> = {};
  let total = 0;
  let shiyao = 0; // 石窑镇, the demo town user's binding
  let mazha = 0; // 马岔镇, another town
  let mazhaVoucher = ''; // a payment 马岔镇 made for itself: the town user must never see it

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'fund-monitor-roles-'));
    const file = path.join(dir, 'roles.duckdb');
    await buildDemoFile(file, { payments: 20_000, year: 2018, seed: 11 });
    const db = await Db.open(file);
    const id = async (name: string) => (await db.one<{ id: number }>('SELECT id FROM units WHERE name = $name', { name }))!.id;
    shiyao = await id('石窑镇');
    mazha = await id('马岔镇');
    const set = async (sql: string, params: Record<string, number> = {}) =>
      new Set((await db.all<{ v: string }>(sql, params)).map((r) => r.v));
    visible.section = await set(`SELECT p.voucher_no AS v FROM payments p JOIN indicators i ON i.id = p.indicator_id
      JOIN funds f ON f.id = i.fund_id WHERE f.section_id = $s`, { s: await id('农财所') });
    visible.department = await set('SELECT voucher_no AS v FROM payments WHERE unit_id = $u', { u: await id('县教育局') });
    visible.town = await set('SELECT voucher_no AS v FROM payments WHERE unit_id = $t OR town_id = $t', { t: shiyao });
    visible.mazha = await set('SELECT voucher_no AS v FROM payments WHERE unit_id = $t OR town_id = $t', { t: mazha });
    total = Number((await db.one<{ n: string }>('SELECT count(*) AS n FROM payments'))!.n);
    mazhaVoucher = (await db.one<{ v: string }>('SELECT voucher_no AS v FROM payments WHERE unit_id = $t AND town_id = $t ORDER BY pay_date DESC LIMIT 1', { t: mazha }))!.v;
    // An account of its own for the lockout test, so locking it disturbs no other test.
    await createUser(db, { username: 'locktest', role: 'leader', password: 'demo2018' });
    db.close();
    expect(visible.town.size).toBeGreaterThan(100);
    expect(visible.town.has(mazhaVoucher)).toBe(false);
    server = await startServer(file);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const contexts: BrowserContext[] = [];
  async function session(username: string, password = 'demo2018'): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    contexts.push(context);
    const page = await context.newPage();
    await signIn(page, server.url, username, password);
    return page;
  }
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => {});
  });

  async function api<T = ApiPage>(page: Page, url: string): Promise<T> {
    const response = await page.request.get(`${server.url}${url}`);
    expect(response.status(), url).toBe(200);
    return (await response.json()) as T;
  }

  /** Every payment the JSON route returns for this session, page by page (500 a page). */
  async function allApiVouchers(page: Page, query = ''): Promise<{ count: number; vouchers: string[] }> {
    const vouchers: string[] = [];
    let count = 0;
    for (let p = 1; ; p++) {
      const body = await api(page, `/api/payments?${EVERY}&page_size=500&page=${p}${query}`);
      count = body.count;
      vouchers.push(...body.rows.map((r) => r.voucher_no));
      if (body.rows.length < 500) break;
    }
    return { count, vouchers };
  }

  // Every payment of the demo (2017-01 to 2018-10): budget year 2017 to 2018-12-31 on basis 'all' (docs/views.md).
  const EVERY = 'year=2017&as_of=2018-12-31&basis=all';

  const csvVouchers = (csv: string) => csv.replace(/^\uFEFF/, '').trim().split('\r\n').slice(1).map((line) => line.split(',')[1]);

  it('anonymous requests: pages redirect to the login page, routes answer 401 without data', async () => {
    for (const cookie of [undefined, 'fm_session=forged-or-expired-token']) {
      const headers = cookie ? { cookie } : undefined;
      for (const pagePath of ['/', '/payments', '/admin/users', '/audit']) {
        const res = await fetch(`${server.url}${pagePath}`, { redirect: 'manual', headers });
        expect(res.status, `${pagePath} ${cookie ?? ''}`).toBeGreaterThanOrEqual(300);
        expect(res.status).toBeLessThan(400);
        expect(new URL(res.headers.get('location')!, server.url).pathname).toBe('/login');
      }
      for (const route of ['/api/payments', '/api/payments/export?format=csv', '/api/payments/export?format=xlsx']) {
        const res = await fetch(`${server.url}${route}`, { redirect: 'manual', headers });
        expect(res.status, `${route} ${cookie ?? ''}`).toBe(401);
        const body = await res.text();
        expect(body).not.toMatch(/PZ\d|voucher_no|支付凭证号/);
      }
    }
  });

  it('a forged session cookie in the browser is treated as anonymous', async () => {
    const context = await browser.newContext({ locale: 'zh-CN' });
    contexts.push(context);
    await context.addCookies([{ name: 'fm_session', value: 'forged-token', url: server.url }]);
    const page = await context.newPage();
    await page.goto(`${server.url}/payments`);
    expect(new URL(page.url()).pathname).toBe('/login');
    expect((await page.request.get(`${server.url}/api/payments`)).status()).toBe(401);
  });

  for (const role of ROLES) {
    it(`${role}: sees its navigation, its pages and exactly its payments`, async () => {
      const page = await session(role);
      const nav = await page.locator('aside nav a').allInnerTexts();
      expect(nav.map((t) => t.trim())).toEqual(NAV[role]);

      const users = await page.goto(`${server.url}/admin/users`);
      expect(users?.status()).toBe(role === 'admin' ? 200 : 404);
      if (role !== 'admin') await page.getByTestId('not-found').waitFor();
      const audit = await page.goto(`${server.url}/audit`);
      expect(audit?.status()).toBe(role === 'admin' || role === 'supervisor' ? 200 : 404);

      const expected = visible[role];
      const body = await api(page, `/api/payments?${EVERY}&page_size=500`);
      expect(body.count).toBe(expected ? expected.size : total);
      if (expected) for (const r of body.rows) expect(expected.has(r.voucher_no), r.voucher_no).toBe(true);

      const payments = await page.goto(`${server.url}/payments?${EVERY}`);
      expect(payments?.status()).toBe(200);
      expect(await page.getByTestId('payments-summary').innerText()).toContain(`共 ${formatCount(expected ? expected.size : total)} 笔`);
      const shown = await page.getByTestId('payment-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-voucher')!));
      expect(shown.length).toBe(Math.min(50, expected ? expected.size : total));
      if (expected) for (const v of shown) expect(expected.has(v), v).toBe(true);

      // 数据质量 counts the very same payments: one visibility rule (queries/visibility.sql).
      await page.goto(`${server.url}/quality?year=2017&as_of=2018-12-31`);
      expect(await page.getByTestId('kpi-payments').innerText()).toBe(formatCount(expected ? expected.size : total));
    });
  }

  it('town user (石窑镇) cannot read another town\'s payments through the page, the JSON route or the exports', async () => {
    const page = await session('town');
    const mine = visible.town;

    // The page, filtered to another town or another payer: only 石窑镇's own rows can ever appear.
    for (const query of [`town=${mazha}`, `department=${mazha}`, `q=${mazhaVoucher}`]) {
      await page.goto(`${server.url}/payments?${EVERY}&${query}`);
      const shown = await page.getByTestId('payment-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-voucher')!));
      for (const v of shown) expect(mine.has(v), `${query}: ${v}`).toBe(true);
      expect(await page.getByTestId('payments-card').innerText()).not.toContain(mazhaVoucher);
      if (query !== `town=${mazha}`) {
        expect(shown).toEqual([]);
        await page.getByTestId('payments-empty').waitFor();
      }
    }

    // The JSON route: every row of every page, unfiltered and filtered to the other town, checked against the database.
    const everything = await allApiVouchers(page);
    expect(everything.count).toBe(mine.size);
    expect(new Set(everything.vouchers)).toEqual(mine);
    const other = await allApiVouchers(page, `&town=${mazha}`);
    for (const v of other.vouchers) expect(mine.has(v), v).toBe(true);
    expect((await api(page, `/api/payments?${EVERY}&department=${mazha}`)).count).toBe(0);
    expect((await api(page, `/api/payments?${EVERY}&q=${mazhaVoucher}`)).count).toBe(0);
    // An old parameter is refused naming its new one, never silently dropped (which would list every row).
    const old = await page.request.get(`${server.url}/api/payments?unit=${mazha}`);
    expect(old.status()).toBe(400);
    expect((await old.json()).error).toBe('参数 unit 已改名为 department');

    // The exports: CSV holds exactly the town's vouchers; with another town's filter nothing beyond them.
    const csv = await page.request.get(`${server.url}/api/payments/export?format=csv&${EVERY}`);
    expect(csv.status()).toBe(200);
    expect(csv.headers()['content-type']).toContain('text/csv');
    const text = await csv.text();
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(new Set(csvVouchers(text))).toEqual(mine);
    expect(text).not.toContain(mazhaVoucher);
    const filtered = await (await page.request.get(`${server.url}/api/payments/export?format=csv&${EVERY}&town=${mazha}`)).text();
    for (const v of csvVouchers(filtered)) expect(mine.has(v), v).toBe(true);
    const xlsx = await page.request.get(`${server.url}/api/payments/export?format=xlsx&${EVERY}&department=${mazha}`);
    expect(xlsx.status()).toBe(200);
    expect(xlsx.headers()['content-type']).toContain('spreadsheetml');
    // The streamed workbook, read back: exactly the town's vouchers.
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await (await page.request.get(`${server.url}/api/payments/export?format=xlsx&${EVERY}`)).body()) as never);
    const voucherColumn = EXPORT_COLUMNS.findIndex((c) => c.key === 'voucher_no') + 1;
    // Row 1 the title, row 2 the headers.
    expect(new Set(workbook.getWorksheet('支付明细')!.getColumn(voucherColumn).values.slice(3))).toEqual(mine);
  });

  it('five wrong passwords in the login form lock the account; the right password is then refused', async () => {
    const context = await browser.newContext({ locale: 'zh-CN' });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${server.url}/login`);
    // Each attempt waits for the server action's answer, so a message left from the previous try is never read.
    const attempt = async (password: string) => {
      await page.getByTestId('login-username').fill('locktest');
      await page.getByTestId('login-password').fill(password);
      await Promise.all([
        page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/login'),
        page.locator('button[type=submit]').click(),
      ]);
      await expect.poll(() => page.locator('button[type=submit]').isEnabled()).toBe(true);
      return page.getByTestId('login-error').innerText();
    };
    for (let i = 1; i <= 4; i++) expect(await attempt(`wrong-${i}`)).toBe('用户名或密码错误');
    expect(await attempt('wrong-5')).toBe('密码错误次数过多，账户已锁定 15 分钟');
    expect(await attempt('demo2018')).toBe('密码错误次数过多，账户已锁定 15 分钟');
    expect(new URL(page.url()).pathname).toBe('/login');
    expect((await page.request.get(`${server.url}/api/payments`)).status()).toBe(401);
  });

  it('admin creates a town user in the browser; the new user signs in and sees only its town; disabling ends its session', async () => {
    const admin = await session('admin');
    await admin.goto(`${server.url}/admin/users`);
    await admin.getByTestId('new-username').fill('mazha');
    await admin.getByTestId('new-display-name').fill('马岔镇财政所');
    await admin.getByTestId('new-role').selectOption('town');
    await admin.getByTestId('new-unit').selectOption({ label: '马岔镇' });
    await admin.getByTestId('new-password').fill('short');
    await admin.getByTestId('new-submit').click();
    // The browser's own check stops a short password; the server's check is covered by the unit tests.
    expect(await admin.getByTestId('user-create-message').count()).toBe(0);
    await admin.getByTestId('new-password').fill('Mazha2018');
    await admin.getByTestId('new-submit').click();
    await expect.poll(() => admin.getByTestId('user-create-message').innerText()).toContain('已创建用户 mazha');
    const row = admin.locator('[data-testid=user-row][data-username=mazha]');
    await row.waitFor();
    expect(await row.innerText()).toMatch(/马岔镇财政所\s+镇（中心）\s+马岔镇\s+正常/);

    // The admin chose the password, so the new user must choose its own before anything else.
    const user = await session('mazha', 'Mazha2018');
    await user.waitForURL((u) => u.pathname === '/account/password');
    expect((await user.request.get(`${server.url}/api/payments`)).status()).toBe(403);
    await user.getByTestId('password-current').fill('Mazha2018');
    await user.getByTestId('password-next').fill('Mazha2019own');
    await user.getByTestId('password-confirm').fill('Mazha2019own');
    await Promise.all([user.waitForURL((u) => u.pathname === '/'), user.getByTestId('password-submit').click()]);
    expect((await user.locator('aside nav a').allInnerTexts()).map((t) => t.trim())).toEqual(NAV.town);
    expect(await user.getByTestId('user-box').innerText()).toContain('马岔镇');
    const seen = await allApiVouchers(user);
    expect(new Set(seen.vouchers)).toEqual(visible.mazha);
    expect((await user.goto(`${server.url}/admin/users`))?.status()).toBe(404);

    // Disable it in the browser: its open session ends at once.
    await row.getByTestId('user-toggle').click();
    await admin.getByTestId('toggle-submit').click();
    await expect.poll(() => admin.getByTestId('user-toggle-message').innerText()).toContain('已停用 mazha');
    expect((await user.request.get(`${server.url}/api/payments`)).status()).toBe(401);
    await user.goto(`${server.url}/payments`);
    expect(new URL(user.url()).pathname).toBe('/login');
  });

  it('the audit page lists the logins and the user creation, newest first, read-only', async () => {
    const page = await session('supervisor');
    await page.goto(`${server.url}/audit?action=user_create`);
    const created = page.locator('[data-testid=audit-row]', { hasText: 'mazha' });
    expect(await created.innerText()).toMatch(/admin\s+新建用户\s+mazha\s+角色：镇（中心）；绑定单位：马岔镇/);

    await page.goto(`${server.url}/audit?actor=mazha`);
    const actions = await page.getByTestId('audit-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-action')));
    expect(actions).toContain('login');
    await page.goto(`${server.url}/audit?actor=locktest&action=login_failed`);
    expect(await page.getByTestId('audit-row').count()).toBe(6);
    expect(await page.getByTestId('audit-card').innerText()).toContain('原因：账户锁定中');

    await page.goto(`${server.url}/audit`);
    const times = await page.getByTestId('audit-row').evaluateAll((rows) => rows.map((r) => r.querySelector('td')!.textContent!));
    expect([...times].sort().reverse()).toEqual(times);
    // Nothing on the page changes the log: the only forms are the GET filter and sign-out.
    const forms = await page.locator('main form').evaluateAll((fs) => fs.map((f) => (f.getAttribute('method') ?? 'get').toLowerCase()));
    expect(forms).toEqual(['get']);
    expect(await page.locator('main button', { hasText: /删除|修改|编辑/ }).count()).toBe(0);
  });
});
