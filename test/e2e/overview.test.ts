import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { Db } from '@/queries/db';
import { buildDemoFile } from '@/lib/cli/demo';
import { formatPoints, formatRate, yuanToWan } from '@/lib/format';
import { launchChromium, signIn } from '../helpers/browser';
import { startServer, type RunningServer } from '../helpers/server';

const SHOTS = 'test-results';

// The KPI figures straight from the tables, written independently of queries/overview so the page is checked
// against the database rather than against its own query.
const EXPECTED_SQL = `
WITH ind AS (SELECT id, amount FROM indicators WHERE year = $year AND received_date <= $as_of::DATE)
SELECT
  (SELECT sum(amount) FROM ind)::DECIMAL(18,2) AS total,
  (SELECT sum(amount) FROM allocations WHERE indicator_id IN (SELECT id FROM ind) AND alloc_date <= $as_of::DATE)::DECIMAL(18,2) AS allocated,
  (SELECT sum(amount) FROM payments WHERE indicator_id IN (SELECT id FROM ind) AND pay_date <= $as_of::DATE)::DECIMAL(18,2) AS paid`;

interface Expected { total: string; allocated: string; paid: string }

describe('overview page in Chromium', () => {
  let dir: string;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const expected: Record<string, Expected> = {};

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'fund-monitor-e2e-'));
    const file = path.join(dir, 'e2e.duckdb');
    await buildDemoFile(file, { payments: 20_000, year: 2018, seed: 7 });
    const db = await Db.open(file, { readOnly: true });
    for (const asOf of ['2018-10-31', '2018-06-30']) {
      expected[asOf] = (await db.one<Expected>(EXPECTED_SQL, { year: 2018, as_of: asOf }))!;
    }
    db.close();
    server = await startServer(file);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    await signIn(page, server.url, 'leader');
    mkdirSync(SHOTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  async function kpi(id: string): Promise<string> {
    return (await page.getByTestId(id).innerText()).trim();
  }

  async function expectKpis(e: Expected, timeProgress: number) {
    const spend = Number(e.paid) / Number(e.total);
    expect(await kpi('kpi-total')).toBe(yuanToWan(e.total));
    expect(await kpi('kpi-allocated')).toBe(yuanToWan(e.allocated));
    expect(await kpi('kpi-paid')).toBe(yuanToWan(e.paid));
    expect(await kpi('kpi-alloc-rate')).toBe(formatRate(Number(e.allocated) / Number(e.total)));
    expect(await kpi('kpi-spend-rate')).toBe(formatRate(spend));
    expect(await kpi('kpi-time-progress')).toBe(formatRate(timeProgress));
    expect(await kpi('kpi-gap-points')).toBe(formatPoints((spend - timeProgress) * 100));
    // 超(短)序时金额 = paid − time progress × total.
    const gapYuan = (Number(e.paid) - Number(e.total) * timeProgress).toFixed(2);
    expect(await kpi('kpi-gap-amount')).toBe(yuanToWan(gapYuan));
  }

  it('shows the newest year up to its last data date by default, with the database\'s KPI figures', async () => {
    const started = Date.now();
    await page.goto(`${server.url}/`);
    console.log(`overview served and rendered in ${Date.now() - started} ms`);
    await page.getByTestId('overview-kpis').waitFor();
    expect(await page.getByTestId('filter-as-of').inputValue()).toBe('2018-10-31');
    await expectKpis(expected['2018-10-31'], 10 / 12);
    await page.screenshot({ path: `${SHOTS}/overview.png`, fullPage: true });
  });

  it('renders the levels, the trend and both rankings', async () => {
    for (const level of ['central', 'province', 'city', 'county', 'total']) {
      await expect(page.getByTestId(`level-row-${level}`).isVisible()).resolves.toBe(true);
    }
    expect(await page.getByTestId('level-row-total').innerText()).toContain(yuanToWan(expected['2018-10-31'].paid));
    await page.getByTestId('trend-chart').getByTestId('chart-area').locator('svg').first().waitFor();
    expect(await page.getByTestId('ranking-sections').innerText()).toContain('农财所');
    expect(await page.getByTestId('ranking-towns').innerText()).toContain('石窑镇');
  });

  it('keeps the as-of date in the URL and recomputes the figures for it', async () => {
    await page.getByTestId('filter-as-of').fill('2018-06-30');
    await Promise.all([page.waitForURL(/as_of=2018-06-30/), page.getByTestId('filter-bar').locator('button[type=submit]').click()]);
    await page.getByTestId('overview-kpis').waitFor();
    await expectKpis(expected['2018-06-30'], 6 / 12);
    await page.reload();
    expect(await kpi('kpi-paid')).toBe(yuanToWan(expected['2018-06-30'].paid));
  });

  it('fits a phone screen', async () => {
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
    await signIn(phone, server.url, 'leader');
    await phone.goto(`${server.url}/?year=2018&as_of=2018-10-31`);
    await phone.getByTestId('overview-kpis').waitFor();
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await phone.screenshot({ path: `${SHOTS}/overview-phone.png`, fullPage: true });
    await phone.close();
  });
});
