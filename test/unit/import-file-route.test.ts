import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { NextRequest } from 'next/server';
import { Db } from '@/queries/db';
import { createUser } from '@/queries/auth/users';
import { listAudit } from '@/queries/auth/audit';
import { createOwnApiToken } from '@/lib/auth/api-tokens';
import { importChoicesOf, runImportCommand } from '@/lib/import/command';
import type { Viewer } from '@/lib/auth/roles';
import { csv, seedCounty, writeFixture } from '../fixtures/import-load/helpers';
import { BIN } from '../helpers/cli';

// The route runs in this process on the server's own Db (queries/open-server-db.ts), opened on FUND_MONITOR_DB.
vi.mock('server-only', () => ({}));

/**
 * POST /api/import/file (the route `fund-monitor import --server` uses) called as Next.js calls it, with bearer tokens,
 * on the seeded county (ZB001 is fund 22 of 农财所 = section 4, ZB003 fund 43 of 教科文股). Its answer must equal
 * what the CLI's import of the same file into a copy of the same database gives.
 */
let dir = '';
let file = '';
let copy = '';
const tokens: Record<string, string> = {};
let POST: (req: NextRequest) => Promise<Response>;

const HEADER = ['支付凭证号', '支付日期', '支付金额', '指标明细号', '预算单位'];
// 1000.10 + 200.00 accepted, R3's date impossible; the 合计 row states all three: 1000.10 + 200.00 + 5 = 1205.10.
const FILE = csv([
  HEADER, ['R1', '2018-05-02', '1000.10', 'ZB001', '县水利局'], ['R2', '2018-05-03', '200.00', 'ZB003', '县水利局'],
  ['R3', '2018-02-30', '5', 'ZB001', '县水利局'], ['合计', '', '1205.10', '', ''],
]);

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'fund-monitor-file-route-'));
  file = path.join(dir, 'server.duckdb');
  const db = await Db.open(file);
  await seedCounty(db);
  const add = async (username: string, role: Viewer['role'], unitId: number | null) => {
    const id = await createUser(db, { username, role, unitId, password: 'pass1234' });
    const r = await createOwnApiToken(db, { id, username, displayName: null, role, unitId, unitName: null }, { name: 'job', expiresOn: null }, null);
    tokens[username] = (r as { secret: string }).secret;
  };
  await add('boss', 'admin', null);
  await add('nongcai', 'section', 4);
  await add('jiazhen', 'town', 101);
  db.close();
  copy = path.join(dir, 'copy.duckdb');
  copyFileSync(file, copy);
  vi.stubEnv('FUND_MONITOR_DB', file);
  vi.stubEnv('FUND_MONITOR_UPLOAD_DIR', path.join(dir, 'uploads'));
  vi.stubEnv('FUND_MONITOR_RAW_DIR', path.join(dir, 'raw'));
  ({ POST } = await import('@/app/api/import/file/route'));
});

afterAll(async () => {
  const held = globalThis as typeof globalThis & { __fundMonitorDb?: Promise<Db> };
  (await held.__fundMonitorDb)?.close();
  held.__fundMonitorDb = undefined;
  vi.unstubAllEnvs();
  rmSync(dir, { recursive: true, force: true });
});

function post(query: string, body: string, headers: Record<string, string>) {
  return POST(new NextRequest(`http://127.0.0.1:3000/api/import/file?${query}`, {
    method: 'POST', body, headers: { 'x-file-name': encodeURIComponent('支付.csv'), ...headers },
  }));
}
const bearer = (who: string) => ({ authorization: `Bearer ${tokens[who]}` });

describe('POST /api/import/file with a token', () => {
  it('imports as the CLI does: the same JSON as a local import of the same file into a copy', async () => {
    const res = await post('kind=payments', FILE, bearer('boss'));
    expect(res.status).toBe(200);
    const remote = await res.json();
    expect(remote).toMatchObject({
      batch_id: 1, kind: 'payments', file_name: '支付.csv', rows_read: 4, accepted: 2, rejected: 1, subtotal_rows_skipped: 1,
      amount_total_yuan: '1200.10', totals_reconciled: true, warnings: { run_id: expect.any(Number) },
    });
    const local = await Db.open(copy);
    try {
      const source = writeFixture('支付.csv', FILE);
      const expected = await runImportCommand(local, source, '支付.csv', importChoicesOf({ kind: 'payments' }), {
        user: 'cli', actor: 'cli', mayCreateUnits: true, rawDir: path.join(dir, 'raw-copy'), via: { via: 'cli' },
      });
      expect(remote).toEqual(JSON.parse(JSON.stringify(expected)));
    } finally {
      local.close();
    }
  });

  it('applies a 股室\'s own-funds rule: 农财所 imports ZB001\'s row, not 教科文股\'s ZB003', async () => {
    const res = await post('kind=payments', csv([HEADER, ['S1', '2018-06-02', '30', 'ZB001', '县水利局'], ['S2', '2018-06-02', '40', 'ZB003', '县水利局']]), bearer('nongcai'));
    const out = await res.json();
    expect([res.status, out.accepted, out.rejected]).toEqual([200, 1, 1]);
    expect(out.rejects[0].reason).toContain('不属于本股室管理的资金');
  });

  it('takes the CLI\'s flags as query parameters, refusing a bad one with the CLI\'s message', async () => {
    const res = await post('kind=payments&unit=千元', FILE, bearer('boss'));
    expect([res.status, (await res.json()).error]).toEqual([400, '--unit 只能是 元 或 万元（收到 千元）']);
    const preset = await post('kind=payments&mapping=无此方案', FILE, bearer('boss'));
    expect([preset.status, (await preset.json()).error]).toEqual([422, '没有名为“无此方案”的国库集中支付明细映射方案']);
  });

  it('refuses a role that does not import, a kind a 股室 may not import, no or a bad token, and a foreign Origin', async () => {
    expect((await post('kind=payments', FILE, bearer('jiazhen'))).status).toBe(403);
    expect((await post('kind=projects', FILE, bearer('nongcai'))).status).toBe(403);
    expect((await post('kind=payments', FILE, {})).status).toBe(401);
    expect((await post('kind=payments', FILE, { authorization: `Bearer fmt_${'z'.repeat(43)}` })).status).toBe(401);
    expect((await post('kind=payments', FILE, { ...bearer('boss'), origin: 'http://evil.example' })).status).toBe(403);
  });

  it('audits each import as the token\'s user, naming the token', async () => {
    const held = globalThis as typeof globalThis & { __fundMonitorDb?: Promise<Db> };
    const entries = await listAudit((await held.__fundMonitorDb)!, { action: 'import' });
    expect(entries.map((e) => [e.actor, JSON.parse(e.detail!).via, JSON.parse(e.detail!).token]).sort()).toEqual([
      ['boss', 'token', 'job'], ['nongcai', 'token', 'job'],
    ]);
    // Nothing of the uploads is kept once answered, imported or refused.
    expect(readdirSync(path.join(dir, 'uploads'))).toEqual([]);
  });
});

describe('fund-monitor import --server, through this route', () => {
  let url = '';
  let server: http.Server;
  beforeAll(async () => {
    // The route behind a bare HTTP server, as Next.js would call it: no build needed to run the command against it.
    server = http.createServer(async (req, res) => {
      const answer = await POST(new NextRequest(`http://${req.headers.host}${req.url}`, {
        method: req.method, headers: req.headers as Record<string, string>, body: Readable.toWeb(req) as ReadableStream, duplex: 'half',
      } as ConstructorParameters<typeof NextRequest>[1]));
      res.writeHead(answer.status, { 'content-type': 'application/json' }).end(await answer.text());
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => server?.close());

  /** The command as a child process, awaited without blocking this process, which serves the route. */
  const run = (args: string[], token?: string) => new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, NODE_NO_WARNINGS: '1', FUND_MONITOR_TOKEN: token ?? '' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c));
    child.stderr.on('data', (c: Buffer) => (stderr += c));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });

  it('prints the JSON and the lines a local import into a copy of the database prints', async () => {
    const held = globalThis as typeof globalThis & { __fundMonitorDb?: Promise<Db> };
    await (await held.__fundMonitorDb)!.run('CHECKPOINT');
    const twin = path.join(dir, 'twin.duckdb');
    copyFileSync(file, twin);
    const source = writeFixture('支付-cli.csv', csv([HEADER, ['C1', '2018-07-02', '12.34', 'ZB001', '县水利局'], ['C2', '2018-13-01', '1', 'ZB001', '县水利局']]));
    const remote = await run(['import', source, '--kind', 'payments', '--server', url, '--json'], tokens.boss);
    const local = await run(['import', source, '--kind', 'payments', '--db', twin, '--raw-dir', path.join(dir, 'raw-twin'), '--json']);
    expect([remote.code, remote.stderr]).toEqual([0, '']);
    expect(local.code).toBe(0);
    expect(JSON.parse(remote.stdout)).toEqual(JSON.parse(local.stdout));
    expect(JSON.parse(remote.stdout)).toMatchObject({ accepted: 1, rejected: 1, amount_total_yuan: '12.34' });

    const lines = writeFixture('支付-cli-2.csv', csv([HEADER, ['C3', '2018-07-03', '1', 'ZB001', '县水利局']]));
    const remoteText = await run(['import', lines, '--kind', 'payments', '--server', url], tokens.boss);
    const localText = await run(['import', lines, '--kind', 'payments', '--db', twin, '--raw-dir', path.join(dir, 'raw-twin')]);
    expect(remoteText.stdout).toBe(localText.stdout);
    expect(remoteText.stdout).toMatch(/^批次 #\d+（国库集中支付明细，支付-cli-2\.csv，utf-8）/);
  }, 300_000);

  it('exits 1 with the server\'s reason, as a local import that imports nothing does, and without a token', async () => {
    const bad = writeFixture('bad-cli.csv', csv([['凭证号', '用途'], ['C9', 'x']]));
    const remote = await run(['import', bad, '--kind', 'payments', '--server', url], tokens.boss);
    expect(remote.code).toBe(1);
    expect(remote.stderr).toContain('缺少必填字段 “支付日期”、“支付金额”');
    const town = await run(['import', bad, '--kind', 'payments', '--server', url], tokens.jiazhen);
    expect([town.code, town.stderr.trim()]).toEqual([1, `服务器 ${url} 拒绝导入（HTTP 403）：无权访问`]);
    const none = await run(['import', bad, '--kind', 'payments', '--server', url]);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('FUND_MONITOR_TOKEN');
  }, 300_000);
});

