import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Db } from '@/queries/db';
import { withDbFile } from '../helpers/temp-db';
import { buildDemoFile } from '@/lib/cli/demo';
import { runRules } from '@/queries/rules/run';
import { rawDirFor } from '@/lib/import/raw-dir';
import { ORPHAN_AGE_MS, sweepRawDir } from '@/lib/import/load/raw-sweep';
import { READ_ONLY_BANNER, READ_ONLY_REFUSAL } from '@/lib/faults/read-only';
import type { FailpointName } from '@/lib/faults/failpoint';
import { launchChromium, signIn } from '../helpers/browser';
import { startServer, type RunningServer } from '../helpers/server';
import { dbState, halfWritten, type DbState } from '../helpers/db-state';

/** What signing in writes (sessions, the audit log, users' last login): left out of "the database as before". */
const BOOKKEEPING = ['sessions', 'audit_log'];
const ledger = (s: DbState) => ({ counts: Object.fromEntries(Object.entries(s.counts).filter(([t]) => !BOOKKEEPING.includes(t))), sums: s.sums });

const CSV = '支付凭证号,支付日期,支付金额,预算单位\r\nE2E-KILL-1,2018-03-01,1000.10,县水利局\r\nE2E-KILL-2,2018-03-02,2000.20,县水利局\r\n';

async function newPage(browser: Browser, url: string, user: string): Promise<Page> {
  const page = await (await browser.newContext({ locale: 'zh-CN' })).newPage();
  await signIn(page, url, user);
  return page;
}

async function until(check: () => boolean, what: string, ms = 60_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`waited too long for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

// The server process SIGKILLed while an import, a rule run and a 疑点 step stand at the fail point before their COMMIT
// (lib/faults/failpoint.ts): after a restart the site serves, and the database is as before the killed operation
// (docs/reliability.md "Killed mid-operation").
describe('the server killed mid-operation', () => {
  let dir = '';
  let file = '';
  let mark = '';
  let browser: Browser;
  let server: RunningServer | undefined;

  const withDb = <T>(fn: (db: Db) => Promise<T>): Promise<T> => withDbFile(file, fn);

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'fund-monitor-e2e-faults-'));
    file = path.join(dir, 'county.duckdb');
    mark = path.join(dir, 'failpoint');
    await buildDemoFile(file, { payments: 20_000, year: 2018, seed: 3 });
    // Warnings to take a step on.
    await withDb((db) => runRules(db, { actor: 'test' }));
    browser = await launchChromium();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Starts the server stopping at `point`, runs `start` (which must not wait for the answer), kills it there. */
  async function killAt(point: FailpointName, start: (page: Page, url: string) => Promise<void>): Promise<DbState> {
    const before = await withDb(dbState);
    rmSync(mark, { force: true });
    server = await startServer(file, { FUND_MONITOR_FAILPOINT: point, FUND_MONITOR_FAILPOINT_MARK: mark });
    const page = await newPage(browser, server.url, 'admin');
    await start(page, server.url);
    await until(() => existsSync(mark), point);
    process.kill(-server.pid, 'SIGKILL');
    await server.stop();
    server = undefined;
    await page.context().close().catch(() => undefined);
    return before;
  }

  /** After a kill: the site serves again, then (stopped) the database is whole and as before. */
  async function restartedWhole(before: DbState): Promise<void> {
    server = await startServer(file);
    const page = await newPage(browser, server.url, 'leader');
    expect((await page.goto(`${server.url}/payments`))!.status()).toBe(200);
    await page.context().close();
    await server.stop();
    server = undefined;
    await withDb(async (db) => {
      expect(ledger(await dbState(db))).toEqual(ledger(before));
      expect(await halfWritten(db)).toEqual([]);
    });
  }

  it('an import through the web page', async () => {
    const before = await killAt('import-before-commit', async (page, url) => {
      const up = await page.request.post(`${url}/api/import/upload?kind=payments`, {
        headers: { 'X-File-Name': encodeURIComponent('支付.csv'), 'Content-Type': 'application/octet-stream' }, data: Buffer.from(CSV),
      });
      expect(up.status()).toBe(200);
      const { token } = await up.json();
      void page.request.post(`${url}/api/import/commit`, { data: { token, kind: 'payments', mapping: {} } }).catch(() => undefined);
    });
    await restartedWhole(before);
    // The copy the killed import left is an orphan: swept once older than any running import could be.
    const rawDir = rawDirFor(file);
    await withDb((db) => sweepRawDir(db, rawDir, Date.now() + ORPHAN_AGE_MS));
    expect(readdirSync(rawDir).filter((n) => n.startsWith('.'))).toEqual([]);
  }, 300_000);

  it('a rule run from 设置', async () => {
    const before = await killAt('rules-before-commit', async (page, url) => {
      await page.goto(`${url}/settings`);
      await page.getByRole('button', { name: '立即运行全部规则' }).click();
    });
    await restartedWhole(before);
  }, 300_000);

  it('a bulk 认定正常 on 预警列表', async () => {
    const ids = await withDb(async (db) => (await db.all<{ id: number }>("SELECT id FROM warnings WHERE status = 'new' ORDER BY id LIMIT 3")).map((r) => r.id));
    expect(ids).toHaveLength(3);
    const before = await killAt('step-before-commit', async (page, url) => {
      void page.request.post(`${url}/api/warnings/bulk`, { data: { action: 'dismiss', ids, comment: '经核实属正常' } }).catch(() => undefined);
    });
    await restartedWhole(before);
    await withDb(async (db) => {
      expect((await db.all<{ status: string }>('SELECT DISTINCT status FROM warnings WHERE list_contains($ids, id)', { ids: `[${ids.join(',')}]` }))
        .map((r) => r.status)).toEqual(['new']);
    });
  }, 300_000);
});

// FUND_MONITOR_READ_ONLY=1, the operator's switch (as root, whom file modes do not stop, chmod 0444 would not do; the
// chmod case itself is test/unit/faults-read-only.test.ts, run as an unprivileged user).
describe('the site on a read-only database', () => {
  let dir = '';
  let file = '';
  let browser: Browser;
  let server: RunningServer;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'fund-monitor-e2e-ro-'));
    file = path.join(dir, 'county.duckdb');
    await buildDemoFile(file, { payments: 20_000, year: 2018, seed: 3 });
    server = await startServer(file, { FUND_MONITOR_READ_ONLY: '1' });
    browser = await launchChromium();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('signs in, says so on every page, serves the read pages', async () => {
    const page = await (await browser.newContext({ locale: 'zh-CN' })).newPage();
    await page.goto(`${server.url}/login`);
    await expect.poll(() => page.getByTestId('read-only-banner').textContent()).toContain(READ_ONLY_BANNER);
    await signIn(page, server.url, 'admin');
    for (const p of ['/', '/payments', '/quality', '/views/warnings_by_rule', '/views/ledger', '/import', '/settings']) {
      const answer = await page.goto(`${server.url}${p}`);
      expect(answer!.status(), p).toBe(200);
      expect(await page.getByTestId('read-only-banner').textContent(), p).toContain(READ_ONLY_BANNER);
    }
    await page.screenshot({ path: path.join(os.tmpdir(), 'fund-monitor-read-only-settings.png'), fullPage: true });
    await page.context().close();
  }, 120_000);

  it('refuses an import (at its upload) and a 疑点 step with the message, not a 500', async () => {
    const page = await (await browser.newContext({ locale: 'zh-CN' })).newPage();
    await signIn(page, server.url, 'admin');
    const up = await page.request.post(`${server.url}/api/import/upload?kind=payments`, {
      headers: { 'X-File-Name': encodeURIComponent('支付.csv'), 'Content-Type': 'application/octet-stream' }, data: Buffer.from(CSV),
    });
    expect(up.status()).toBe(503);
    expect(await up.json()).toEqual({ error: READ_ONLY_REFUSAL });
    const step = await page.request.post(`${server.url}/api/warnings/bulk`, { data: { action: 'dismiss', ids: [1], comment: '正常' } });
    expect(step.status()).toBe(503);
    expect(await step.json()).toEqual({ error: READ_ONLY_REFUSAL });
    await page.context().close();
  }, 120_000);
});
