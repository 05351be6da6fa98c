import { describe, expect, it } from 'vitest';
import { signIn } from '../helpers/browser';
import { useDemoSite } from '../helpers/demo-site';

describe('settings page in Chromium', () => {
  const site = useDemoSite('settings', { payments: 2_000, year: 2018, seed: 5 });

  it('an admin changes the county name and the time-progress method; the pages follow and the audit log records it', async () => {
    const page = await site.browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    await signIn(page, site.url, 'admin');
    await page.goto(`${site.url}/settings`);
    await page.getByTestId('settings-county').fill('榆阳县');
    await page.getByTestId('settings-mode').selectOption('day');
    await page.getByTestId('settings-save').click();
    await expect(page.getByTestId('settings-message').innerText()).resolves.toBe('设置已保存');
    await page.screenshot({ path: 'test-results/settings.png', fullPage: true });
    await page.goto(`${site.url}/?year=2018&as_of=2018-06-15`);
    expect(await page.getByTestId('county-name').innerText()).toContain('榆阳县');
    // 2018-06-15 is day 166 of 365: 45.5 % by days, where the monthly method says 50.0 %.
    expect(await page.getByTestId('kpi-time-progress').innerText()).toBe('45.5%');
    await page.goto(`${site.url}/audit?action=settings`);
    expect(await page.locator('main').innerText()).toContain('admin');
    await page.close();
  });

  it('is not there for anyone but the admin', async () => {
    const page = await site.browser.newPage();
    await signIn(page, site.url, 'supervisor');
    const res = await page.goto(`${site.url}/settings`);
    expect(res?.status()).toBe(404);
    await page.close();
  });
});
