import { describe, expect, it } from 'vitest';
import { Db } from '@/queries/db';
import { rebuildPaymentDays } from '@/queries/payments/days';
import { signIn } from '../helpers/browser';
import { useDemoSite } from '../helpers/demo-site';

/**
 * 单位管理 in Chromium (docs/units.md). Before the server starts, the demo gets 石窑镇政府办: a body of 石窑镇 that an
 * old import created as a county department, with two payments. The admin merges it into 石窑镇 and renames 白家岔中心
 * in the browser; the database is read again after the server stops.
 */
describe('单位管理 in Chromium', () => {
  let shiyao = 0;
  const site = useDemoSite('units', { payments: 2_000, year: 2018, seed: 7 }, async (db) => {
    shiyao = (await db.one<{ id: number }>("SELECT id FROM units WHERE name = '石窑镇'"))!.id;
    await db.run(`INSERT INTO units (id, kind, name) VALUES (900, 'department', '石窑镇政府办');
      INSERT INTO payments (voucher_no, pay_date, amount, unit_id) VALUES
        ('E2E-1', '2018-05-02', 1200.00, 900), ('E2E-2', '2018-06-03', 800.50, 900)`);
    await rebuildPaymentDays(db);
  });

  it('an admin merges a town\'s body into the town and renames a town; both are in the audit log', async () => {
    const page = await site.browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    await signIn(page, site.url, 'admin');
    await page.goto(`${site.url}/admin/units?kind=department`);
    const row = page.locator('[data-testid=unit-row][data-name=石窑镇政府办]');
    expect(await row.innerText()).toContain('0 / 2');
    await row.getByTestId('unit-merge').click();
    await row.getByTestId('merge-into').selectOption({ label: '石窑镇' });
    await row.screenshot({ path: 'test-results/units-merge-panel.png' });
    await row.getByTestId('merge-submit').click();
    await expect(page.getByTestId('units-notice').innerText()).resolves.toBe('已将“石窑镇政府办”并入“石窑镇”，移动 2 行，原名保留为别名');
    // The refreshed list no longer has the merged unit.
    await row.waitFor({ state: 'detached' });
    await page.screenshot({ path: 'test-results/units-merged.png' });
    await page.goto(`${site.url}/admin/units?kind=town`);
    expect(await page.locator('[data-testid=unit-row][data-name=石窑镇]').getByTestId('unit-aliases').innerText()).toBe('石窑镇政府办');
    const town = page.locator('[data-testid=unit-row][data-name=白家岔中心]');
    await town.getByTestId('unit-rename').click();
    await town.getByTestId('rename-name').fill('白家岔镇');
    await town.getByTestId('rename-submit').click();
    await expect(page.getByTestId('units-notice').innerText()).resolves.toBe('已将“白家岔中心”改名为“白家岔镇”，原名保留为别名');
    await page.reload();
    expect(await page.locator('[data-testid=unit-row][data-name=白家岔镇]').getByTestId('unit-aliases').innerText()).toBe('白家岔中心');
    await page.screenshot({ path: 'test-results/units.png', fullPage: true });
    await page.goto(`${site.url}/audit`);
    const audit = await page.locator('main').innerText();
    expect(audit).toContain('合并单位');
    expect(audit).toContain('单位改名');
    await page.close();
  });

  it('is not there for a town user', async () => {
    const page = await site.browser.newPage();
    await signIn(page, site.url, 'town');
    expect((await page.goto(`${site.url}/admin/units`))?.status()).toBe(404);
    await page.close();
  });

  it('the merged payments are the town\'s in the database', async () => {
    await site.stopServer();
    const db = await Db.open(site.file);
    expect(await db.all("SELECT voucher_no, unit_id FROM payments WHERE voucher_no LIKE 'E2E-%' ORDER BY 1")).toEqual([
      { voucher_no: 'E2E-1', unit_id: shiyao }, { voucher_no: 'E2E-2', unit_id: shiyao },
    ]);
    expect(await db.one('SELECT count(*)::INTEGER AS n FROM units WHERE id = 900')).toEqual({ n: 0 });
    db.close();
  });
});
