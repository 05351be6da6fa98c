import { Db } from '@/queries/db';
import { makeBackup, type BackupResult } from '@/lib/backup/make';
import { heldByAnotherProcess } from '@/lib/backup/held';
import { restoreBackup } from '@/lib/backup/restore';
import { pruneToSchedule } from '@/lib/backup/retention';
import { openExistingDb } from './open-existing';

export interface BackupCommandOptions {
  db: string;
  out?: string;
  server?: string;
  token?: string;
  json?: boolean;
}

type Printed = BackupResult['manifest'] & { dir: string; pruned?: string[] };

function print(result: Printed, json?: boolean) {
  if (json) return console.log(JSON.stringify(result, null, 2));
  const rows = result.tables.reduce((n, t) => n + Number(t.rows), 0);
  console.log(`备份完成：${result.dir}（${result.tables.length} 张表 ${rows} 行，原始文件 ${result.raw_files.length} 个，${result.ms} 毫秒）`);
  if (result.pruned?.length) console.log(`按保留份数删除了较早的备份：${result.pruned.join('、')}`);
}

/** Asks the running server to make the backup (POST /api/admin/backup): it holds the file, so only it can copy it. */
async function backupThroughServer(server: string, token: string): Promise<Printed> {
  const res = await fetch(new URL('/api/admin/backup', server), { method: 'POST', headers: { Authorization: `Bearer ${token}` } });
  const body = await res.json().catch(() => ({})) as { error?: string };
  if (!res.ok) throw new Error(`服务器拒绝备份（HTTP ${res.status}）：${body.error ?? res.statusText}`);
  return body as Printed;
}

/**
 * `fund-monitor backup`: a copy of the database and its raw files into --out (docs/backups.md); with --server, the
 * running server makes it into its own backup folder. A file held by a server without --server is refused in one line.
 * An --out that is the configured backup folder (设置 → 每日备份) is pruned to its retention, as the server's are.
 */
export async function backupCommand(opts: BackupCommandOptions): Promise<void> {
  if (opts.server) {
    if (!opts.token) throw new Error('经服务器备份需要 --token（个人 API 令牌）');
    return print(await backupThroughServer(opts.server, opts.token), opts.json);
  }
  if (!opts.out) throw new Error('请用 --out 指定备份目录（或用 --server 让运行中的服务器备份）');
  if (await heldByAnotherProcess(opts.db)) {
    throw new Error(`数据库文件正被运行中的服务器使用：${opts.db}。请用 --server URL --token T 经服务器备份。`);
  }
  // Read-only: a backup changes nothing in the database it copies (no migration, no record).
  const db: Db = await openExistingDb(opts.db, { readOnly: true });
  try {
    const { dir, manifest } = await makeBackup(db, { outDir: opts.out, trigger: 'cli' });
    print({ ...manifest, dir, pruned: await pruneToSchedule(db, opts.out) }, opts.json);
  } finally {
    db.close();
  }
}

export async function restoreCommand(opts: { from: string; db: string; force?: boolean; json?: boolean }): Promise<void> {
  const result = await restoreBackup(opts);
  if (opts.json) return console.log(JSON.stringify(result, null, 2));
  console.log(`已恢复备份 ${result.name} 到 ${result.database}（${result.tables} 张表校验一致；原始文件 ${result.raw_files} 个到 ${result.raw_dir}，${result.paths_rebased} 条文件路径改指此处）`);
}
