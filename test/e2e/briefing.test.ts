import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { signedInPage } from '../helpers/browser';
import { useDemoSite } from '../helpers/demo-site';

/**
 * 通报 on a demo county (docs/briefing.md): a leader opens /briefing for a 截止日期, its summary's 支出进度 is 总览's, 下载PDF
 * gives a PDF; a 股室 user gets its own report; a 镇 gets 404.
 */
describe('通报 page', () => {
  const site = useDemoSite('briefing', { payments: 5_000, year: 2018, seed: 3 });
  const FILTER = 'year=2018&as_of=2018-09-30';
  const session = (username: string) => signedInPage(site, username, { width: 1400, height: 1000 });

  it('a leader reads the county’s 通报 with 总览’s 支出进度 and downloads it as a PDF', async () => {
    const page = await session('leader');
    await page.goto(`${site.url}/?${FILTER}`);
    const kpi = (await page.getByTestId('kpi-spend-rate').innerText()).trim();
    expect(kpi).toMatch(/^\d+\.\d%$/);

    await page.goto(`${site.url}/briefing?${FILTER}`);
    const summary = page.getByTestId('briefing-summary');
    await summary.waitFor();
    const first = await summary.locator('p').first().innerText();
    expect(first).toMatch(/^截至9月30日，全县扶贫资金共/);
    expect(first).toContain(`支出进度为${kpi}`);
    expect(await page.getByTestId('briefing-document').locator('h1').innerText()).toContain('扶贫资金支出进度通报');
    expect(await page.locator('[data-testid=briefing-ranking-towns] tbody tr').count()).toBeGreaterThan(1);
    expect(await page.locator('[data-testid=briefing-document] svg').count()).toBe(2);
    await page.screenshot({ path: 'test-results/briefing-page.png', fullPage: true });

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('briefing-pdf').click()]);
    const pdf = readFileSync((await download.path())!);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(download.suggestedFilename()).toMatch(/扶贫资金支出进度通报（截至20180930）\.pdf$/);
    expect(await page.getByTestId('briefing-docx').getAttribute('href')).toBe(`/api/briefing/docx?year=2018&as_of=2018-09-30&scope=county`);
  });

  it('a 股室 user gets its own report, and may not read the county’s', async () => {
    const page = await session('section');
    await page.goto(`${site.url}/briefing?${FILTER}`);
    await page.getByTestId('briefing-summary').waitFor();
    expect(await page.getByTestId('briefing-summary').locator('p').first().innerText()).toMatch(/^截至9月30日，农财所扶贫资金共/);
    expect(await page.getByTestId('briefing-scope').count()).toBe(0);
    expect(await page.locator('[data-testid=briefing-ranking-towns]').count()).toBe(0);
    expect((await page.goto(`${site.url}/briefing?${FILTER}&scope=county`))!.status()).toBe(404);
    // As for a report that does not exist: the routes do not tell a 股室 which other reports there are.
    expect((await page.request.get(`${site.url}/api/briefing/pdf?${FILTER}&scope=county`)).status()).toBe(404);
  });

  it('a 镇 user gets 404 and no 通报 in the navigation', async () => {
    const page = await session('town');
    expect((await page.goto(`${site.url}/briefing?${FILTER}`))!.status()).toBe(404);
    expect(await page.locator('nav a[href="/briefing"]').count()).toBe(0);
    expect((await page.request.get(`${site.url}/api/briefing/pdf?${FILTER}`)).status()).toBe(403);
  });
});
