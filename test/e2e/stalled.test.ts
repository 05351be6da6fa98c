import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { formatCount } from '@/lib/format';
import { signedInPage } from '../helpers/browser';
import { cli } from '../helpers/cli';
import { useDemoSite } from '../helpers/demo-site';

/**
 * 滞留资金 and 资金流速 on a demo county (docs/stalled-and-velocity.md): the supervision office opens 滞留资金 and sees
 * every balance idle 90 days or more, with the aging chart; each scoped role sees its own balances; the 股室 view shows
 * the new columns; the CLI gives the route's rows.
 */
describe('滞留资金 and 资金流速 pages', () => {
  const site = useDemoSite('stalled', { payments: 5_000, year: 2018, seed: 3 });
  const FILTER = 'year=2018&as_of=2018-10-31';

  const session = (username: string) => signedInPage(site, username, { width: 1600, height: 1000 });
  interface Row { name: string; section: string; idle_days: number; balance: string; reclaim: string | null }
  interface Body { count: number; rows: Row[] }
  const json = async (page: Page, url: string): Promise<Body> => {
    const res = await page.request.get(`${site.url}${url}`);
    expect(res.status(), url).toBe(200);
    return res.json();
  };
  let supervisor90: Body;

  it('the supervisor sees every balance idle 90 days or more; each scoped role its own', async () => {
    const supervisor = await session('supervisor');
    supervisor90 = await json(supervisor, `/api/views/stalled?${FILTER}&idle_days=90&page_size=500`);
    expect(supervisor90.count).toBeGreaterThan(0);
    expect(supervisor90.rows).toHaveLength(Math.min(supervisor90.count, 500)); // a page holds at most 500
    for (const row of supervisor90.rows) {
      expect(row.idle_days).toBeGreaterThanOrEqual(90);
      expect(Number(row.balance)).toBeGreaterThan(0);
    }
    const all30 = await json(supervisor, `/api/views/stalled?${FILTER}&page_size=1`);
    expect(all30.count).toBeGreaterThan(supervisor90.count);
    const town = await json(await session('town'), `/api/views/stalled?${FILTER}&page_size=500`);
    expect(new Set(town.rows.map((r) => r.name))).toEqual(new Set(['石窑镇']));
    const department = await json(await session('department'), `/api/views/stalled?${FILTER}&page_size=500`);
    expect(new Set(department.rows.map((r) => r.name))).toEqual(new Set(['县教育局']));
    const section = await json(await session('section'), `/api/views/stalled?${FILTER}&page_size=500`);
    expect(new Set(section.rows.map((r) => r.section))).toEqual(new Set(['农财所']));
  });

  it('the page draws the aging chart above the table and switches the threshold', async () => {
    const supervisor = await session('supervisor');
    await supervisor.goto(`${site.url}/views/stalled?${FILTER}&idle_days=90`);
    await expect.poll(() => supervisor.locator('[data-testid=view-chart] [data-testid=chart-area] svg :is(rect, path)').count()).toBeGreaterThan(0);
    expect(await supervisor.getByTestId('view-chart').innerText()).toContain('90–179天');
    expect(await supervisor.locator('[data-testid=view-card] header').innerText()).toContain(`共 ${formatCount(supervisor90.count)} 行`);
    await supervisor.screenshot({ path: 'test-results/stalled.png', fullPage: false });
    await supervisor.getByTestId('idle-days').getByText('365天以上').click();
    await supervisor.waitForURL(/idle_days=365/);
    const idle = await supervisor.locator('[data-testid=view-table] tbody tr').evaluateAll((trs) =>
      trs.map((tr) => Number((tr.children[11] as HTMLElement).innerText)));
    for (const days of idle) expect(days).toBeGreaterThanOrEqual(365);
  });

  it('the 股室 view shows 下达及时率, days to first payment and 滞留余额; 资金流速 lists each fund', async () => {
    const admin = await session('admin');
    await admin.goto(`${site.url}/views/sections?${FILTER}`);
    const headers = await admin.locator('[data-testid=view-table] thead th').allInnerTexts();
    expect(headers.join('|')).toMatch(/下达及时率.*收到→首笔支付\(中位天数\).*滞留余额\(90天以上\)/);
    await admin.screenshot({ path: 'test-results/stalled-sections.png', fullPage: false });
    await admin.goto(`${site.url}/views/velocity?${FILTER}`);
    expect(await admin.locator('[data-testid=view-table] tbody tr').count()).toBeGreaterThan(0);
    await admin.screenshot({ path: 'test-results/stalled-velocity.png', fullPage: false });
  });

  it('fund-monitor view stalled gives the route\'s rows', async () => {
    await site.stopServer();
    const r = cli(['view', 'stalled', '--db', site.file, '--year', '2018', '--as-of', '2018-10-31', '--idle-days', '90', '--json']);
    expect(r.stderr).toBe('');
    const printed = JSON.parse(r.stdout);
    expect(printed.count).toBe(supervisor90.count);
    expect(printed.rows.slice(0, 500)).toEqual(supervisor90.rows);
  });
});
