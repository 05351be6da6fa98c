import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import Papa from 'papaparse';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { Db } from '@/queries/db';
import { buildDemoFile } from '@/lib/cli/demo';
import { formatRate, yuanToWan } from '@/lib/format';
import { launchChromium, signIn } from '../helpers/browser';
import { startServer, type RunningServer } from '../helpers/server';
import { encodeGbk } from '@/lib/cli/gbk-encode';

/**
 * 数据导入 and 数据质量 end to end: a GBK payments export with a title row, a 合计 row and two bad rows goes through the
 * browser's preview → mapping → import; the numbers on the page are checked against the database (read with the
 * server stopped, since the server holds DuckDB's lock), the reject report is downloaded through the page's link,
 * the batch is rolled back. Around it: who may use which route, the upload limit, and the scoped 数据质量 page.
 */

const FILE_NAME = '国库支付明细_2018-09.csv';
const HEADER = ['支付凭证号', '支付日期', '支付金额', '指标明细号', '预算单位', '项目编码', '功能科目', '收款人', '收款人账号', '用途'];
const GOOD = 30;
const LIMIT_MB = 1;

interface Expected {
  bytes: Buffer;
  amountYuan: string;
  matchedIndicator: number;
  matchedProject: number;
  missingFunc: number;
  vouchers: string[];
}

/** The export: title and unit lines, the header on row 3, 30 good rows, 2 bad ones (rows 34, 35), 合计 on row 36. */
function buildExport(indicators: string[], projects: string[]): Expected {
  const rows: string[][] = [];
  let fen = 0;
  let readableFen = 0;
  let matchedIndicator = 0;
  let matchedProject = 0;
  let missingFunc = 0;
  const vouchers: string[] = [];
  for (let i = 1; i <= GOOD; i++) {
    const amountFen = 123_456 * i + 7; // 1,234.63 元, 2,469.19 元 …
    fen += amountFen;
    const known = i % 3 !== 0;
    if (known) matchedIndicator++;
    const project = i % 5 === 0 ? projects[i % projects.length] : i % 5 === 1 ? 'XM-NOT-IN-LIBRARY' : '';
    if (i % 5 === 0) matchedProject++;
    const func = i % 4 === 0 ? '' : '2130505';
    if (!func) missingFunc++;
    const voucher = `WEBT${String(i).padStart(5, '0')}`;
    vouchers.push(voucher);
    rows.push([
      voucher, `2018-09-${String(1 + (i % 28)).padStart(2, '0')}`, (amountFen / 100).toFixed(2),
      known ? indicators[i % indicators.length] : `ZB-UNKNOWN-${i}`, '县水利局', project, func, `收款人${i}`, `62284800${i}`, '产业扶贫补助',
    ]);
  }
  readableFen = fen + 50_000; // the bad-date row's amount is readable, so the 合计 line includes it
  // A payee that would run as a formula in Excel: the reject report must neutralise it.
  rows.push(['WEBT09001', '2018-02-30', '500.00', indicators[0], '县水利局', '', '2130505', '=HYPERLINK("http://x","点我")', '6228', '危房改造']);
  rows.push(['WEBT09002', '2018-09-10', '10(其中,灾情因素6万元)', indicators[0], '县水利局', '', '2130505', '李四', '6229', '饮水工程']);
  const lines = [['2018年9月国库集中支付明细表'], ['单位：元'], HEADER, ...rows, ['合计', '', (readableFen / 100).toFixed(2)]];
  const cell = (c: string) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
  const text = lines.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
  const yuan = `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
  return { bytes: encodeGbk(text), amountYuan: yuan, matchedIndicator, matchedProject, missingFunc, vouchers };
}

describe('数据导入 and 数据质量 in Chromium and the route handlers', () => {
  let dir: string;
  let file: string;
  let server: RunningServer;
  let browser: Browser;
  let expected: Expected;
  let batchId = 0;
  let mazha = 0;
  /** What 石窑镇 reads on 数据质量: the payments it made or that were made for it, and the units that paid them. */
  let shiyaoPayments = 0;
  let shiyaoPayers: string[] = [];
  const serverEnv = (): Record<string, string> => ({
    FUND_MONITOR_UPLOAD_LIMIT_MB: String(LIMIT_MB),
    FUND_MONITOR_UPLOAD_DIR: path.join(dir, 'uploads'),
    FUND_MONITOR_RAW_DIR: path.join(dir, 'raw'),
  });

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'fund-monitor-import-e2e-'));
    mkdirSync(path.join(dir, 'uploads'));
    file = path.join(dir, 'import.duckdb');
    await buildDemoFile(file, { payments: 5_000, year: 2018, seed: 7 });
    const db = await Db.open(file);
    const indicators = (await db.all<{ id: string }>('SELECT id FROM indicators WHERE year = 2018 ORDER BY id LIMIT 7')).map((r) => r.id);
    const projects = (await db.all<{ code: string }>('SELECT DISTINCT code FROM projects ORDER BY code LIMIT 5')).map((r) => r.code);
    const id = async (name: string) => (await db.one<{ id: number }>('SELECT id FROM units WHERE name = $name', { name }))!.id;
    mazha = await id('马岔镇');
    const shiyao = { t: await id('石窑镇') };
    shiyaoPayments = Number((await db.one<{ n: string }>('SELECT count(*) AS n FROM payments WHERE unit_id = $t OR town_id = $t', shiyao))!.n);
    shiyaoPayers = (await db.all<{ name: string }>(`SELECT DISTINCT u.name FROM payments p JOIN units u ON u.id = p.unit_id
      WHERE p.unit_id = $t OR p.town_id = $t`, shiyao)).map((r) => r.name).sort();
    expect(await db.one('SELECT id FROM units WHERE name = $n', { n: '县水利局' })).toBeTruthy();
    db.close();
    expect(indicators).toHaveLength(7);
    expect(projects.length).toBeGreaterThan(0);
    expect(shiyaoPayments).toBeGreaterThan(10);
    expect(shiyaoPayers).toContain('石窑镇');
    expect(shiyaoPayers.length).toBeGreaterThan(1); // departments pay for 石窑镇 too
    expected = buildExport(indicators, projects);
    server = await startServer(file, serverEnv());
    browser = await launchChromium();
  });

  const contexts: BrowserContext[] = [];
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => {});
    await browser?.close();
    await server?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function session(username: string, width = 1440): Promise<Page> {
    const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'zh-CN', acceptDownloads: true });
    contexts.push(context);
    const page = await context.newPage();
    await signIn(page, server.url, username);
    return page;
  }

  /** Stops the server, runs fn on the database file (the server holds DuckDB's lock while it runs), restarts it. */
  async function withServerStopped(fn: (db: Db) => Promise<void>, restart = true): Promise<void> {
    await server.stop(); // resolves on the server's exit, which releases the file's lock
    const db = await Db.open(file);
    try {
      await fn(db);
    } finally {
      db.close();
    }
    if (restart) server = await startServer(file, serverEnv());
  }

  const upload = (page: Page, kind: string, body: Buffer, name = 'x.csv') =>
    page.request.post(`${server.url}/api/import/upload?kind=${kind}`, {
      headers: { 'X-File-Name': encodeURIComponent(name), 'Content-Type': 'application/octet-stream' }, data: body,
    });

  it('anonymous requests get 401 from every import route, the upload route included (the proxy leaves it alone)', async () => {
    const post = (url: string, body?: BodyInit) => fetch(`${server.url}${url}`, { method: 'POST', body, redirect: 'manual' });
    const upload = await post('/api/import/upload?kind=payments', 'a,b\n1,2\n');
    expect(upload.status).toBe(401);
    expect((await upload.json()).error).toBe('未登录或会话已过期');
    expect((await post('/api/import/commit', '{}')).status).toBe(401);
    expect((await post('/api/import/preview', '{}')).status).toBe(401);
    expect((await post('/api/import/batches/1/rollback')).status).toBe(401);
    for (const url of ['/api/import/batches/1/rejects?format=csv', '/api/import/batches/1/raw', '/api/import/presets?kind=payments']) {
      expect((await fetch(`${server.url}${url}`, { redirect: 'manual' })).status, url).toBe(401);
    }
    const forged = await fetch(`${server.url}/api/import/upload?kind=payments`, { method: 'POST', body: 'x', headers: { cookie: 'fm_session=forged' } });
    expect(forged.status).toBe(401);
    const page = await fetch(`${server.url}/import`, { redirect: 'manual' });
    expect(new URL(page.headers.get('location')!, server.url).pathname).toBe('/login');
  });

  it('admin: GBK file → browser preview → upload → mapping → import; the page shows the result', async () => {
    const page = await session('admin');
    await page.goto(`${server.url}/import`);
    await page.getByTestId('import-kind').selectOption('payments');
    await page.getByTestId('import-file').setInputFiles({ name: FILE_NAME, mimeType: 'text/csv', buffer: expected.bytes });
    // The browser decoded the GBK bytes itself (papaparse preview, title rows included).
    await expect.poll(() => page.getByTestId('browser-preview-note').innerText()).toContain('GBK / GB18030');
    const previewText = await page.getByTestId('browser-preview-table').innerText();
    expect(previewText).toContain('2018年9月国库集中支付明细表');
    expect(previewText).toContain('支付凭证号');
    expect(previewText).toContain('WEBT00001');

    await page.getByTestId('import-upload').click();
    await page.getByTestId('mapping-step').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('source-encoding').innerText()).toBe('GBK / GB18030');
    expect(await page.getByTestId('source-first-row').innerText()).toBe('第 4 行');
    expect(await page.getByTestId('option-unit').inputValue()).toBe('元'); // from the "单位：元" line
    const selects = page.getByTestId('mapping-select');
    expect(await selects.evaluateAll((els) => els.map((e) => (e as HTMLSelectElement).value))).toEqual([
      'voucher_no', 'pay_date', 'amount', 'indicator_id', 'unit', 'project_code', 'func_code', 'payee_name', 'payee_account', 'purpose',
    ]);
    expect(await page.getByTestId('server-preview').innerText()).toContain('WEBT00001');

    // A required field without a column blocks the import, with the reason.
    const dateSelect = page.locator('[data-testid=mapping-row][data-header="支付日期"] [data-testid=mapping-select]');
    await dateSelect.selectOption('');
    expect(await page.getByTestId('mapping-problems').innerText()).toContain('缺少必填字段：支付日期');
    expect(await page.getByTestId('import-commit').isDisabled()).toBe(true);
    await dateSelect.selectOption('pay_date');
    await expect.poll(() => page.getByTestId('mapping-problems').count()).toBe(0);

    // The mapping saved as a named preset, then loaded again.
    await page.getByTestId('preset-name').fill('国库支付系统导出');
    await page.getByTestId('preset-save').click();
    await expect.poll(() => page.getByTestId('preset-note').innerText()).toContain('已保存映射方案“国库支付系统导出”');
    await page.getByTestId('preset-select').selectOption('国库支付系统导出');
    await page.getByTestId('preset-load').click();
    expect(await dateSelect.inputValue()).toBe('pay_date');

    await page.getByTestId('import-commit').click();
    await page.getByTestId('import-result').waitFor({ timeout: 60_000 });
    batchId = Number(await page.getByTestId('import-result').getAttribute('data-batch-id'));
    expect(batchId).toBeGreaterThan(0);
    const tile = (id: string) => page.getByTestId(`${id}-value`).innerText();
    expect(await tile('result-read')).toBe('33');
    expect(await tile('result-accepted')).toBe(String(GOOD));
    expect(await tile('result-rejected')).toBe('2');
    expect(await tile('result-duplicates')).toBe('0');
    expect(await tile('result-subtotals')).toBe('1');
    expect(await tile('result-amount')).toBe(yuanToWan(expected.amountYuan));
    expect(await page.getByTestId('result-reconciled').innerText()).toBe('核对一致');
    expect(await page.getByTestId('result-match-indicator').innerText()).toContain(formatRate(expected.matchedIndicator / GOOD));
    expect(await page.getByTestId('result-match-project').innerText()).toContain(formatRate(expected.matchedProject / GOOD));
    const rejects = await page.getByTestId('reject-row').evaluateAll((rows) =>
      rows.map((r) => Array.from(r.querySelectorAll('td')).map((td) => td.textContent?.trim())));
    expect(rejects).toEqual([
      ['34', '支付日期', '2018-02-30', expect.stringContaining('2018-02-30')],
      ['35', '支付金额', '10(其中,灾情因素6万元)', '金额含说明文字，无法识别'],
    ]);
    // The history below was refreshed and lists the batch with its 撤销 button.
    const row = page.locator(`[data-testid=batches-table] [data-testid=batch-row][data-batch-id="${batchId}"]`);
    await row.waitFor();
    expect(await row.innerText()).toContain(FILE_NAME);
    expect(await row.getByTestId('rollback-open').count()).toBe(1);

    // The reject report through the page's link: the file's own columns, then 行号 and 原因.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('result-rejects-csv').click()]);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const parsed = Papa.parse<string[]>(csv.slice(1).trim(), { delimiter: ',' }).data;
    expect(parsed[0]).toEqual([...HEADER, '行号', '原因']);
    expect(parsed.slice(1).map((r) => [r[0], r[1], r[2], r[10]])).toEqual([
      ['WEBT09001', '2018-02-30', '500.00', '34'],
      ['WEBT09002', '2018-09-10', '10(其中,灾情因素6万元)', '35'],
    ]);
    expect(parsed[1][7]).toBe(`'=HYPERLINK("http://x","点我")`); // through lib/export/safe-cell.ts
    expect(parsed[1][11]).toContain('支付日期');
    expect(parsed[2][11]).toContain('金额含说明文字');
    expect(download.suggestedFilename()).toMatch(/\.csv$/);

    const xlsx = await page.request.get(`${server.url}/api/import/batches/${batchId}/rejects?format=xlsx`);
    expect(xlsx.status()).toBe(200);
    expect(xlsx.headers()['content-type']).toContain('spreadsheetml');
    expect((await xlsx.body()).subarray(0, 2).toString()).toBe('PK');
    const raw = await page.request.get(`${server.url}/api/import/batches/${batchId}/raw`);
    expect(raw.status()).toBe(200);
    expect(Buffer.compare(await raw.body(), expected.bytes)).toBe(0);
    expect(raw.headers()['content-disposition']).toContain(encodeURIComponent(FILE_NAME));
  });

  it('the numbers on the page are the database’s: the batch row and the payments with its batch_id', async () => {
    await withServerStopped(async (db) => {
      const batch = await db.one<Record<string, string | boolean | null>>(
        'SELECT kind, file_name, encoding, rows_read, accepted, rejected, duplicates, subtotal_rows_skipped, totals_reconciled, amount_total, matched_indicator, matched_project, created_by, status FROM import_batches WHERE id = $id',
        { id: batchId });
      expect(batch).toEqual({
        kind: 'payments', file_name: FILE_NAME, encoding: 'gb18030', rows_read: '33', accepted: String(GOOD), rejected: '2', duplicates: '0',
        subtotal_rows_skipped: '1', totals_reconciled: true, amount_total: expected.amountYuan,
        matched_indicator: String(expected.matchedIndicator), matched_project: String(expected.matchedProject), created_by: 'admin', status: 'loaded',
      });
      const pay = await db.one<{ n: string; amount: string; vouchers: string[]; units: string[]; matched: string }>(`
        SELECT count(*) AS n, sum(p.amount)::VARCHAR AS amount, list(p.voucher_no ORDER BY p.voucher_no) AS vouchers,
               list(DISTINCT u.name) AS units, count(i.id) AS matched
        FROM payments p LEFT JOIN units u ON u.id = p.unit_id LEFT JOIN indicators i ON i.id = p.indicator_id
        WHERE p.batch_id = $id`, { id: batchId });
      expect(Number(pay!.n)).toBe(GOOD);
      expect(pay!.amount).toBe(expected.amountYuan);
      expect(pay!.vouchers).toEqual(expected.vouchers);
      expect(pay!.units).toEqual(['县水利局']);
      expect(Number(pay!.matched)).toBe(expected.matchedIndicator);
      const rejects = await db.all<{ row_no: string }>('SELECT DISTINCT row_no FROM import_rejects WHERE batch_id = $id ORDER BY row_no', { id: batchId });
      expect(rejects.map((r) => Number(r.row_no))).toEqual([34, 35]);
      const audit = await db.all<{ action: string; target: string; detail: string }>(
        "SELECT action, target, detail FROM audit_log WHERE actor = 'admin' AND action = 'import'");
      expect(audit).toHaveLength(1);
      expect(audit[0].target).toBe(FILE_NAME);
      expect(JSON.parse(audit[0].detail)).toEqual({ batch_id: batchId, kind: 'payments', accepted: GOOD, rejected: 2, duplicates: 0 });
    });
  });

  it('数据质量 for the batch: 县水利局’s counts, each linking to its payments', async () => {
    const page = await session('admin');
    await page.goto(`${server.url}/quality?batch=${batchId}`);
    const row = page.locator('[data-testid=quality-table] [data-testid=quality-row]');
    expect(await row.evaluateAll((rs) => rs.map((r) => r.getAttribute('data-unit')))).toEqual(['县水利局']);
    expect(await row.getByTestId('quality-payments').innerText()).toBe(String(GOOD));
    expect(await row.getByTestId('quality-rate').innerText()).toBe(formatRate(expected.matchedIndicator / GOOD));
    const unmatched = GOOD - expected.matchedIndicator;
    expect(await row.getByTestId('quality-indicator').innerText()).toBe(String(unmatched));
    expect(await row.getByTestId('quality-func_code').innerText()).toBe(String(expected.missingFunc));
    expect(await row.getByTestId('quality-purpose').innerText()).toBe('0');
    await Promise.all([page.waitForURL(/\/quality\/payments\?/), row.getByTestId('quality-indicator').click()]);
    expect(await page.getByTestId('gap-count').innerText()).toContain(String(unmatched));
    const vouchers = await page.getByTestId('gap-row').evaluateAll((rs) => rs.map((r) => r.getAttribute('data-voucher')));
    expect(vouchers.sort()).toEqual(expected.vouchers.filter((_, i) => (i + 1) % 3 === 0).sort());
  });

  it('uploads past FUND_MONITOR_UPLOAD_LIMIT_MB get 413 with the limit named, by Content-Length and while streaming', async () => {
    const page = await session('admin');
    const big = Buffer.alloc(LIMIT_MB * 1024 * 1024 + 10, 0x41);
    const res = await upload(page, 'payments', big, 'big.csv');
    expect(res.status()).toBe(413);
    expect((await res.json()).error).toContain('超过上传上限 1 MB');
    // No Content-Length (chunked): the route counts the bytes as they arrive.
    const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
    const chunked = await new Promise<{ status: number; body: string }>((resolve) => {
      const req = http.request(`${server.url}/api/import/upload?kind=payments`, {
        method: 'POST', headers: { cookie, 'x-file-name': 'big.csv', 'transfer-encoding': 'chunked' },
      }, (r) => {
        let body = '';
        r.on('data', (c) => (body += c));
        r.on('end', () => resolve({ status: r.statusCode!, body }));
      });
      req.on('error', (e) => resolve({ status: -1, body: String(e) }));
      for (let i = 0; i < 4; i++) req.write(Buffer.alloc(512 * 1024, 0x42));
      req.end();
    });
    expect(chunked.status).toBe(413);
    expect(JSON.parse(chunked.body).error).toContain('超过上传上限 1 MB');
    // The page says so before sending anything.
    await page.goto(`${server.url}/import`);
    await page.getByTestId('import-kind').selectOption('payments');
    await page.getByTestId('import-file').setInputFiles({ name: 'big.csv', mimeType: 'text/csv', buffer: big });
    expect(await page.getByTestId('import-too-large').innerText()).toContain('超过上传上限 1 MB');
    // No temporary file is left behind by the refused uploads.
    expect(readdirSync(path.join(dir, 'uploads'))).toEqual([]);
  });

  it('section: only its four kinds; cannot see, download or roll back the admin’s batch', async () => {
    const page = await session('section');
    const res = await page.goto(`${server.url}/import`);
    expect(res?.status()).toBe(200);
    const kinds = await page.getByTestId('import-kind').locator('option').allInnerTexts();
    expect(kinds.slice(1)).toEqual(['指标台账', '分配下达', '国库集中支付明细', '惠民发放明细']);
    expect(await page.locator(`[data-batch-id="${batchId}"]`).count()).toBe(0);
    await page.getByTestId('batches-empty').waitFor();
    for (const url of [`/api/import/batches/${batchId}/rejects?format=csv`, `/api/import/batches/${batchId}/rejects?format=xlsx`, `/api/import/batches/${batchId}/raw`]) {
      const r = await page.request.get(`${server.url}${url}`);
      expect(r.status(), url).toBe(404);
      expect(await r.text()).not.toContain('WEBT');
    }
    expect((await page.request.post(`${server.url}/api/import/batches/${batchId}/rollback`)).status()).toBe(404);
    // A kind it may not import: refused before anything is stored.
    const small = Buffer.from('项目编码,项目名称,年度,项目状态\nXM1,道路,2018,实施\n');
    const refused = await upload(page, 'projects', small);
    expect(refused.status()).toBe(403);
    expect((await refused.json()).error).toContain('不能导入“项目库”');
    expect((await page.request.post(`${server.url}/api/import/commit`, { data: { token: 'x', kind: 'deaths', mapping: {} } })).status()).toBe(403);
    expect((await page.request.get(`${server.url}/api/import/presets?kind=registered_poor`)).status()).toBe(403);
    // Its own kinds are fine; the admin's upload token is not its to use.
    const ok = await upload(page, 'payments', Buffer.from('支付凭证号,支付日期,支付金额\nS1,2018-09-01,1\n'));
    expect(ok.status()).toBe(200);
    const info = await ok.json();
    expect(info.columns.map((c: { field: string }) => c.field)).toEqual(['voucher_no', 'pay_date', 'amount']);
    const admin = await session('admin');
    const theirs = await admin.request.post(`${server.url}/api/import/preview`, { data: { token: info.token, kind: 'payments' } });
    expect(theirs.status()).toBe(404);
    const commitOther = await admin.request.post(`${server.url}/api/import/commit`, { data: { token: info.token, kind: 'payments', mapping: {} } });
    expect(commitOther.status()).toBe(404);
  });

  it('section: rows of another 股室’s funds are rejected with the reason, its own funds land', async () => {
    const page = await session('section');
    // 中央财政专项扶贫资金 is 农财所's (the demo section user's); 城乡义务教育补助资金 is 教科文股's.
    const csv = '指标明细号,资金名称,指标金额,接收日期\nSEC-OWN-1,中央财政专项扶贫资金,100000,2018-09-01\nSEC-OTHER-1,城乡义务教育补助资金,50000,2018-09-02\n';
    const up = await upload(page, 'indicators', Buffer.from(csv), 'section-indicators.csv');
    expect(up.status()).toBe(200);
    const { token } = await up.json();
    const commit = await page.request.post(`${server.url}/api/import/commit`, { data: { token, kind: 'indicators', mapping: {} } });
    expect(commit.status()).toBe(200);
    const { result } = await commit.json();
    expect(result).toMatchObject({ rows_read: 2, accepted: 1, rejected: 1, amount_total_yuan: '100000.00' });
    expect(result.rejects).toEqual([expect.objectContaining({ row: 3, reason: expect.stringContaining('不属于本股室管理的资金') })]);
  });

  it('town and leader: /import is 404, the routes 403; 数据质量 shows the town what it paid or was paid for it', async () => {
    for (const role of ['town', 'leader']) {
      const page = await session(role);
      const res = await page.goto(`${server.url}/import`);
      expect(res?.status(), role).toBe(404);
      await page.getByTestId('not-found').waitFor();
      expect(await page.locator('aside nav a', { hasText: '数据导入' }).count()).toBe(0);
      const small = Buffer.from('支付凭证号,支付日期,支付金额\nT1,2018-09-01,1\n');
      expect((await upload(page, 'payments', small)).status(), role).toBe(403);
      expect((await page.request.post(`${server.url}/api/import/commit`, { data: { token: 'x', kind: 'payments' } })).status()).toBe(403);
      expect((await page.request.post(`${server.url}/api/import/preview`, { data: { token: 'x', kind: 'payments' } })).status()).toBe(403);
      expect((await page.request.get(`${server.url}/api/import/batches/${batchId}/rejects?format=csv`)).status()).toBe(403);
      expect((await page.request.get(`${server.url}/api/import/batches/${batchId}/raw`)).status()).toBe(403);
      expect((await page.request.post(`${server.url}/api/import/batches/${batchId}/rollback`)).status()).toBe(403);
      expect((await page.request.get(`${server.url}/api/import/presets?kind=payments`)).status()).toBe(403);
    }
    const town = await session('town');
    // Every payment of the demo and the import (2017-01 to 2018-10): budget year 2017 to 2018-12-31 (docs/views.md).
    const every = 'year=2017&as_of=2018-12-31';
    await town.goto(`${server.url}/quality?${every}`);
    const units = await town.locator('[data-testid=quality-table] [data-testid=quality-row]').evaluateAll((rs) => rs.map((r) => r.getAttribute('data-unit')));
    expect([...units].sort()).toEqual(shiyaoPayers);
    expect(await town.getByTestId('kpi-payments').innerText()).toBe(String(shiyaoPayments));
    // Another town's payments are out of its scope even by URL.
    await town.goto(`${server.url}/quality/payments?gap=indicator&${every}&department=${mazha}`);
    await town.getByTestId('gap-empty').waitFor();
    expect(await town.getByTestId('gap-row').count()).toBe(0);
    // On a phone the same units, as a list.
    const phone = await session('town', 390);
    await phone.goto(`${server.url}/quality?${every}`);
    const listed = await phone.locator('[data-testid=quality-list] [data-testid=quality-item]').evaluateAll((rs) => rs.map((r) => r.getAttribute('data-unit')));
    expect([...listed].sort()).toEqual(shiyaoPayers);
  });

  it('admin: a project list (资金安排表) takes its 年度 from the title and the 状态 chosen on the page', async () => {
    const page = await session('admin');
    await page.goto(`${server.url}/import`);
    await page.getByTestId('import-kind').selectOption('projects');
    const list = '示范县2019年统筹整合财政涉农资金项目安排表\r\n单位：万元\r\n序号,镇,项目名称,建设内容,资金金额\r\n'
      + ',合计,,,12.5\r\n1,马岔镇,马岔镇E2E养殖小区,新建圈舍,10\r\n2,石窑镇,石窑镇E2E电商站,租赁门面,2.5\r\n';
    await page.getByTestId('import-file').setInputFiles({ name: '2019年项目安排表.csv', mimeType: 'text/csv', buffer: Buffer.from(list) });
    await page.getByTestId('import-upload').click();
    await page.getByTestId('mapping-step').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('option-year').inputValue()).toBe('2019');
    expect(await page.getByTestId('option-status').inputValue()).toBe('not_started');
    await page.getByTestId('option-status').selectOption('approved');
    await page.getByTestId('import-commit').click();
    await page.getByTestId('import-result').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('result-accepted-value').innerText()).toBe('2');
    expect(await page.getByTestId('result-subtotals-value').innerText()).toBe('1');
    await withServerStopped(async (db) => {
      expect(await db.all(`SELECT p.year, p.status, p.code_generated, u.name AS town, p.planned_amount, p.content FROM projects p
        JOIN units u ON u.id = p.town_id WHERE p.name LIKE '%E2E%' ORDER BY p.planned_amount`)).toEqual([
        { year: 2019, status: 'approved', code_generated: true, town: '石窑镇', planned_amount: '25000.00', content: '租赁门面' },
        { year: 2019, status: 'approved', code_generated: true, town: '马岔镇', planned_amount: '100000.00', content: '新建圈舍' },
      ]);
    });
  });

  it('admin rolls the batch back from the history: 已撤销 with who and when; a second rollback is refused', async () => {
    const page = await session('admin');
    await page.goto(`${server.url}/import`);
    const row = page.locator(`[data-testid=batches-table] [data-testid=batch-row][data-batch-id="${batchId}"]`);
    await row.getByTestId('rollback-open').click();
    await row.getByTestId('rollback-confirm').click();
    await expect.poll(() => row.getByTestId('batch-status').innerText(), { timeout: 20_000 }).toContain('已撤销');
    expect(await row.getByTestId('batch-status').innerText()).toContain('admin');
    expect(await row.getByTestId('rollback-open').count()).toBe(0);
    const again = await page.request.post(`${server.url}/api/import/batches/${batchId}/rollback`);
    expect(again.status()).toBe(409);
    expect((await again.json()).error).toContain('不能重复撤销');
    // The raw file and the reject report stay downloadable: nothing is lost.
    expect((await page.request.get(`${server.url}/api/import/batches/${batchId}/raw`)).status()).toBe(200);

    await withServerStopped(async (db) => {
      const n = await db.one<{ n: string }>('SELECT count(*) AS n FROM payments WHERE batch_id = $id OR voucher_no LIKE $v', { id: batchId, v: 'WEBT%' });
      expect(Number(n!.n)).toBe(0);
      const b = await db.one<{ status: string; rolled_back_by: string; rolled_back_at: string | null }>(
        'SELECT status, rolled_back_by, rolled_back_at::VARCHAR AS rolled_back_at FROM import_batches WHERE id = $id', { id: batchId });
      expect(b).toMatchObject({ status: 'rolled_back', rolled_back_by: 'admin' });
      expect(b!.rolled_back_at).toBeTruthy();
      const audit = await db.all<{ target: string; detail: string }>("SELECT target, detail FROM audit_log WHERE actor = 'admin' AND action = 'rollback'");
      expect(audit).toHaveLength(1);
      expect(audit[0].target).toBe(FILE_NAME);
      expect(JSON.parse(audit[0].detail)).toMatchObject({ batch_id: batchId, kind: 'payments', rows_deleted: GOOD });
    }, false);
  });
});
