import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Db } from '@/queries/db';
import { createSession } from '@/queries/auth/sessions';
import { createUser, findUser } from '@/queries/auth/users';
import { getBatch } from '@/queries/import/batches';
import { batchAuditTarget } from '@/lib/import/audit';
import { csv, seedCounty, writeFixture } from '../fixtures/import-load/helpers';

// The route handlers import 'server-only', a guard that throws outside a react-server bundle; everything else runs
// for real (the routes open the database named by FUND_MONITOR_DB, set before they are loaded).
vi.mock('server-only', () => ({}));

const BIN = path.resolve('bin/fund-monitor.mjs');
const rows = (voucher: string) => csv([['支付凭证号', '支付日期', '支付金额', '预算单位'], [voucher, '2018-01-02', '10.00', '县水利局']]);

describe('audit rows of imports and 撤销, from the web page and the CLI', () => {
  let dir: string;
  let db: Db;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'fund-monitor-audit-'));
    const dbFile = path.join(dir, 'audit.duckdb');
    const seeded = await Db.open(dbFile);
    await seedCounty(seeded);
    // An admin of its own: the first-start admin would first have to change its password (docs/security.md).
    await createUser(seeded, { username: 'admin', role: 'admin', password: 'Audit2026x' });
    seeded.close();
    Object.assign(process.env, { FUND_MONITOR_DB: dbFile, FUND_MONITOR_UPLOAD_DIR: path.join(dir, 'uploads') });
  });
  afterAll(() => {
    db?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('name the batch the same way: its file name, for the import and the 撤销 alike', async () => {
    // The CLI first: it opens the file itself, which the server's instance would lock.
    const cli = (args: string[]) => spawnSync(process.execPath, [BIN, ...args, '--db', process.env.FUND_MONITOR_DB!], { encoding: 'utf8' });
    const imported = cli(['import', writeFixture('命令行.csv', rows('A1')), '--kind', 'payments', '--json']);
    expect(imported.status).toBe(0);
    const cliBatch = JSON.parse(imported.stdout).batch_id as number;
    expect(cli(['rollback', String(cliBatch)]).status).toBe(0);

    const { serverDb } = await import('@/queries/server-db');
    const { uploads } = await import('@/app/api/import/_lib/uploads');
    const commit = await import('@/app/api/import/commit/route');
    const rollback = await import('@/app/api/import/batches/[id]/rollback/route');
    db = await serverDb();
    const token = await createSession(db, (await findUser(db, 'admin'))!.id);
    const request = (url: string, body: unknown) => new NextRequest(`http://localhost${url}`, {
      method: 'POST', headers: { cookie: `fm_session=${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body),
    });
    const upload = await uploads().create('admin', '网页.csv', new Blob([rows('B1')]).stream(), 1 << 20);
    const committed = await commit.POST(request('/api/import/commit', { token: upload.token, kind: 'payments' }));
    expect(committed.status).toBe(200);
    const webBatch = ((await committed.json()) as { result: { batch_id: number } }).result.batch_id;
    const rolledBack = await rollback.POST(request(`/api/import/batches/${webBatch}/rollback`, {}), { params: Promise.resolve({ id: String(webBatch) }) });
    expect(rolledBack.status).toBe(200);

    const logged = await db.all<{ action: string; target: string; batch_id: number }>(
      `SELECT action, target, (detail::JSON->>'batch_id')::INTEGER AS batch_id FROM audit_log
       WHERE action IN ('import', 'rollback') ORDER BY id`);
    expect(logged).toEqual([
      { action: 'import', target: '命令行.csv', batch_id: cliBatch },
      { action: 'rollback', target: '命令行.csv', batch_id: cliBatch },
      { action: 'import', target: '网页.csv', batch_id: webBatch },
      { action: 'rollback', target: '网页.csv', batch_id: webBatch },
    ]);
    for (const row of logged) expect(row.target).toBe(batchAuditTarget((await getBatch(db, row.batch_id))!));
  });
});
