import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { Db } from '@/queries/db';
import { signedInPage } from '../helpers/browser';
import { cli } from '../helpers/cli';
import { useDemoSite } from '../helpers/demo-site';

/**
 * The views' routes on a demo county: the session, role and scope checks, the JSON, the export, and the CLI on the same
 * file giving the same rows as the route for the same filter (docs/views.md).
 */
describe('views: JSON route, export and CLI agree', () => {
  const site = useDemoSite('views', { payments: 5_000, year: 2018, seed: 3 });
  const FILTER = 'year=2018&as_of=2018-10-31';

  const session = (username: string) => signedInPage(site, username);
  const get = (page: Page, url: string) => page.request.get(`${site.url}${url}`);

  interface ViewBody { count: number; filter: Record<string, unknown>; rows: Record<string, unknown>[]; columns: { key: string; label: string }[] }
  let adminTowns: ViewBody;

  it('answers 401 without a session, 404 for an unknown view, 400 naming each invalid value', async () => {
    expect((await fetch(`${site.url}/api/views/towns?${FILTER}`)).status).toBe(401);
    expect((await fetch(`${site.url}/api/views/towns/export?format=csv`)).status).toBe(401);
    const admin = await session('admin');
    expect((await get(admin, '/api/views/nope')).status()).toBe(404);
    const bad = await get(admin, '/api/views/towns?as_of=2018-13-40&village=3&sort=payee');
    expect(bad.status()).toBe(400);
    expect((await bad.json()).problems.map((p: { message: string }) => p.message))
      .toEqual(['截止日期 2018-13-40 无效', '镇(中心)支出进度不能按村筛选', '排序列 payee 无效']);
    await admin.context().close();
  });

  it('the whole county for the admin; the town user its own line; other roles 403', async () => {
    const admin = await session('admin');
    const res = await get(admin, `/api/views/towns?${FILTER}`);
    expect(res.status()).toBe(200);
    adminTowns = await res.json();
    expect(adminTowns.count).toBe(13); // 县城 and 12 镇(中心)
    expect(adminTowns.filter).toEqual({ year: 2018, as_of: '2018-10-31' });
    expect(adminTowns.rows[0]).toMatchObject({ rank: 1 });
    for (const row of adminTowns.rows) expect(row.total).toMatch(/^-?\d+\.\d{2}$/);
    const town = await session('town');
    const own: ViewBody = await (await get(town, `/api/views/towns?${FILTER}`)).json();
    expect(own.rows).toHaveLength(1);
    expect(own.rows[0]).toEqual({ ...adminTowns.rows.find((r) => r.name === '石窑镇'), rank: null });
    expect((await get(town, '/api/views/departments')).status()).toBe(403);
    expect((await get(town, '/api/views/towns/export?format=csv')).status()).toBe(200);
    const department = await session('department');
    expect((await get(department, '/api/views/towns')).status()).toBe(403);
    const dept: ViewBody = await (await get(department, `/api/views/departments?${FILTER}`)).json();
    expect(dept.rows.map((r) => r.name)).toEqual(['县教育局']);
    const section = await session('section');
    expect((await get(section, '/api/views/towns')).status()).toBe(403);
    const sections: ViewBody = await (await get(section, `/api/views/sections?${FILTER}`)).json();
    expect(sections.rows.map((r) => r.name)).toEqual(['农财所']);
    for (const p of [admin, town, department, section]) await p.context().close();
  });

  it('the CSV export holds every row of the JSON, in its order, exact 元, with Chinese headers', async () => {
    const admin = await session('admin');
    const res = await get(admin, `/api/views/towns/export?format=csv&${FILTER}&page_size=5`);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toContain('text/csv');
    const text = (await res.body()).toString('utf8');
    expect(text.startsWith('\uFEFF镇(中心),预算(已分配)(元)')).toBe(true);
    const lines = text.slice(1).trimEnd().split('\r\n').slice(1).map((l) => l.split(','));
    expect(lines.map((l) => [l[0], l[1], l[3]])).toEqual(adminTowns.rows.map((r) => [r.name, r.total, r.paid]));
    const xlsx = await get(admin, `/api/views/sections/export?format=xlsx&${FILTER}`);
    expect(xlsx.status()).toBe(200);
    expect((await xlsx.body()).subarray(0, 2).toString()).toBe('PK');
    await admin.context().close();
  });

  it('the page /views/[id] shows the same rows, names an invalid value, and is 404 for a role the view does not serve', async () => {
    const admin = await session('admin');
    await admin.goto(`${site.url}/views/towns?${FILTER}`);
    const names = await admin.locator('[data-testid=view-table] tbody tr td:first-child').allInnerTexts();
    expect(names).toEqual(adminTowns.rows.map((r) => r.name));
    await admin.screenshot({ path: 'test-results/views-towns.png', fullPage: true });
    await admin.goto(`${site.url}/views/towns?year=2018&as_of=2018-13-40`);
    await expect.poll(() => admin.getByTestId('view-problems').innerText()).toContain('截止日期 2018-13-40 无效');
    // A filter the view does not honour is named, and left out of the page's links, so its export still answers.
    await admin.goto(`${site.url}/views/towns?${FILTER}&village=3`);
    expect(await admin.getByTestId('view-problems').innerText()).toContain('镇(中心)支出进度不能按村筛选');
    const csvHref = (await admin.getByTestId('view-export-csv').getAttribute('href'))!;
    expect(csvHref).not.toContain('village');
    expect((await get(admin, csvHref)).status()).toBe(200);
    const town = await session('town');
    const res = await town.goto(`${site.url}/views/departments`);
    expect(res?.status()).toBe(404);
    for (const p of [admin, town]) await p.context().close();
  });

  it('fund-monitor view towns --json gives the route\'s rows; each export was audited', async () => {
    await site.stopServer();
    const r = cli(['view', 'towns', '--db', site.file, '--year', '2018', '--as-of', '2018-10-31', '--json']);
    expect(r.stderr).toBe('');
    const printed = JSON.parse(r.stdout);
    expect(printed.rows).toEqual(adminTowns.rows);
    expect(printed.filter).toEqual(adminTowns.filter);
    expect(printed.columns).toEqual(adminTowns.columns);
    const db = await Db.open(site.file);
    const audited = await db.all<{ actor: string; target: string; detail: string }>(
      "SELECT actor, target, detail FROM audit_log WHERE action = 'export' AND target LIKE 'view:%' ORDER BY id");
    db.close();
    expect(audited.map((a) => [a.actor, a.target])).toEqual([
      ['town', 'view:towns'], ['admin', 'view:towns'], ['admin', 'view:sections'], ['admin', 'view:towns'],
    ]);
    expect(JSON.parse(audited[1].detail)).toMatchObject({ format: 'csv', rows: 13, filter: { year: 2018, as_of: '2018-10-31' } });
  });
});
