import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/queries/db';
import { attachmentDirFor } from '@/lib/warnings/attachments';
import { ATTACHMENT_LIMIT } from '@/lib/warnings/attachment-limit';
import { attachmentResponse } from '@/lib/warnings/attachment-download';
import { takeStepWithFile } from '@/queries/warnings/attachments';
import { takeStep } from '@/queries/warnings/step';
import { warningEvents } from '@/queries/warnings';
import { tempDb } from '../helpers/temp-db';
import { testViewer } from '../helpers/viewer';

// Two warnings sent to 101 甲镇; 102 乙镇 is another town (docs/workflow.md).
const FIXTURE = `
INSERT INTO units (id, kind, name) VALUES (101, 'town', '甲镇'), (102, 'town', '乙镇');
INSERT INTO warnings (id, rule_id, key, subject_type, subject_id, unit_id, amount, severity, status) VALUES
  (1, 'BAD_MEMO', 'BAD_MEMO:payment:P1', 'payment', 'P1', 101, 100.00, 'blue', 'new'),
  (2, 'BAD_MEMO', 'BAD_MEMO:payment:P2', 'payment', 'P2', 101, 200.00, 'blue', 'new');
`;

const supervisor = testViewer('jiandu', 'supervisor', null);
const jia = testViewer('jiazhen', 'town', 101);
const yi = testViewer('yizhen', 'town', 102);

const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from('整改通知书：已补充支付摘要。\n%%EOF\n')]);
const PDF_SHA = createHash('sha256').update(PDF).digest('hex');

describe('an 已整改 answer with its attachment (queries/warnings/attachments.ts)', () => {
  let db: Db;
  let cleanup: () => void;
  let rawDir: string;
  let dir: string;
  const files = () => readdirSync(dir);
  beforeAll(async () => {
    rawDir = mkdtempSync(path.join(os.tmpdir(), 'fund-monitor-raw-'));
    process.env.FUND_MONITOR_RAW_DIR = rawDir;
    ({ db, cleanup } = await tempDb());
    dir = attachmentDirFor(db.file);
    await db.run(FIXTURE);
    for (const id of [1, 2]) await takeStep(db, id, 'send', supervisor, { comment: '', unitId: 101 }, null, '2018-06-06');
  });
  afterAll(() => {
    cleanup();
    rmSync(rawDir, { recursive: true, force: true });
    delete process.env.FUND_MONITOR_RAW_DIR;
  });

  it('stores the file privately beside the raw imports and records it on the event and the audit row', async () => {
    const result = await takeStepWithFile(db, 1, 'rectify', jia, { comment: '已补充摘要' }, { name: '../整改/通知书.pdf', bytes: PDF }, '10.0.0.5');
    expect(result).toMatchObject({ ok: true, status: 'rectified' });
    expect(path.dirname(dir)).toBe(rawDir);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(files()).toHaveLength(1);
    const stored = path.join(dir, files()[0]);
    // <warning id>-<sha256 first 16>-<random 8 hex>-<name without its folders>
    expect(files()[0]).toMatch(new RegExp(`^1-${PDF_SHA.slice(0, 16)}-[0-9a-f]{8}-通知书\\.pdf$`));
    expect(statSync(stored).mode & 0o777).toBe(0o600);
    const [, rectify] = await warningEvents(db, 1);
    expect(rectify).toMatchObject({ action: 'rectify', attachment_name: '通知书.pdf', attachment_size: PDF.length, attachment_sha256: PDF_SHA });
    expect(await db.one('SELECT attachment_path FROM warning_events WHERE warning_id = 1 AND action = $a', { a: 'rectify' })).toEqual({ attachment_path: stored });
    const audit = await db.one<{ detail: string }>("SELECT detail FROM audit_log WHERE action = 'warning_rectify' AND target = 'warning:1'");
    expect(JSON.parse(audit!.detail).attachment).toEqual({ file_name: '通知书.pdf', size: PDF.length, sha256: PDF_SHA });
  });

  it('is downloadable by the unit and by supervision, audited, under its original name', async () => {
    for (const who of [jia, supervisor]) {
      const res = await attachmentResponse(db, who, 1, PDF_SHA, '10.0.0.6');
      expect(res.status).toBe(200);
      expect(res.headers.get('Content-Type')).toBe('application/pdf');
      expect(res.headers.get('Content-Disposition')).toBe(`attachment; filename="warning-1-attachment.pdf"; filename*=UTF-8''${encodeURIComponent('通知书.pdf')}`);
      expect(Buffer.from(await res.arrayBuffer()).equals(PDF)).toBe(true);
    }
    const rows = await db.all<{ actor: string; target: string }>("SELECT actor, target FROM audit_log WHERE action = 'warning_attachment' ORDER BY id");
    expect(rows).toEqual([{ actor: 'jiazhen', target: 'warning:1' }, { actor: 'jiandu', target: 'warning:1' }]);
  });

  it('is refused to another town (404, as for an unknown one), and to a hash the warning does not have', async () => {
    const other = await attachmentResponse(db, yi, 1, PDF_SHA, null);
    expect(other.status).toBe(404);
    expect(await other.json()).toEqual({ error: '附件不存在或无权查看' });
    expect((await attachmentResponse(db, jia, 2, PDF_SHA, null)).status).toBe(404);
    expect((await attachmentResponse(db, jia, 1, '../../etc/passwd', null)).status).toBe(404);
    // Refusals are not downloads: still the two audit rows of the test before.
    expect(await db.one("SELECT count(*)::INTEGER AS n FROM audit_log WHERE action = 'warning_attachment'")).toEqual({ n: 2 });
  });

  it('refuses a file over 10 MB, a disguised file and a file on another step, leaving nothing on disk', async () => {
    const before = files();
    const big = Buffer.concat([PDF, Buffer.alloc(ATTACHMENT_LIMIT + 1 - PDF.length)]);
    expect(await takeStepWithFile(db, 2, 'rectify', jia, { comment: '整改' }, { name: '大.pdf', bytes: big }, null))
      .toEqual({ ok: false, error: '附件不能超过 10 MB，所选文件为 10.0 MB' });
    expect(await takeStepWithFile(db, 2, 'rectify', jia, { comment: '整改' }, { name: '照片.png', bytes: PDF }, null))
      .toEqual({ ok: false, error: '附件“照片.png”的内容不是 PNG 文件' });
    expect(await takeStepWithFile(db, 2, 'rectify', jia, { comment: '整改' }, { name: 'run.exe', bytes: PDF }, null))
      .toEqual({ ok: false, error: '附件只能是 PDF、JPG、PNG、Word(.docx)、Excel(.xlsx) 或 ZIP 文件' });
    // A zip named .docx without Word's parts is not a Word file.
    const zip = Buffer.from([0x50, 0x4b, 0x03, 0x04, ...Buffer.from('xl/workbook.xml')]);
    expect(await takeStepWithFile(db, 2, 'rectify', jia, { comment: '整改' }, { name: '说明.docx', bytes: zip }, null))
      .toEqual({ ok: false, error: '附件“说明.docx”的内容不是 DOCX 文件' });
    expect(await takeStepWithFile(db, 2, 'verify', jia, { comment: '无误' }, { name: 'a.pdf', bytes: PDF }, null))
      .toEqual({ ok: false, error: '只有“已整改”可以附带附件' });
    expect(files()).toEqual(before);
    expect(await db.one('SELECT status FROM warnings WHERE id = 2')).toEqual({ status: 'sent' });
  });

  it('a step refused after the file was stored (another town answering) removes the file again', async () => {
    const before = files();
    expect(await takeStepWithFile(db, 2, 'rectify', yi, { comment: '整改' }, { name: 'a.pdf', bytes: PDF }, null))
      .toEqual({ ok: false, error: '只有被下发核实的单位可以答复' });
    expect(await takeStepWithFile(db, 2, 'rectify', jia, { comment: '' }, { name: 'a.pdf', bytes: PDF }, null))
      .toEqual({ ok: false, error: '请填写整改了什么' });
    expect(files()).toEqual(before);
    expect(await warningEvents(db, 2)).toHaveLength(1); // the 下发核实 only
  });
});
