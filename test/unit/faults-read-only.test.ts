import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Db } from '@/queries/db';
import { buildDemoFile } from '@/lib/cli/demo';
import { READ_ONLY_REFUSAL } from '@/lib/faults/read-only';

const SCRIPT = path.resolve('test/fixtures/faults/read-only-server.ts');

/**
 * Runs the server's database code (test/fixtures/faults/read-only-server.ts) on `file`. As root, whom file modes do
 * not stop, the process runs without the capabilities that override them (setpriv drops CAP_DAC_OVERRIDE and
 * CAP_DAC_READ_SEARCH from its bounding set), so chmod means what it means to a service. Still root, it reads the
 * checkout wherever it lies (another user could not pass a private folder such as a 0700 temporary clone).
 */
function serveReadOnly(file: string, csvFile: string) {
  const node = [process.execPath, '--import', 'tsx', SCRIPT, csvFile];
  const asUser = process.getuid?.() === 0 ? ['setpriv', '--bounding-set=-dac_override,-dac_read_search', '--'] : [];
  const [cmd, ...args] = [...asUser, ...node];
  const r = spawnSync(cmd, args, {
    encoding: 'utf8', cwd: process.cwd(), env: { ...process.env, NODE_NO_WARNINGS: '1', FUND_MONITOR_DB: file, HOME: os.tmpdir() },
  });
  if (r.status !== 0) throw new Error(`exited ${r.status}: ${r.stderr}`);
  return { out: JSON.parse(r.stdout.trim().split('\n').pop()!), log: r.stdout + r.stderr };
}

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

// A database file the server may not write (docs/reliability.md "Read-only database"): it opens read-only, signs in
// with sessions kept in memory, answers reads, and refuses every change with one message, writing nothing.
describe('a read-only database', () => {
  let dir = '';
  let demo = '';
  let csvFile = '';

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'fund-monitor-ro-'));
    chmodSync(dir, 0o755);
    demo = path.join(dir, 'built.duckdb');
    await buildDemoFile(demo, { payments: 5_000, year: 2018, seed: 3 });
    csvFile = path.join(dir, '支付.csv');
    writeFileSync(csvFile, '支付凭证号,支付日期,支付金额\r\nRO-1,2018-03-01,100.00\r\n');
    chmodSync(csvFile, 0o644);
  }, 120_000);
  afterAll(() => {
    chmodSync(dir, 0o755);
    for (const sub of ['file', 'folder']) rmSync(path.join(dir, sub), { recursive: true, force: true });
    rmSync(dir, { recursive: true, force: true });
  });

  /** A copy of the demo in its own folder (0755), the copy's mode `mode`. */
  const copyOf = (sub: string, mode: number) => {
    mkdirSync(path.join(dir, sub), { mode: 0o755 });
    const file = path.join(dir, sub, 'county.duckdb');
    copyFileSync(demo, file);
    chmodSync(file, mode);
    return file;
  };

  const expectReadOnlyServed = (out: Record<string, unknown>) => {
    expect(out).toMatchObject({
      readOnly: true, signedIn: 'leader', years: 2,
      import: `ReadOnlyError: ${READ_ONLY_REFUSAL}`,
      rules: `ReadOnlyError: ${READ_ONLY_REFUSAL}`,
      step: `ReadOnlyError: ${READ_ONLY_REFUSAL}`,
      settings: { ok: false, error: READ_ONLY_REFUSAL },
      wrong: ['用户名或密码错误', '用户名或密码错误', '用户名或密码错误', '用户名或密码错误', '密码错误次数过多，账户已锁定 15 分钟', '密码错误次数过多，账户已锁定 15 分钟'],
      signedOut: null,
    });
    expect(Number(out.payments)).toBeGreaterThan(5_000);
  };

  it('a file of mode 0444: served read-only, every change refused, the file not touched', () => {
    const file = copyOf('file', 0o444);
    const before = sha256(file);
    const { out, log } = serveReadOnly(file, csvFile);
    expectReadOnlyServed(out);
    expect(sha256(file)).toBe(before);
    // The sign-ins were audited to the log, which the database could not take.
    expect(log).toMatch(/\[audit\] .*"action":"login"/);
  }, 120_000);

  it('a writable file in a read-only folder (no write-ahead log possible): the same', () => {
    const file = copyOf('folder', 0o644);
    chmodSync(path.dirname(file), 0o555);
    const before = sha256(file);
    const { out } = serveReadOnly(file, csvFile);
    chmodSync(path.dirname(file), 0o755);
    expectReadOnlyServed(out);
    expect(sha256(file)).toBe(before);
  }, 120_000);

  it('a read-only file that needs a migration refuses the start with one line', async () => {
    const file = copyOf('old', 0o644);
    const db = await Db.open(file);
    await db.run('DELETE FROM schema_version WHERE version = 16');
    await db.run('CHECKPOINT');
    db.close();
    chmodSync(file, 0o444);
    const { out } = serveReadOnly(file, csvFile);
    expect(out).toEqual({
      refused: `${file} 是只读的，但需要先升级（016_briefing_archive）才能使用：请让服务进程对该文件及其所在目录有写权限后重新启动。`,
    });
  }, 120_000);
});
