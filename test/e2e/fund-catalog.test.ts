import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { Db } from '@/queries/db';
import { buildDemoFile } from '@/lib/cli/demo';
import { launchChromium, signIn } from '../helpers/browser';
import { startServer, type RunningServer } from '../helpers/server';

/**
 * Fund names as ledgers write them, in the browser (docs/fund-matching.md): a 股室 user binds an unknown fund name to
 * a catalog fund in the import's mapping step and the rows are accepted; the admin's 资金目录 shows the alias, adds and
 * removes one; everyone else gets 404 for the page and 403 from the routes they may not use.
 * Catalog ids: province-10 扶贫:省级扶贫专项资金 = 52 (农财所), central-33 农村危房改造补助资金 = 33 (社保股).
 */
const LEDGER = [
  '序号,指标文号,指标明细号,预算级次,资金名称,指标金额,下达日期',
  '1,陕财办农〔2018〕51号,E2E-F-001,省级,省扶贫资金,100.00,2018-05-01',
  '2,陕财办农〔2018〕52号,E2E-F-002,省级,省扶贫资金,200.00,2018-05-02',
  '3,榆财农〔2018〕53号,E2E-F-003,市级,扶贫专项资金,300.00,2018-05-03',
  '4,县财农〔2018〕54号,E2E-F-004,县级,扶贫专项资金,50.00,2018-05-04',
  '合计,,,,,650.00,',
].join('\r\n') + '\r\n';

describe('资金别名 in the import mapping step and on 资金目录', () => {
  let dir: string;
  let file: string;
  let server: RunningServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'fund-monitor-catalog-e2e-'));
    file = path.join(dir, 'catalog.duckdb');
    await buildDemoFile(file, { payments: 500, year: 2018, seed: 11 });
    server = await startServer(file, { FUND_MONITOR_UPLOAD_DIR: path.join(dir, 'uploads'), FUND_MONITOR_RAW_DIR: path.join(dir, 'raw') });
    browser = await launchChromium();
  });
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => {});
    await browser?.close();
    await server?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function session(username: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    contexts.push(context);
    const page = await context.newPage();
    await signIn(page, server.url, username);
    return page;
  }

  it('a 股室 binds an unknown name in the mapping step; the import then accepts its rows', async () => {
    const page = await session('section');
    await page.goto(`${server.url}/import`);
    await page.getByTestId('import-kind').selectOption('indicators');
    await page.getByTestId('import-file').setInputFiles({ name: '指标台账.csv', mimeType: 'text/csv', buffer: Buffer.from(LEDGER) });
    await page.getByTestId('import-upload').click();
    await page.getByTestId('mapping-step').waitFor({ timeout: 30_000 });

    const unknown = page.getByTestId('fund-unknown');
    await unknown.first().waitFor({ timeout: 30_000 });
    expect(await unknown.count()).toBe(1);
    expect(await page.getByTestId('fund-unknown-name').innerText()).toBe('省扶贫资金');
    expect(await unknown.innerText()).toContain('省级 · 2 行');
    // Candidates of the rows' level come first; a section is offered only the funds it manages (no 社保股 fund).
    const select = page.getByTestId('fund-bind-select');
    const groups = await select.locator('optgroup').evaluateAll((els) => els.map((e) => (e as HTMLOptGroupElement).label));
    expect(groups).toEqual(['建议', '同级资金', '其他级次']);
    expect(await select.locator('optgroup[label="建议"] option').first().innerText()).toBe('扶贫:省级扶贫专项资金（province-10）');
    expect(await select.locator('option[value="33"]').count()).toBe(0);
    await page.screenshot({ path: 'test-results/fund-binding.png', fullPage: true });

    await select.selectOption('52');
    await page.getByTestId('fund-bind').click();
    await page.getByTestId('fund-binding-ok').waitFor();
    expect(await page.getByTestId('fund-binding-note').innerText()).toContain('已将“省扶贫资金”绑定为 扶贫:省级扶贫专项资金（省，province-10） 的别名');

    await page.getByTestId('import-commit').click();
    await page.getByTestId('import-result').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('result-accepted-value').innerText()).toBe('4');
    expect(await page.getByTestId('result-rejected-value').innerText()).toBe('0');

    // The routes check the role and the section on the server.
    const post = (url: string, data: unknown) => page.request.post(`${server.url}${url}`, { data });
    const other = await post('/api/funds/aliases', { alias: '危房改造资金', fund_id: 33 });
    expect([other.status(), (await other.json()).error]).toEqual([403, '无权为其他股室的资金添加别名：农村危房改造补助资金（中央，central-33）']);
    expect((await post('/api/funds/aliases/delete', { id: 1 })).status()).toBe(403);
    expect((await page.goto(`${server.url}/catalog`))!.status()).toBe(404);
  });

  it('资金目录: admin sees the funds by level with their aliases, adds and removes one; others get 404', async () => {
    const page = await session('admin');
    expect((await page.goto(`${server.url}/catalog`))!.status()).toBe(200);
    for (const [level, n] of [['central', 42], ['province', 36], ['city', 49], ['county', 21]] as const) {
      expect(await page.getByTestId(`catalog-${level}`).getByTestId('catalog-fund').count(), level).toBe(n);
    }
    await page.screenshot({ path: 'test-results/catalog-top.png' });
    const fund = page.locator('[data-testid=catalog-fund][data-code="province-10"]');
    expect(await fund.innerText()).toContain('农财所');
    expect(await fund.getByTestId('catalog-alias').innerText()).toContain('省扶贫资金');

    const poverty = page.locator('[data-testid=catalog-fund][data-code="central-33"]');
    await poverty.getByTestId('catalog-alias-input').fill('危房改造资金');
    await poverty.getByTestId('catalog-alias-add').click();
    await expect.poll(() => poverty.getByTestId('catalog-alias').count()).toBe(1);
    // The same name for another fund of that level is refused with the reason.
    const other = page.locator('[data-testid=catalog-fund][data-code="central-22"]');
    await other.getByTestId('catalog-alias-input').fill('危房改造资金');
    await other.getByTestId('catalog-alias-add').click();
    expect(await other.getByTestId('catalog-alias-error').innerText()).toContain('已经是同级资金农村危房改造补助资金（中央，central-33）的别名');
    await page.screenshot({ path: 'test-results/catalog.png', fullPage: false });
    await poverty.getByTestId('catalog-alias-delete').click();
    await expect.poll(() => poverty.getByTestId('catalog-alias').count()).toBe(0);
    expect(await page.getByRole('navigation').first().innerText()).toContain('资金目录');

    for (const username of ['leader', 'supervisor', 'department', 'town']) {
      const p = await session(username);
      expect((await p.goto(`${server.url}/catalog`))!.status(), username).toBe(404);
      expect((await p.request.post(`${server.url}/api/funds/aliases`, { data: { alias: 'x', fund_id: 52 } })).status(), username).toBe(403);
    }
  });

  it('the audit log has every alias change with who did it', async () => {
    await server.stop();
    const db = await Db.open(file);
    try {
      const rows = await db.all<{ actor: string; action: string; target: string }>(
        "SELECT actor, action, target FROM audit_log WHERE action LIKE 'fund_alias%' ORDER BY id");
      expect(rows).toEqual([
        { actor: 'section', action: 'fund_alias_add', target: '扶贫:省级扶贫专项资金（省，province-10）' },
        { actor: 'admin', action: 'fund_alias_add', target: '农村危房改造补助资金（中央，central-33）' },
        { actor: 'admin', action: 'fund_alias_delete', target: '农村危房改造补助资金（中央，central-33）' },
      ]);
      expect(await db.all("SELECT id, fund_id::INTEGER AS fund_id FROM indicators WHERE id LIKE 'E2E-F-%' ORDER BY id")).toEqual([
        { id: 'E2E-F-001', fund_id: 52 }, { id: 'E2E-F-002', fund_id: 52 }, { id: 'E2E-F-003', fund_id: 83 }, { id: 'E2E-F-004', fund_id: 129 },
      ]);
    } finally {
      db.close();
    }
  });
});
