import { Db } from './db';
import { configuredDbFile } from './db-file';
import { prepareServerDatabase } from '@/lib/auth/startup';
import { StartupRefusal } from '@/lib/auth/bootstrap';
import { mustOpenReadOnly } from '@/lib/faults/writable';
import { upgradeNeeded } from './migrate';

const holder = globalThis as typeof globalThis & { __fundMonitorDb?: Promise<Db> };

/**
 * The server's one Db, opened on $FUND_MONITOR_DB (default data/demo.duckdb; read-only when it may not be written,
 * see openServerFile) and checked once
 * (lib/auth/startup.ts), kept on globalThis so that instrumentation.ts, which opens it at start, and every route share
 * it, and dev reloads reuse it (a second instance on the same file would be refused by DuckDB's lock). A failed open
 * is forgotten, so the next call tries again. Without 'server-only', which instrumentation.ts cannot import; the
 * app imports it through server-db.ts.
 */
export async function serverDb(): Promise<Db> {
  const opening = openOnce();
  const db = await opening;
  if (!db.invalidated) return db;
  // DuckDB gave up on this instance after a fatal write error (the disk full during a checkpoint) and asks to be
  // restarted; the file holds the last commit, so the server opens it anew instead of answering 500 until restarted.
  if (holder.__fundMonitorDb === opening) {
    holder.__fundMonitorDb = undefined;
    db.close();
    console.error('[db] DuckDB invalidated the database after a fatal error; opening it again');
  }
  return openOnce();
}

function openOnce(): Promise<Db> {
  if (!holder.__fundMonitorDb) {
    holder.__fundMonitorDb = openServerFile(configuredDbFile()).then(async (db) => {
      try {
        await prepareServerDatabase(db);
      } catch (error) {
        db.close();
        throw error;
      }
      return db;
    }).catch((error: unknown) => {
      holder.__fundMonitorDb = undefined;
      throw error;
    });
  }
  return holder.__fundMonitorDb;
}

/** For instrumentation.ts: opens the database at start, or stops the process with one line saying why. */
export async function openAtStart(): Promise<void> {
  try {
    await serverDb();
  } catch (error) {
    console.error(`fund-monitor 拒绝启动：${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}

/**
 * Opens the file read-write, or read-only when it may not be written (lib/faults/writable.ts): the site then serves
 * every page and refuses changes (docs/reliability.md "Read-only database"). A read-only file this version would have
 * to migrate cannot be served correctly, so the start is refused with one line.
 */
async function openServerFile(file: string): Promise<Db> {
  if (!(await mustOpenReadOnly(file))) return Db.open(file);
  const db = await Db.open(file, { readOnly: true });
  const upgrade = await upgradeNeeded(db).catch((error: unknown) => {
    db.close();
    throw error;
  });
  if (upgrade.length) {
    db.close();
    throw new StartupRefusal(`${file} 是只读的，但需要先升级（${upgrade.join('、')}）才能使用：请让服务进程对该文件及其所在目录有写权限后重新启动。`);
  }
  console.error(`[db] ${file} 不可写，以只读方式打开：网站只能查看，不能保存修改`);
  return db;
}
