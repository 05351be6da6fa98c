import { describe, expect, it } from 'vitest';
import { signedInPage } from '../helpers/browser';
import { useDemoSite } from '../helpers/demo-site';
import { yuanToFen, yuanToWan } from '@/lib/format';

/**
 * 资金台账 and 总览 on a demo county agree for one filter (docs/ledger.md): the ledger's year total is the KPI 已支付,
 * and 总览 shows the period's other payments (上年结转, unmatched) beside it, adding up to what 支付明细 lists.
 */
describe('ledger: the 资金台账 and 总览 agree, the rest of the period\'s payments shown apart', () => {
  const site = useDemoSite('ledger', { payments: 5_000, year: 2018, seed: 3 });
  const FILTER = 'year=2018&as_of=2018-10-31';

  const session = (username: string) => signedInPage(site, username);
  type Row = Record<string, string | number | null>;

  it('the ledger\'s total is 总览\'s 已支付; 上年结转 and unmatched payments are shown beside it and add up to the period', async () => {
    const admin = await session('admin');
    const body = await (await admin.request.get(`${site.url}/api/views/ledger?${FILTER}&page_size=500`)).json();
    const rows: Row[] = body.rows;
    const line = (kind: string) => rows.find((r) => r.row_kind === kind);
    const total = line('total')!;
    const carried = line('carryover_total');
    const unmatched = line('unmatched');
    expect(carried).toBeDefined(); // the demo county has 2017 indicators still unspent
    await admin.goto(`${site.url}/?${FILTER}`);
    await admin.getByTestId('period-payments').waitFor();
    const text = async (id: string) => (await admin.getByTestId(id).innerText()).trim();
    expect(await text('kpi-paid')).toBe(yuanToWan(String(total.paid)));
    expect(await text('period-paid')).toBe(yuanToWan(String(total.paid)));
    expect(await text('period-carryover')).toBe(yuanToWan(String(carried!.paid)));
    expect(await text('period-unmatched')).toBe(yuanToWan(String(unmatched?.paid ?? '0')));
    // Every payment of 2018-01-01..10-31 is the year's, a carried-over indicator's or an unmatched one.
    const sum = [total.paid, carried!.paid, unmatched?.paid ?? '0'].reduce((s, v) => s + yuanToFen(String(v)), 0n);
    expect(await text('period-all')).toBe(yuanToWan((Number(sum) / 100).toFixed(2)));
    expect(await admin.getByTestId('period-carryover').getAttribute('href')).toBe(`/payments?${FILTER}&basis=carryover`);
    await admin.getByTestId('period-payments').screenshot({ path: 'test-results/ledger-overview-period.png' });
    await admin.context().close();
  });

  it('the ledger page drills down: a fund to its indicators, an indicator to its allocations', async () => {
    const admin = await session('admin');
    await admin.goto(`${site.url}/views/ledger?${FILTER}`);
    await admin.getByTestId('view-table').waitFor();
    await admin.screenshot({ path: 'test-results/ledger.png', fullPage: false });
    await Promise.all([admin.waitForURL(/\/views\/indicators\?.*fund=/), admin.getByTestId('view-drill').first().click()]);
    await admin.getByTestId('view-table').waitFor();
    await admin.screenshot({ path: 'test-results/ledger-indicators.png' });
    await Promise.all([admin.waitForURL(/\/views\/allocations\?.*indicator=/), admin.getByTestId('view-drill').first().click()]);
    await admin.getByTestId('view-table').waitFor();
    expect(await admin.locator('[data-testid=view-table] tbody tr').count()).toBeGreaterThan(0);
    await admin.screenshot({ path: 'test-results/ledger-allocations.png' });
    await admin.context().close();
  });

  it('a town reads its own ledger: its total is its own KPI card', async () => {
    const town = await session('town');
    const body = await (await town.request.get(`${site.url}/api/views/ledger?${FILTER}&page_size=500`)).json();
    const total = (body.rows as Row[]).find((r) => r.row_kind === 'total')!;
    await town.goto(`${site.url}/?${FILTER}`);
    expect((await town.getByTestId('kpi-paid').innerText()).trim()).toBe(yuanToWan(String(total.paid)));
    await town.context().close();
  });
});
