import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { signedInPage } from '../helpers/browser';
import { useDemoSite } from '../helpers/demo-site';

const SHOTS = 'test-results';

/**
 * Drill-down from the overview's rankings, the view pages' filter bar and breadcrumbs, phone width and A4 print
 * (docs/navigation.md), on a demo county.
 */
describe('drill-down, filter bar, phone and print', () => {
  const site = useDemoSite('drill', { payments: 5_000, year: 2018, seed: 3 });
  const FILTER = 'year=2018&as_of=2018-10-31';

  const session = (username: string, viewport = { width: 1280, height: 900 }) => signedInPage(site, username, viewport);

  it('each overview ranking row links to its drill-down with the year and 截止日期; 查看全表 opens the view', async () => {
    mkdirSync(SHOTS, { recursive: true });
    const page = await session('admin');
    await page.goto(`${site.url}/?${FILTER}`);
    const href = (panel: string) => page.getByTestId(panel).getByTestId('ranking-link').first().getAttribute('href');
    expect(await href('ranking-towns')).toMatch(/^\/views\/villages\?year=2018&as_of=2018-10-31&town=\d+$/);
    expect(await href('ranking-sections')).toMatch(/^\/views\/ledger\?year=2018&as_of=2018-10-31&section=\d+$/);
    expect(await href('ranking-departments')).toMatch(/^\/views\/allocations\?year=2018&as_of=2018-10-31&department=\d+$/);
    // 环比 arrows and the SQL's bands on every row of the town ranking (13 towns: best five, worst five, and all).
    const towns = page.getByTestId('ranking-towns');
    expect(await towns.locator('[data-change]').count()).toBeGreaterThan(0);
    expect(await towns.locator('[data-testid=ranking-towns-best-row] [data-band]').count()).toBe(5);
    const first = await towns.getByTestId('ranking-link').first().innerText();
    await Promise.all([page.waitForURL(/\/views\/towns\?year=2018&as_of=2018-10-31$/), page.getByTestId('ranking-towns-view').click()]);
    expect(await page.locator('[data-testid=view-table] tbody tr td:first-child').first().innerText()).toBe(first);
    expect(await page.getByTestId('breadcrumbs').innerText()).toMatch(/总览\s*›\s*镇\(中心\)支出进度/);
    await page.context().close();
  });

  it('the filter bar puts each choice in the URL, keeps the sort, and the breadcrumbs name the choice', async () => {
    const page = await session('admin');
    await page.goto(`${site.url}/views/towns?${FILTER}&sort=change_points&dir=asc`);
    await page.getByTestId('view-filter-level').selectOption('central');
    const town = page.getByTestId('view-filter-town');
    const shiyao = await town.locator('option', { hasText: '石窑镇' }).getAttribute('value');
    await town.selectOption(shiyao!);
    await Promise.all([page.waitForURL(/level=central/), page.getByTestId('view-filter-bar').locator('button[type=submit]').click()]);
    const url = new URL(page.url());
    expect(Object.fromEntries(url.searchParams)).toEqual({
      year: '2018', as_of: '2018-10-31', level: 'central', town: shiyao, sort: 'change_points', dir: 'asc',
    });
    expect(await page.locator('[data-testid=view-table] tbody tr td:first-child').allInnerTexts()).toEqual(['石窑镇']);
    const crumbs = page.getByTestId('breadcrumbs');
    expect(await crumbs.innerText()).toContain('镇 石窑镇');
    expect(await crumbs.getByRole('link', { name: '镇 石窑镇' }).getAttribute('href'))
      .toBe(`/views/villages?year=2018&as_of=2018-10-31&town=${shiyao}`);
    // A town user is offered only its own town.
    const townUser = await session('town');
    await townUser.goto(`${site.url}/views/towns?${FILTER}`);
    expect(await townUser.getByTestId('view-filter-town').locator('option').allInnerTexts()).toEqual(['全部', '石窑镇']);
    for (const p of [page, townUser]) await p.context().close();
  });

  it('fits a phone: the page never scrolls sideways, a wide table scrolls inside its card', async () => {
    const phone = await session('leader', { width: 375, height: 800 });
    for (const [name, path] of [['overview', `/?${FILTER}`], ['view', `/views/sections?${FILTER}`]]) {
      await phone.goto(`${site.url}${path}`);
      await phone.waitForLoadState('networkidle');
      const width = await phone.evaluate(() => document.documentElement.scrollWidth);
      expect(width, name).toBeLessThanOrEqual(376);
      await phone.screenshot({ path: `${SHOTS}/drill-phone-${name}.png`, fullPage: true });
    }
    const table = await phone.getByTestId('view-table').evaluate((t) => ({ table: t.scrollWidth, box: t.parentElement!.clientWidth }));
    expect(table.table).toBeGreaterThan(table.box); // the sections view is wider than a phone: it scrolls in its card
    await phone.context().close();
  });

  it('prints on A4: no controls, the filter as text, every column inside the page', async () => {
    const page = await session('admin');
    await page.goto(`${site.url}/views/sections?${FILTER}&level=central`);
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByTestId('view-filter-bar').isVisible()).toBe(false);
    expect(await page.getByTestId('view-export-csv').isVisible()).toBe(false);
    expect(await page.getByTestId('view-filter-text').innerText()).toBe('筛选条件：2018年度 · 截止 2018-10-31 · 级次 中央');
    const pdf = await page.pdf({ path: `${SHOTS}/drill-view.pdf`, printBackground: true, preferCSSPageSize: true });
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
    // The 股室 view's 15 columns are laid across the sheet: landscape A4, 842 × 595 points.
    expect(mediaBoxes(pdf)).toContainEqual([842, 595]);
    // Laid out at the A4 width the PDF used, the table's last column ends inside its card.
    await page.setViewportSize({ width: 700, height: 1000 });
    const fits = await page.getByTestId('view-table').evaluate((t) => {
      const card = t.closest('section')!.getBoundingClientRect();
      const last = t.querySelector('thead th:last-child')!.getBoundingClientRect();
      return last.right <= card.right + 1;
    });
    expect(fits).toBe(true);
    await page.goto(`${site.url}/?${FILTER}`);
    await page.getByTestId('ranking-towns').waitFor();
    const overview = await page.pdf({ path: `${SHOTS}/drill-overview.pdf`, printBackground: true, preferCSSPageSize: true });
    expect(new Set(mediaBoxes(overview).map(String))).toEqual(new Set(['595,842'])); // portrait A4
    await page.context().close();
  });
});

/** The page sizes of a PDF in whole points, [width, height], from its pages' /MediaBox entries. */
function mediaBoxes(pdf: Buffer): number[][] {
  return [...pdf.toString('latin1').matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map((m) => [Math.round(Number(m[1])), Math.round(Number(m[2]))]);
}
