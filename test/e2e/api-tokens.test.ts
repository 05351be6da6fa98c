import { describe, expect, it } from 'vitest';
import { signedInPage } from '../helpers/browser';
import { useDemoSite } from '../helpers/demo-site';

/**
 * 账户 → API 令牌 (docs/security.md "API tokens"): a town user makes a token, sees and copies its secret once, uses it
 * as a bearer token on the JSON routes, and revokes it; the admin sees everyone's tokens and revokes one of them.
 */
describe('API tokens page', () => {
  const site = useDemoSite('api-tokens', { payments: 5_000, year: 2018, seed: 3 });
  const payments = (token: string) => fetch(`${site.url}/api/payments?page_size=1`, { headers: { authorization: `Bearer ${token}` } });

  it('a town user creates a token, copies it once, uses it, and revokes it', async () => {
    const page = await signedInPage(site, 'town');
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.url });
    await page.getByTestId('api-tokens').click();
    await page.waitForURL(/\/account\/tokens$/);
    expect(await page.getByTestId('tokens-mine-table-empty').innerText()).toBe('没有令牌');
    expect(await page.getByTestId('tokens-others').count()).toBe(0); // not the admin

    await page.getByTestId('token-name').fill('每日导入脚本');
    await page.getByTestId('token-submit').click();
    const secret = (await page.getByTestId('token-secret').innerText()).trim();
    expect(secret).toMatch(/^fmt_[A-Za-z0-9_-]{43}$/);
    expect(await page.getByTestId('token-message').innerText()).toBe('已创建令牌“每日导入脚本”');
    await page.getByTestId('token-copy').click();
    // The button says so once the clipboard has taken the text (an await in the click handler), not at the click.
    await page.getByTestId('token-copy').filter({ hasText: '已复制' }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
    await page.screenshot({ path: 'test-results/api-tokens-created.png', fullPage: true });

    const row = page.locator('[data-testid=tokens-mine-table] [data-testid=token-row][data-name=每日导入脚本]');
    expect(await row.getByTestId('token-status').innerText()).toBe('有效');
    const res = await payments(secret);
    expect(res.status).toBe(200);
    expect((await res.json()).count).toBeGreaterThan(0);

    // Shown once: a reload shows the row, never the secret again; its last use is now filled in.
    await page.reload();
    expect(await page.getByTestId('token-secret').count()).toBe(0);
    expect(await page.content()).not.toContain(secret.slice(4));
    expect(await row.locator('td').nth(3).innerText()).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);

    await row.getByRole('button', { name: '吊销' }).click();
    await expect.poll(() => row.getByTestId('token-status').innerText()).toMatch(/^已吊销（town /);
    await page.screenshot({ path: 'test-results/api-tokens-revoked.png', fullPage: true });
    expect((await payments(secret)).status).toBe(401);
  });

  it('the admin sees everyone\'s tokens and revokes another user\'s', async () => {
    const town = await signedInPage(site, 'town');
    await town.goto(`${site.url}/account/tokens`);
    await town.getByTestId('token-name').fill('报表同步');
    await town.getByTestId('token-expires').fill('2999-12-31');
    await town.getByTestId('token-submit').click();
    const secret = (await town.getByTestId('token-secret').innerText()).trim();
    expect((await payments(secret)).status).toBe(200);

    const admin = await signedInPage(site, 'admin');
    await admin.goto(`${site.url}/account/tokens`);
    const row = admin.locator('[data-testid=tokens-others-table] [data-testid=token-row][data-name=报表同步]');
    expect(await row.locator('td').first().innerText()).toBe('town');
    expect(await row.locator('td').nth(3).innerText()).toBe('2999-12-31');
    await admin.screenshot({ path: 'test-results/api-tokens-admin.png', fullPage: true });
    await row.getByRole('button', { name: '吊销' }).click();
    await expect.poll(() => row.getByTestId('token-status').innerText()).toMatch(/^已吊销（admin /);
    expect((await payments(secret)).status).toBe(401);
  });
});
