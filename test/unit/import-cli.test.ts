import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, utimesSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Db } from '@/queries/db';
import { importFile } from '@/lib/import/import-file';
import { rawDirFor } from '@/lib/import/raw-dir';
import { ORPHAN_AGE_MS } from '@/lib/import/load/raw-sweep';
import { getBatch } from '@/queries/import/batches';
import { csv, seedCounty, writeFixture } from '../fixtures/import-load/helpers';
import { BIN, cli, useCliCounty } from '../helpers/cli';

describe('fund-monitor import / batches / rollback', () => {
  const files = useCliCounty();

  const rows = [['支付凭证号', '支付日期', '支付金额', '预算单位'], ['C1', '2018-01-02', '1,000.10', '县水利局'], ['C2', '2018-13-01', '5', '县水利局'], ['合计', '', '1005.10']];

  it('runs from any working directory, not only the project root', () => {
    const r = cli(['batches', '--db', files.dbFile, '--json'], files.dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it('prints one JSON object and exits 0 when the batch landed, rejects included', () => {
    const file = writeFixture('支付.csv', csv(rows));
    const r = cli(['import', file, '--kind', 'payments', '--db', files.dbFile, '--raw-dir', files.rawDir, '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({
      batch_id: 1, kind: 'payments', encoding: 'utf-8', rows_read: 3, accepted: 1, rejected: 1, duplicates: 0,
      subtotal_rows_skipped: 1, totals_reconciled: true, amount_total_yuan: '1000.10',
      rejects: [{ row: 3, column: '支付日期', value: '2018-13-01', reason: '不是有效日期：2018-13-01' }],
    });
    expect(readdirSync(files.rawDir)).toEqual([`1-${out.sha256.slice(0, 12)}-支付.csv`]);
  });

  it('exits non-zero with the reason on stderr when nothing could be imported', () => {
    const file = writeFixture('bad.csv', csv([['凭证号', '用途'], ['C9', 'x']]));
    const r = cli(['import', file, '--kind', 'payments', '--db', files.dbFile, '--raw-dir', files.rawDir, '--json']);
    expect(r.code).not.toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('缺少必填字段 “支付日期”、“支付金额”');
    // Nothing was imported, so no raw copy was kept either.
    expect(readdirSync(files.rawDir).length).toBe(1);
    const unknownKind = cli(['import', file, '--kind', 'receipts', '--db', files.dbFile]);
    expect(unknownKind.code).not.toBe(0);
    expect(unknownKind.stderr).toContain('未知的导入类型 --kind receipts');
  });

  it('lists batches and rolls one back once', () => {
    const list = cli(['batches', '--db', files.dbFile, '--json']);
    expect(list.code).toBe(0);
    expect(JSON.parse(list.stdout).map((b: { id: number; status: string }) => [b.id, b.status])).toEqual([[1, 'loaded']]);
    const rb = cli(['rollback', '1', '--db', files.dbFile, '--user', '李主任', '--json']);
    expect(rb.code).toBe(0);
    expect(JSON.parse(rb.stdout)).toEqual({ batch_id: 1, rows_deleted: 1, units_deleted: 0 });
    const again = cli(['rollback', '1', '--db', files.dbFile]);
    expect(again.code).not.toBe(0);
    expect(again.stderr).toContain('已于');
    expect(again.stderr).toContain('李主任');
  });
});

describe('the raw folder', () => {
  let dir: string;
  const saved = process.env.FUND_MONITOR_RAW_DIR;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'fund-monitor-rawdir-'));
    delete process.env.FUND_MONITOR_RAW_DIR;
  });
  afterAll(() => {
    if (saved !== undefined) process.env.FUND_MONITOR_RAW_DIR = saved;
    rmSync(dir, { recursive: true, force: true });
  });

  it('is the same for a CLI import and a web import of one database: imports/ beside the database file', async () => {
    const dbFile = path.join(dir, 'county.duckdb');
    const db0 = await Db.open(dbFile);
    await seedCounty(db0);
    db0.close();
    const rows = (v: string) => csv([['支付凭证号', '支付日期', '支付金额', '预算单位'], [v, '2018-01-02', '10.00', '县水利局']]);
    // A relative --db, as an operator types it: the folder follows the database, not the project (data/imports).
    const r = cli(['import', writeFixture('cli.csv', rows('R1')), '--kind', 'payments', '--db', path.relative(process.cwd(), dbFile), '--json']);
    expect(r.code).toBe(0);
    const db = await Db.open(dbFile);
    try {
      // What the web page's commit route does: importFile on the server's database, no folder given.
      const web = await importFile({ db, filePath: writeFixture('web.csv', rows('R2')), fileName: 'web.csv', kind: 'payments' });
      const folder = path.join(dir, 'imports');
      expect(rawDirFor(dbFile)).toBe(folder);
      const cliBatch = await getBatch(db, JSON.parse(r.stdout).batch_id);
      const webBatch = await getBatch(db, web.batch_id);
      expect(path.dirname(cliBatch!.raw_path!)).toBe(folder);
      expect(path.dirname(webBatch!.raw_path!)).toBe(folder);
      expect(readdirSync(folder).sort()).toEqual([path.basename(cliBatch!.raw_path!), path.basename(webBatch!.raw_path!)].sort());
    } finally {
      db.close();
    }
  });

  it('is $FUND_MONITOR_RAW_DIR when that is set', () => {
    process.env.FUND_MONITOR_RAW_DIR = path.join(dir, 'elsewhere');
    try {
      expect(rawDirFor(path.join(dir, 'county.duckdb'))).toBe(path.join(dir, 'elsewhere'));
    } finally {
      delete process.env.FUND_MONITOR_RAW_DIR;
    }
  });
});

describe('an import killed midway', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'fund-monitor-kill-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('leaves no batch and no rows, the database opens fine, and the next import clears its raw copy', async () => {
    const dbFile = path.join(dir, 'kill.duckdb');
    const file = path.join(dir, 'big.csv');
    const db = await Db.open(dbFile);
    await seedCounty(db);
    // 600,000 payments, written by DuckDB itself.
    await db.run(`COPY (SELECT 'K' || lpad(i::VARCHAR, 7, '0') AS 支付凭证号, DATE '2018-01-01' + (i % 300)::INTEGER AS 支付日期,
      (i % 9000 + 1) / 100 AS 支付金额, ['县水利局', '县农业农村局', '甲镇'][1 + i % 3] AS 预算单位, '工程款' AS 用途
      FROM range(600000) r(i)) TO '${file}' (HEADER)`);
    const before = await db.all('SELECT count(*) AS n FROM units');
    db.close();

    // Kill it inside the transaction: the trace says the checks are done and the insert is about to run.
    const rawDir = path.join(dir, 'raw');
    const child = spawn(process.execPath, [BIN, 'import', file, '--kind', 'payments', '--db', dbFile, '--raw-dir', rawDir],
      { env: { ...process.env, FUND_MONITOR_TRACE_IMPORT: '1' }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    const killedAt = await new Promise<string>((resolve) => {
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        if (stderr.includes('[import] summary')) {
          child.kill('SIGKILL');
          resolve('after summary, before commit');
        }
      });
      child.on('exit', () => resolve('exited'));
    });
    await new Promise((r) => child.once('exit', r).once('close', r));
    expect(killedAt).toBe('after summary, before commit');
    expect(child.signalCode).toBe('SIGKILL');

    const reopened = await Db.open(dbFile);
    try {
      expect(await reopened.all('SELECT count(*) AS n FROM import_batches')).toEqual([{ n: '0' }]);
      expect(await reopened.all('SELECT count(*) AS n FROM payments')).toEqual([{ n: '0' }]);
      expect(await reopened.all('SELECT count(*) AS n FROM import_rejects')).toEqual([{ n: '0' }]);
      expect(await reopened.all('SELECT count(*) AS n FROM units')).toEqual(before);
    } finally {
      reopened.close();
    }
    // The raw copy of the killed import stayed, under a name that says no batch owns it.
    const [orphan, ...others] = readdirSync(rawDir);
    expect(others).toEqual([]);
    expect(orphan).toMatch(/^\.committing-\d+-[0-9a-f]{12}-big\.csv$/);
    // An hour later (an import that young may still be running in another process) the next import deletes it.
    const anHourAgo = (Date.now() - ORPHAN_AGE_MS - 1000) / 1000;
    utimesSync(path.join(rawDir, orphan), anHourAgo, anHourAgo);

    // The file still works: the same import, run to the end, lands in full.
    const r = spawnSync(process.execPath, [BIN, 'import', file, '--kind', 'payments', '--db', dbFile, '--raw-dir', rawDir, '--json'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    const result = JSON.parse(r.stdout);
    expect(result).toMatchObject({ rows_read: 600000, accepted: 600000 });
    expect(existsSync(dbFile)).toBe(true);
    // Only the new batch's copy is left; the orphan named another batch id, so it was not simply overwritten.
    expect(readdirSync(rawDir)).toEqual([`${result.batch_id}-${result.sha256.slice(0, 12)}-big.csv`]);
    expect(orphan).not.toBe(`.committing-${result.batch_id}-${result.sha256.slice(0, 12)}-big.csv`);
  }, 120_000);
});
