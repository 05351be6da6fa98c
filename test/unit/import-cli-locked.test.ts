import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csv, writeFixture } from '../fixtures/import-load/helpers';
import { cli, useCliCounty } from '../helpers/cli';

/**
 * Another process holds the database file as a running server does (DuckDB's file lock): `fund-monitor import`
 * without --server says so in one line naming the file and the way through the server, and exits non-zero.
 */
describe('fund-monitor import on a file a server holds', () => {
  const files = useCliCounty();
  let holder: ChildProcess;

  beforeAll(async () => {
    const script = `import { DuckDBInstance } from '@duckdb/node-api';
      await DuckDBInstance.create(process.argv[1]); console.log('held'); setInterval(() => {}, 1000);`;
    holder = spawn(process.execPath, ['--input-type=module', '-e', script, files.dbFile], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve, reject) => {
      holder.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('held') && resolve());
      holder.once('exit', (code) => reject(new Error(`the holder exited with ${code}`)));
    });
  });
  afterAll(() => {
    holder?.kill();
  });

  it('refuses in one line, in Chinese and English, naming the file and --server/--token', () => {
    const file = writeFixture('支付-locked.csv', csv([['支付凭证号', '支付日期', '支付金额', '预算单位'], ['L1', '2018-01-02', '10', '县水利局']]));
    const r = cli(['import', file, '--kind', 'payments', '--db', files.dbFile, '--json']);
    expect(r.code).not.toBe(0);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toBe(
      `数据库文件 ${files.dbFile} 正被运行中的服务器占用，命令行不能直接写入；请通过服务器导入：--server URL --token 令牌（或环境变量 FUND_MONITOR_TOKEN）。` +
      ` / The database file ${files.dbFile} is held by a running server; import through it with --server URL --token TOKEN (or $FUND_MONITOR_TOKEN).`,
    );
  });
});
