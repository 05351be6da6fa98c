import { describe, expect, it } from 'vitest';
import { runRules } from '@/queries/rules/run';
import { signedInPage } from '../helpers/browser';
import { useDemoSite } from '../helpers/demo-site';

/**
 * 风险点, 比对名单 and masked personal data in Chromium (docs/rules.md "Risk points per fund", docs/data-model.md
 * "Comparison lists", docs/roles.md "Personal data"): the 股室 user sets its own fund's 滞留天数 and sees only its funds;
 * supervision reads the demo's labelled lists; a 公职人员领取 doubt shows its ID number masked to supervision and whole
 * to the admin.
 */
describe('risk points, comparison lists and masking', () => {
  const site = useDemoSite('risk-lists', { payments: 2_000, year: 2018, seed: 9 }, async (db) => {
    await runRules(db, { actor: 'e2e' });
  });
  const FULL_ID = /\b\d{17}[\dX]\b/;
  const MASKED_ID = /\b\d{6}\*{8}\d{3}[\dX]\b/;

  it('a 股室 sets 滞留天数 for its own fund; the page lists only its funds and the change is audited', async () => {
    const page = await signedInPage(site, 'section');
    expect((await page.goto(`${site.url}/funds/risk-points`))!.status()).toBe(200);
    const main = await page.locator('main').innerText();
    expect(main).toContain('农财所资金');
    // 22 = 中央财政专项扶贫资金 (农财所); 43 = 中小学公用经费补助资金 is 教科文股's.
    expect(await page.getByTestId('risk-points-22').count()).toBe(1);
    expect(await page.getByTestId('risk-points-43').count()).toBe(0);
    await page.getByTestId('risk-idle-22').fill('75');
    await page.getByTestId('risk-points-22').getByRole('button', { name: '保存' }).click();
    await expect.poll(() => page.getByTestId('risk-message-22').innerText()).toContain('已保存');
    await page.screenshot({ path: 'test-results/risk-points.png', fullPage: false });
    await page.reload();
    expect(await page.getByTestId('risk-idle-22').inputValue()).toBe('75');
    await page.close();

    const supervisor = await signedInPage(site, 'supervisor');
    await supervisor.goto(`${site.url}/audit`);
    expect(await supervisor.locator('main').innerText()).toContain('设置资金风险点');
    // 风险点 is a 股室's and the admin's page, not supervision's.
    expect((await supervisor.goto(`${site.url}/funds/risk-points`))!.status()).toBe(404);
    await supervisor.close();
  });

  it('supervision reads the labelled comparison lists; a town user may not', async () => {
    const page = await signedInPage(site, 'supervisor');
    expect((await page.goto(`${site.url}/lists`))!.status()).toBe(200);
    // The demo loads one labelled list of each kind: 财政供养人员, 死亡人员, 建档立卡户 and a 市场监管 company list.
    expect(await page.getByTestId('list-row').count()).toBe(4);
    expect(await page.getByTestId('lists-table').innerText()).toContain('市场监管');
    await page.screenshot({ path: 'test-results/lists.png', fullPage: false });
    await page.close();
    const town = await signedInPage(site, 'town');
    expect((await town.goto(`${site.url}/lists`))!.status()).toBe(404);
    await town.close();
  });

  it('an ID number in a doubt is masked for supervision and whole for the admin, on the list and on 疑点详情', async () => {
    const supervisor = await signedInPage(site, 'supervisor');
    await supervisor.goto(`${site.url}/views/warnings?rule=OFFICIAL_RECIPIENT`);
    expect(await supervisor.locator('main').innerText()).not.toMatch(FULL_ID);
    await supervisor.locator('main a[href^="/warnings/"]').first().click();
    await supervisor.waitForURL(/\/warnings\/\d+/);
    const detailUrl = supervisor.url();
    const detail = await supervisor.locator('main').innerText();
    expect(detail).toMatch(MASKED_ID);
    expect(detail).not.toMatch(FULL_ID);
    await supervisor.screenshot({ path: 'test-results/warning-masked.png', fullPage: false });
    await supervisor.close();

    const admin = await signedInPage(site, 'admin');
    await admin.goto(detailUrl);
    expect(await admin.locator('main').innerText()).toMatch(FULL_ID);
    await admin.close();
  });
});
