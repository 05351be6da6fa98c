import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UploadStore, sweepStaleUploadDirs, uploads, UPLOAD_DIR_PREFIX } from '@/app/api/import/_lib/uploads';
import { UploadRefused, uploadQuotas, type UploadQuotas } from '@/app/api/import/_lib/upload-quotas';
import { cleanupSource, readSource } from '@/lib/import/source';
import { privateTempDir, sweepStaleTempDirs } from '@/lib/import/source/transcode';
import { encodeGbk } from '@/lib/cli/gbk-encode';
import { csv, importText, useSeededCounty } from '../fixtures/import-load/helpers';
import type { Db } from '@/queries/db';
import { getBatch } from '@/queries/import/batches';

// Uploads, temporary CSVs and raw copies hold the county's payment data: only the server's user may read them, and
// what pending uploads may hold is capped (docs/import-limits.md).
const mode = (p: string) => statSync(p).mode & 0o777;

/** A web ReadableStream of the given chunks; `gate` holds the body open until it resolves. */
function body(chunks: Uint8Array[], gate: Promise<void> = Promise.resolve()): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({
    async start(c) {
      for (const x of chunks) c.enqueue(x);
      await gate;
      c.close();
    },
  });
}
const bytes = (n: number) => new Uint8Array(n).fill(65);

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'fund-monitor-private-test-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('private files', () => {
  it('the server’s default upload folder is its own mkdtemp folder (0700), its uploads 0600', async () => {
    delete process.env.FUND_MONITOR_UPLOAD_DIR;
    const store = uploads();
    expect(path.basename(store.dir).startsWith(UPLOAD_DIR_PREFIX)).toBe(true);
    expect(store.dir).not.toBe(path.join(os.tmpdir(), 'fund-monitor-uploads'));
    const u = await store.create('admin', 'a.csv', body([bytes(10)]), 100);
    expect(mode(store.dir)).toBe(0o700);
    expect(mode(u.path)).toBe(0o600);
    await store.remove(u.token);
    rmSync(store.dir, { recursive: true, force: true });
  });

  it('a configured upload folder that exists readable by others is made private', async () => {
    const shared = path.join(dir, 'shared-uploads');
    mkdirSync(shared);
    chmodSync(shared, 0o755);
    const store = new UploadStore(shared);
    const u = await store.create('admin', 'a.csv', body([bytes(10)]), 100);
    expect(mode(shared)).toBe(0o700);
    expect(mode(u.path)).toBe(0o600);
  });

  it('temporary CSVs (a GBK file transcoded, a sheet converted) are 0600 in a 0700 folder', async () => {
    const gbk = path.join(dir, 'gbk.csv');
    writeFileSync(gbk, encodeGbk('支付凭证号,支付日期,支付金额\r\nP1,2018-09-01,10\r\n'));
    const info = await readSource(gbk, 'gbk.csv', { kind: 'payments' });
    expect(info.encoding).toBe('gb18030');
    expect(path.dirname(info.dataCsvPath)).toBe(privateTempDir());
    expect(mode(privateTempDir())).toBe(0o700);
    expect(mode(info.dataCsvPath)).toBe(0o600);
    await cleanupSource(info);
  });

  it('temp folders of killed processes are swept once an hour old; a live process’s and a young one are kept', () => {
    const parent = path.join(dir, 'tmp-sweep');
    // 4194305 is past Linux's largest pid: no such process.
    const dead = path.join(parent, 'fund-monitor-tmp-4194305-old');
    const young = path.join(parent, 'fund-monitor-tmp-4194305-new');
    const live = path.join(parent, `fund-monitor-tmp-${process.ppid}-old`);
    for (const d of [dead, young, live]) {
      mkdirSync(d, { recursive: true });
      writeFileSync(path.join(d, 'source-x.csv'), 'x');
    }
    const hourAgo = new Date(Date.now() - 2 * 3600_000);
    for (const d of [dead, live]) utimesSync(d, hourAgo, hourAgo);
    sweepStaleTempDirs(parent);
    expect(readdirSync(parent).sort()).toEqual([path.basename(young), path.basename(live)].sort());
  });

  describe('raw copies beside the database', () => {
    let db: Db;
    useSeededCounty((d) => (db = d));
    it('are 0600 in a 0700 imports folder, even one made before with 0755', async () => {
      const rawDir = path.join(dir, 'imports');
      mkdirSync(rawDir);
      chmodSync(rawDir, 0o755);
      const r = await importText(db, 'payments', csv([['支付凭证号', '支付日期', '支付金额'], ['PR1', '2018-09-01', '10']]), { rawDir });
      const raw = (await getBatch(db, r.batch_id))!.raw_path!;
      expect(path.dirname(raw)).toBe(rawDir);
      expect(mode(rawDir)).toBe(0o700);
      expect(mode(raw)).toBe(0o600);
    });
  });

  it('sweeps what killed servers left in their upload folders, past the expiry, and nothing else', () => {
    const parent = path.join(dir, 'tmp');
    const stale = path.join(parent, `${UPLOAD_DIR_PREFIX}old`);
    const live = path.join(parent, `${UPLOAD_DIR_PREFIX}live`);
    const other = path.join(parent, 'someone-else');
    for (const d of [stale, live, other]) mkdirSync(d, { recursive: true });
    writeFileSync(path.join(stale, 'x.csv'), 'x');
    writeFileSync(path.join(live, 'y.csv'), 'y');
    writeFileSync(path.join(other, 'z.csv'), 'z');
    const later = Date.now() + 2 * 3600_000;
    return sweepStaleUploadDirs(parent, live, 3600_000, later).then(() => {
      expect(readdirSync(parent).sort()).toEqual([`${UPLOAD_DIR_PREFIX}live`, 'someone-else']);
      expect(readdirSync(live)).toEqual(['y.csv']);
      expect(readdirSync(other)).toEqual(['z.csv']);
    });
  });
});

describe('upload quotas and concurrency', () => {
  const quotas: UploadQuotas = { userBytes: 1000, totalBytes: 1500, perUser: 2, total: 3 };
  const store = () => new UploadStore(mkdtempSync(path.join(dir, 'quota-')), 60_000, Date.now, quotas);

  it('reads the quotas from the environment, with defaults', () => {
    expect(uploadQuotas({})).toEqual({ userBytes: 600 * 1024 ** 2, totalBytes: 2000 * 1024 ** 2, perUser: 2, total: 6 });
    expect(uploadQuotas({
      FUND_MONITOR_UPLOAD_USER_QUOTA_MB: '1', FUND_MONITOR_UPLOAD_TOTAL_QUOTA_MB: 'x', FUND_MONITOR_UPLOAD_CONCURRENT_PER_USER: '3', FUND_MONITOR_UPLOAD_CONCURRENT: '-1',
    })).toEqual({ userBytes: 1024 ** 2, totalBytes: 2000 * 1024 ** 2, perUser: 3, total: 6 });
  });

  it('refuses a user’s third upload at once while two stream (429), and the server’s fourth', async () => {
    const s = store();
    let open!: () => void;
    const gate = new Promise<void>((r) => (open = r));
    const a = s.create('admin', 'a.csv', body([bytes(10)], gate), 100);
    const b = s.create('admin', 'b.csv', body([bytes(10)], gate), 100);
    const refused = await s.create('admin', 'c.csv', body([bytes(10)]), 100).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(UploadRefused);
    expect(refused).toMatchObject({ status: 429, message: '您已有 2 个文件正在上传，请等它们上传完成后再上传下一个。' });
    const c = s.create('section', 'c.csv', body([bytes(10)], gate), 100);
    await expect(s.create('town', 'd.csv', body([bytes(10)]), 100)).rejects.toMatchObject({ status: 429, message: expect.stringContaining('服务器同时在接收 3 个上传') });
    open();
    await Promise.all([a, b, c]);
    // Once they finished, a new one is fine.
    expect((await s.create('admin', 'e.csv', body([bytes(10)]), 100)).size).toBe(10);
  });

  it('refuses bytes past the user’s quota (413), leaving no partial file, and past the total', async () => {
    const s = store();
    await s.create('admin', 'a.csv', body([bytes(600)]), 1000);
    await expect(s.create('admin', 'b.csv', body([bytes(300), bytes(300)]), 1000))
      .rejects.toMatchObject({ status: 413, message: expect.stringContaining('您待导入的上传文件已超过 0 MB 的配额') });
    expect(readdirSync(s.dir)).toHaveLength(1);
    expect(s.held('admin')).toBe(600);
    await s.create('section', 'c.csv', body([bytes(800)]), 1000);
    await expect(s.create('town', 'd.csv', body([bytes(200)]), 1000)).rejects.toMatchObject({ status: 413, message: expect.stringContaining('总配额') });
    expect(s.held()).toBe(1400);
  });
});
