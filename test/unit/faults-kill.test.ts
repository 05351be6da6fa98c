import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/queries/db';
import { withDbFile } from '../helpers/temp-db';
import { buildDemoFile } from '@/lib/cli/demo';
import { ORPHAN_AGE_MS, sweepRawDir } from '@/lib/import/load/raw-sweep';
import { COMMITTING_PREFIX } from '@/lib/import/load/raw-file';
import { csv } from '../fixtures/import-load/helpers';
import { BIN, cli } from '../helpers/cli';
import { dbState, halfWritten, type DbState } from '../helpers/db-state';
import { runToFailpoint } from '../helpers/killed';

// A process killed (SIGKILL) in the middle of an import, a rule run and a workflow step, at the fail point just before
// its COMMIT (and, for the import, just after it): reopened, the database holds all of the operation or none of it
// (docs/reliability.md). The processes are the real command (bin/fund-monitor.mjs) and, for the step, which has no
// command, test/fixtures/faults/step.ts; the server's routes call the same functions (test/e2e/faults.test.ts).
/** An exact 元 amount ('12.30') in cents. */
const cents = (yuan: string) => BigInt(yuan.replace('.', ''));

describe('killed mid-operation', () => {
  let dir = '';
  let file = '';
  let rawDir = '';
  let csvFile = '';

  const withDb = <T>(fn: (db: Db) => Promise<T>): Promise<T> => withDbFile(file, fn);
  const importArgs = () => [BIN, 'import', csvFile, '--kind', 'payments', '--db', file, '--raw-dir', rawDir, '--json'];

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'fund-monitor-faults-'));
    file = path.join(dir, 'county.duckdb');
    rawDir = path.join(dir, 'raw');
    await buildDemoFile(file, { payments: 5_000, year: 2018, seed: 3 });
    const unit = await withDb(async (db) => (await db.one<{ name: string }>("SELECT name FROM units WHERE kind = 'department' ORDER BY id LIMIT 1"))!.name);
    csvFile = path.join(dir, '支付.csv');
    // 3 payments: 1,000.10 + 2,000.20 + 3,000.30 = 6,000.60 元.
    writeFileSync(csvFile, csv([['支付凭证号', '支付日期', '支付金额', '预算单位'],
      ['KILL-1', '2018-03-01', '1000.10', unit], ['KILL-2', '2018-03-02', '2000.20', unit], ['KILL-3', '2018-03-03', '3000.30', unit]]));
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('the demo county starts whole', async () => {
    expect(await withDb(halfWritten)).toEqual([]);
  });

  it('an import killed before its COMMIT is absent, and its raw copy is an orphan the sweep removes', async () => {
    const before = await withDb(dbState);
    const stopped = await runToFailpoint(importArgs(), 'import-before-commit');
    // Mid-operation: the raw copy already carries the batch's name, the batch is written inside the open transaction.
    expect(readdirSync(rawDir).filter((n) => n.startsWith(COMMITTING_PREFIX))).toHaveLength(1);
    await stopped.kill();
    await withDb(async (db) => {
      expect(await dbState(db)).toEqual(before);
      expect(await halfWritten(db)).toEqual([]);
      // Too fresh for the sweep (another process might own it) ...
      await sweepRawDir(db, rawDir);
      expect(readdirSync(rawDir)).toHaveLength(1);
      // ... and gone once it is older than any running import could be.
      await sweepRawDir(db, rawDir, Date.now() + ORPHAN_AGE_MS);
      expect(readdirSync(rawDir)).toEqual([]);
    });
  }, 120_000);

  it('an import killed after its COMMIT is whole, and the sweep gives its raw copy its final name', async () => {
    const before = await withDb(dbState);
    const stopped = await runToFailpoint(importArgs(), 'import-after-commit');
    await stopped.kill();
    await withDb(async (db) => {
      const after = await dbState(db);
      expect(after.counts.payments).toBe(before.counts.payments + 3);
      expect(after.counts.import_batches).toBe(before.counts.import_batches + 1);
      // The ledger grew by the file's 6,000.60 元 exactly.
      expect(cents(after.sums.payments) - cents(before.sums.payments)).toBe(600_060n);
      expect(await halfWritten(db)).toEqual([]);
      const batch = (await db.one<{ id: number; raw_path: string }>('SELECT id, raw_path FROM import_batches ORDER BY id DESC LIMIT 1'))!;
      expect(readdirSync(rawDir)).toEqual([COMMITTING_PREFIX + path.basename(batch.raw_path)]);
      await sweepRawDir(db, rawDir);
      expect(readdirSync(rawDir)).toEqual([path.basename(batch.raw_path)]);
    });
  }, 120_000);

  it('a rule run killed before its COMMIT left no run and no warning changed; the next run completes', async () => {
    const before = await withDb(dbState);
    const stopped = await runToFailpoint([BIN, 'rules', 'run', '--db', file, '--json'], 'rules-before-commit');
    await stopped.kill();
    await withDb(async (db) => {
      expect(await dbState(db)).toEqual(before);
      expect(await halfWritten(db)).toEqual([]);
    });
    const again = cli(['rules', 'run', '--db', file, '--json']);
    expect(again.stderr).toBe('');
    expect(again.code).toBe(0);
    await withDb(async (db) => {
      expect((await dbState(db)).counts.rule_runs).toBe(before.counts.rule_runs + 1);
      expect(await halfWritten(db)).toEqual([]);
    });
  }, 180_000);

  it('a workflow step killed before its COMMIT left the warning, its events and the audit log as they were', async () => {
    const id = await withDb(async (db) => (await db.one<{ id: number }>("SELECT id FROM warnings WHERE status = 'new' ORDER BY id LIMIT 1"))!.id);
    const before = await withDb(dbState);
    const step = ['--import', 'tsx', 'test/fixtures/faults/step.ts', file, String(id)];
    const stopped = await runToFailpoint(step, 'step-before-commit');
    await stopped.kill();
    await withDb(async (db) => {
      expect(await dbState(db)).toEqual(before);
      expect(await halfWritten(db)).toEqual([]);
      expect((await db.one<{ status: string }>('SELECT status FROM warnings WHERE id = $id', { id }))!.status).toBe('new');
    });
    // The same step, not killed, lands whole: the status, one event and one audit row.
    const done = spawnSync(process.execPath, step, { encoding: 'utf8', env: { ...process.env, NODE_NO_WARNINGS: '1' } });
    expect(done.stderr).toBe('');
    expect(JSON.parse(done.stdout)).toMatchObject({ ok: true, status: 'dismissed' });
    await withDb(async (db) => {
      const after = await dbState(db);
      expect(after.counts.warning_events).toBe(before.counts.warning_events + 1);
      expect(after.counts.audit_log).toBe(before.counts.audit_log + 1);
      expect(await halfWritten(db)).toEqual([]);
    });
  }, 120_000);
});
