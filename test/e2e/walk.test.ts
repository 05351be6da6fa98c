import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { yuanToWan } from '@/lib/format';
import { signedInPage } from '../helpers/browser';
import { useDemoSite } from '../helpers/demo-site';

type Row = Record<string, string | number | null>;

/** Exact 元 strings summed in fen, back to a 元 string. */
const sumYuan = (values: (string | number | null)[]) => {
  const fen = values.reduce<bigint>((s, v) => s + BigInt(Math.round(Number(v ?? 0) * 100)), 0n);
  return `${fen / 100n}.${String(fen % 100n).padStart(2, '0')}`;
};

/**
 * The leader's walk (issue 9's "done means"): from 总览 down to the payments that explain a number, clicking the links
 * the pages offer, and at each step the page's figure equals the one a level up (docs/navigation.md). The numbers are
 * read from the same JSON the pages are built from, so the walk checks that the levels add up, not what the demo holds.
 */
describe('a walk from the overview down to one payment', () => {
  const site = useDemoSite('walk', { payments: 5_000, year: 2018, seed: 3 });
  const FILTER = 'year=2018&as_of=2018-10-31';

  const session = (username: string) => signedInPage(site, username);
  /** The JSON behind the page the browser shows now: /views/<id>?… → /api/views/<id>?…, every row. */
  async function viewJson(page: Page): Promise<Row[]> {
    const url = new URL(page.url());
    const res = await page.request.get(`${site.url}/api${url.pathname}${url.search}&page_size=500`);
    expect(res.status()).toBe(200);
    return (await res.json()).rows;
  }
  const tableText = (page: Page) => page.getByTestId('view-table').innerText();

  it('总览 → 股室 → 资金台账 → 指标 → 分配 → 支付明细, the figures agreeing at every step', async () => {
    const page = await session('leader');
    await page.goto(`${site.url}/?${FILTER}`);
    const kpiPaid = (await page.getByTestId('kpi-paid').innerText()).trim();

    // 总览's 股室 ranking: the first row opens that 股室's ledger.
    const sectionLink = page.getByTestId('ranking-sections').getByTestId('ranking-link').first();
    const sectionName = (await sectionLink.innerText()).trim();
    await Promise.all([page.waitForURL(/\/views\/ledger\?.*section=\d+/), sectionLink.click()]);
    const sectionId = Number(new URL(page.url()).searchParams.get('section'));
    const sections: Row[] = (await (await page.request.get(`${site.url}/api/views/sections?${FILTER}`)).json()).rows;
    const section = sections.find((r) => r.id === sectionId)!;
    expect(section.name).toBe(sectionName);
    // The county's sections add up to 总览's 已支付; this one's ledger total is its ranking line.
    expect(yuanToWan(sumYuan(sections.map((r) => r.paid)))).toBe(kpiPaid);
    const ledger = await viewJson(page);
    const total = ledger.find((r) => r.row_kind === 'total')!;
    expect([total.total, total.paid]).toEqual([section.total, section.paid]);
    expect(await tableText(page)).toContain(yuanToWan(String(total.paid)));
    expect(await page.getByTestId('breadcrumbs').innerText()).toContain(sectionName);

    // A fund with money paid → its indicators, which add up to the fund's line.
    const fundLine = ledger.find((r) => r.row_kind === 'fund' && Number(r.paid) > 0)!;
    await Promise.all([
      page.waitForURL(/\/views\/indicators\?.*fund=\d+/),
      page.getByTestId('view-table').getByRole('link', { name: String(fundLine.name), exact: true }).first().click(),
    ]);
    const indicators = await viewJson(page);
    expect(sumYuan(indicators.map((r) => r.paid))).toBe(fundLine.paid);
    expect(sumYuan(indicators.map((r) => r.total))).toBe(fundLine.total);

    // An indicator with payments → its allocations (indicator × unit), which add up to the indicator.
    const indicator = indicators.find((r) => Number(r.paid) > 0)!;
    await Promise.all([
      page.waitForURL(/\/views\/allocations\?.*indicator=/),
      page.getByTestId('view-table').getByRole('link', { name: String(indicator.id), exact: true }).first().click(),
    ]);
    const allocations = await viewJson(page);
    expect(sumYuan(allocations.map((r) => r.paid))).toBe(indicator.paid);
    expect(sumYuan(allocations.map((r) => r.total))).toBe(indicator.allocated);

    // The unit that paid most → 支付明细 for that indicator and unit: its sum is the allocation's 已支付.
    const paidMost = [...allocations].sort((a, b) => Number(b.paid) - Number(a.paid))[0];
    const toPayments = page.getByTestId('view-table').locator('a[href^="/payments"]', { hasText: String(paidMost.name) }).first();
    await Promise.all([page.waitForURL(/\/payments\?.*indicator=/), toPayments.click()]);
    expect(new URL(page.url()).searchParams.get('as_of')).toBe('2018-10-31');
    expect((await page.getByTestId('basis-year-amount').innerText()).trim()).toBe(yuanToWan(String(paidMost.paid)));
    const rows = page.getByTestId('payment-row');
    expect(await rows.count()).toBeGreaterThan(0);
    await page.screenshot({ path: 'test-results/walk-payments.png', fullPage: false });
    await page.context().close();
  });

  it('总览 → 镇 → 村 → 项目 → its page: the villages add up to the town, the project page to its line', async () => {
    const page = await session('leader');
    await page.goto(`${site.url}/?${FILTER}`);
    const townLink = page.getByTestId('ranking-towns').getByTestId('ranking-link').first();
    await Promise.all([page.waitForURL(/\/views\/villages\?.*town=\d+/), townLink.click()]);
    const townId = Number(new URL(page.url()).searchParams.get('town'));
    const towns: Row[] = (await (await page.request.get(`${site.url}/api/views/towns?${FILTER}`)).json()).rows;
    const town = towns.find((r) => r.id === townId)!;
    // A town is the sum of its villages and its money not placed in a village (未落实到村).
    const villages = await viewJson(page);
    expect(sumYuan(villages.map((r) => r.total))).toBe(town.total);
    expect(sumYuan(villages.map((r) => r.paid))).toBe(town.paid);
    await page.screenshot({ path: 'test-results/walk-villages.png', fullPage: false });

    const village = villages.find((r) => r.id !== null && Number(r.total) > 0)!;
    await Promise.all([
      page.waitForURL(/\/views\/projects\?.*village=\d+/),
      page.getByTestId('view-table').getByRole('link', { name: String(village.name), exact: true }).first().click(),
    ]);
    const projects = await viewJson(page);
    const project = projects.find((r) => Number(r.paid) > 0) ?? projects[0];
    await Promise.all([
      page.waitForURL(/\/projects\/[^/?]+\?/),
      // Two projects may share a name: the row is found by its code.
      page.getByTestId('view-table').locator('tbody tr', { hasText: String(project.code) }).getByRole('link', { name: String(project.name), exact: true }).click(),
    ]);
    const facts = page.getByTestId('project-facts');
    await facts.waitFor();
    expect(await facts.innerText()).toContain(String(project.code));
    expect(await page.locator('main').innerText()).toContain(yuanToWan(String(project.paid)));
    await page.screenshot({ path: 'test-results/walk-project.png', fullPage: true });
    await page.context().close();
  });
});
