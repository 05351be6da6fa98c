import { spawnSync } from 'node:child_process';
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Db } from '@/queries/db';
import { BIN, cli, useCliCounty } from '../helpers/cli';
import { dbState, halfWritten } from '../helpers/db-state';

// The disk full during an import, simulated by a file-size limit on the importing process (writes past it fail with
// EFBIG; SIGXFSZ is ignored so the process lives to say so): docs/reliability.md "Disk full".
describe('the disk full during an import', () => {
  const files = useCliCounty();
  const ROWS = 100_000;

  /**
   * A payments CSV of ROWS rows (≈4 MB) with vouchers `<prefix><n>`: its raw copy fits under the limit, the database's
   * growth does not.
   */
  const bigCsv = (prefix: string) => {
    const file = path.join(files.dir, '支付.csv');
    const lines = ['支付凭证号,支付日期,支付金额,预算单位'];
    for (let i = 0; i < ROWS; i++) lines.push(`${prefix}${i},2018-03-${String(1 + (i % 28)).padStart(2, '0')},${(i % 9000) + 1}.${String(i % 100).padStart(2, '0')},县水利局`);
    writeFileSync(file, lines.join('\r\n') + '\r\n');
    return file;
  };
  /** `node ARGS` with writes limited to the database file's size plus 512 KB (ulimit -f counts KB in bash). */
  const limited = (args: string[], env: Record<string, string> = {}) => {
    const kb = Math.ceil(statSync(files.dbFile).size / 1024) + 512;
    const quoted = args.map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
    return spawnSync('bash', ['-c', `trap '' XFSZ; ulimit -f ${kb}; exec '${process.execPath}' ${quoted}`], {
      encoding: 'utf8', env: { ...process.env, NODE_NO_WARNINGS: '1', ...env },
    });
  };
  const withDb = async <T>(fn: (db: Db) => Promise<T>): Promise<T> => {
    const db = await Db.open(files.dbFile);
    try {
      return await fn(db);
    } finally {
      db.close();
    }
  };

  it('the command says the disk is full, names the file and that nothing was imported; the database is unchanged and usable', async () => {
    const csvFile = bigCsv('D');
    const before = await withDb(dbState);
    const r = limited([BIN, 'import', csvFile, '--kind', 'payments', '--db', files.dbFile, '--raw-dir', files.rawDir, '--json']);
    expect(r.stdout).toBe('');
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toBe('磁盘空间已满，文件“支付.csv”未能导入，本次没有导入任何数据，数据库保持导入前的状态。'
      + '请清理数据库所在磁盘（或原始文件目录）的空间后重新导入。');
    await withDb(async (db) => {
      expect(await dbState(db)).toEqual(before);
      expect(await halfWritten(db)).toEqual([]);
    });
    // No raw copy was kept for the import that did not land.
    expect(readdirSync(files.rawDir)).toEqual([]);
    // With room again, the same file imports whole.
    const again = cli(['import', csvFile, '--kind', 'payments', '--db', files.dbFile, '--raw-dir', files.rawDir, '--json']);
    expect(again.stderr).toBe('');
    expect(JSON.parse(again.stdout)).toMatchObject({ rows_read: ROWS, accepted: ROWS, rejected: 0 });
  }, 180_000);

  it('the server, whose DuckDB instance the failed write invalidated, opens the file again and keeps answering', () => {
    const r = limited(['--import', 'tsx', 'test/fixtures/faults/disk-full-server.ts', bigCsv('E'), files.rawDir], { FUND_MONITOR_DB: files.dbFile });
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout.trim().split('\n').pop()!);
    // The previous test's import holds ROWS payments; this one added none.
    expect(out).toEqual({
      error: { name: 'DiskFullError', message: expect.stringContaining('磁盘空间已满，文件“支付.csv”未能导入') },
      invalidated: true, reopened: true, payments: ROWS,
    });
  }, 180_000);
});
