import { mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Db } from '@/queries/db';
import { getBatch } from '@/queries/import/batches';
import { ORPHAN_AGE_MS } from '@/lib/import/load/raw-sweep';
import { csv, importText, useSeededCounty } from '../fixtures/import-load/helpers';

const file = (voucher: string) => csv([['支付凭证号', '支付日期', '支付金额', '预算单位'], [voucher, '2018-03-01', '100.00', '县水利局']]);

describe('the raw folder sweep at the start of an import', () => {
  let db: Db;
  useSeededCounty((d) => (db = d));
  const dir = mkdtempSync(path.join(os.tmpdir(), 'fund-monitor-raw-sweep-'));
  const raw = path.join(dir, 'raw');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** Sets a file's (or folder's) modification time `ms` ago. */
  const age = (f: string, ms: number) => utimesSync(f, (Date.now() - ms) / 1000, (Date.now() - ms) / 1000);
  const put = (name: string, ms: number) => {
    writeFileSync(path.join(raw, name), 'x');
    age(path.join(raw, name), ms);
  };
  const old = ORPHAN_AGE_MS + 60_000;

  it('deletes old copies no batch owns, finishes a committed one, and leaves everything else alone', async () => {
    const kept = await importText(db, 'payments', file('S1'), { rawDir: raw });
    const keptPath = (await getBatch(db, kept.batch_id))!.raw_path!;
    // A batch committed, then the process died before its copy was renamed: the copy is still under its committing name.
    const crashed = await importText(db, 'payments', file('S2'), { rawDir: raw });
    const crashedPath = (await getBatch(db, crashed.batch_id))!.raw_path!;
    const crashedCopy = path.join(raw, `.committing-${path.basename(crashedPath)}`);
    renameSync(crashedPath, crashedCopy);
    age(crashedCopy, old);
    age(keptPath, old);

    put('.pending-4242-1700000000000-abc123', old); // killed while copying or reading
    put('.committing-77-0123456789ab-支付.csv', old); // killed inside its transaction
    put('.pending-4343-1700000000001-def456', 60_000); // maybe another process's import, running now
    put('.committing-78-0123456789ab-支付.csv', 60_000);
    put('99-aaaaaaaaaaaa-other.csv', old); // a final name no batch here knows: another database's
    put('notes.txt', old);
    mkdirSync(path.join(raw, '.pending-folder'));
    age(path.join(raw, '.pending-folder'), old);
    const outside = path.join(dir, 'outside.csv');
    writeFileSync(outside, 'keep me');
    symlinkSync(outside, path.join(raw, '.pending-link'));

    const next = await importText(db, 'payments', file('S3'), { rawDir: raw });
    const nextPath = (await getBatch(db, next.batch_id))!.raw_path!;
    expect(readdirSync(raw).sort()).toEqual([
      '.committing-78-0123456789ab-支付.csv',
      '.pending-4343-1700000000001-def456',
      '.pending-folder',
      '.pending-link',
      '99-aaaaaaaaaaaa-other.csv',
      path.basename(keptPath),
      path.basename(crashedPath),
      path.basename(nextPath),
      'notes.txt',
    ].sort());
    expect(readFileSync(crashedPath, 'utf8')).toBe(file('S2'));
    expect(readFileSync(outside, 'utf8')).toBe('keep me');
  });
});
