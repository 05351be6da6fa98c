import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Db } from '@/queries/db';
import { tableChecksums } from '@/queries/backup/checksums';
import { getBatch } from '@/queries/import/batches';
import { takeStep } from '@/queries/warnings/step';
import { takeStepWithFile } from '@/queries/warnings/attachments';
import { makeBackup } from '@/lib/backup/make';
import { restoreBackup } from '@/lib/backup/restore';
import { rawDirFor } from '@/lib/import/raw-dir';
import { rawFileResponse } from '@/lib/import/raw-download';
import { attachmentResponse } from '@/lib/warnings/attachment-download';
import { csv, importText, seedCounty } from '../fixtures/import-load/helpers';
import { tempDb } from '../helpers/temp-db';
import { testViewer } from '../helpers/viewer';

const admin = testViewer('admin', 'admin', null);
const supervisor = testViewer('jiandu', 'supervisor', null);
const jia = testViewer('jiazhen', 'town', 101);

const PAYMENTS = csv([
  ['支付凭证号', '支付日期', '支付金额', '预算单位', '用途'],
  ['P1', '2018-03-01', '100.00', '县农业农村局', '工程款'],
]);
const PDF = Buffer.from('%PDF-1.4\n整改通知书\n%%EOF\n');
const PDF_SHA = createHash('sha256').update(PDF).digest('hex');

/**
 * A backup restored into another folder names the files restored beside it: the source's folder is deleted before the
 * downloads, so a stored path still pointing there would answer 404.
 */
describe('a restored database reads its raw files and attachments beside itself', () => {
  let target: string;
  let targetDir: string;
  let backupsDir: string;
  let sourceRawDir: string;
  let batchId: number;
  let restored: Awaited<ReturnType<typeof restoreBackup>>;
  let manifestTables: Awaited<ReturnType<typeof makeBackup>>['manifest']['tables'];

  beforeAll(async () => {
    delete process.env.FUND_MONITOR_RAW_DIR;
    const source = await tempDb();
    sourceRawDir = rawDirFor(source.file);
    await seedCounty(source.db);
    // A real import, so raw_path is what the importer stores: <raw dir>/<batch>-<sha>-payments.csv.
    batchId = (await importText(source.db, 'payments', PAYMENTS, { rawDir: sourceRawDir })).batch_id;
    // A batch whose path lies in a sibling folder that merely starts with the raw folder's name: not the backup's file.
    await source.db.run("INSERT INTO import_batches (id, kind, file_name, sha256, raw_path) VALUES (900, 'payments', 'x.csv', 'x', $p)",
      { p: `${sourceRawDir}-old/900-x.csv` });
    // An 已整改 with its attachment, stored under <raw dir>/attachments.
    await source.db.run(`INSERT INTO warnings (id, rule_id, key, subject_type, subject_id, unit_id, amount, severity, status)
      VALUES (1, 'BAD_MEMO', 'BAD_MEMO:payment:P1', 'payment', 'P1', 101, 100.00, 'blue', 'new')`);
    await takeStep(source.db, 1, 'send', supervisor, { comment: '', unitId: 101 }, null, '2018-06-06');
    expect(await takeStepWithFile(source.db, 1, 'rectify', jia, { comment: '已补充' }, { name: '通知书.pdf', bytes: PDF }, null, '2018-06-07'))
      .toMatchObject({ ok: true });

    backupsDir = mkdtempSync(path.join(os.tmpdir(), 'fund-monitor-backups-'));
    const { dir, manifest } = await makeBackup(source.db, { outDir: backupsDir, trigger: 'cli' });
    manifestTables = manifest.tables;
    // The original folder goes, database and raw files alike (a dead disk, a moved county).
    source.cleanup();
    expect(existsSync(sourceRawDir)).toBe(false);

    targetDir = mkdtempSync(path.join(os.tmpdir(), 'fund-monitor-restored-'));
    target = path.join(targetDir, '县库', 'county.duckdb');
    restored = await restoreBackup({ from: dir, db: target });
  });
  afterAll(() => {
    rmSync(backupsDir, { recursive: true, force: true });
    rmSync(targetDir, { recursive: true, force: true });
  });

  it('points the stored paths under the old raw folder at the new one, and only those', async () => {
    const rawDir = path.join(targetDir, '县库', 'imports');
    // 1 batch's raw file + 1 event's attachment; the batch in imports-old is not under the raw folder.
    expect(restored).toMatchObject({ raw_dir: rawDir, raw_files: 2, paths_rebased: 2 });
    const db = await Db.open(target, { readOnly: true });
    try {
      const batch = (await getBatch(db, batchId))!;
      expect(path.dirname(batch.raw_path!)).toBe(rawDir);
      expect((await getBatch(db, 900))!.raw_path).toBe(`${sourceRawDir}-old/900-x.csv`);
      const { p } = (await db.one<{ p: string }>('SELECT attachment_path AS p FROM warning_events WHERE attachment_path IS NOT NULL'))!;
      expect(path.dirname(p)).toBe(path.join(rawDir, 'attachments'));
      // Everything else is the backup's, row for row; the two tables with paths keep their rows.
      const now = await db.withConnection((conn) => tableChecksums(conn));
      const rebased = ['import_batches', 'warning_events'];
      expect(now.filter((t) => !rebased.includes(t.table))).toEqual(manifestTables.filter((t) => !rebased.includes(t.table)));
      expect(now.filter((t) => rebased.includes(t.table)).map((t) => t.rows)).toEqual(manifestTables.filter((t) => rebased.includes(t.table)).map((t) => t.rows));
    } finally {
      db.close();
    }
  });

  it('downloads the raw file and the attachment with the old folder gone', async () => {
    const db = await Db.open(target);
    try {
      const raw = await rawFileResponse(db, admin, (await getBatch(db, batchId))!, null);
      expect(raw.status).toBe(200);
      expect(await raw.text()).toBe(PAYMENTS);
      const file = await attachmentResponse(db, jia, 1, PDF_SHA, null);
      expect(file.status).toBe(200);
      expect(Buffer.from(await file.arrayBuffer())).toEqual(PDF);
    } finally {
      db.close();
    }
  });
});
