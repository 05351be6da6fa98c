import { existsSync } from 'node:fs';
import { Db, type OpenOptions } from '@/queries/db';

/**
 * The database of a command that reads or changes what is already there (view, batches, rollback,
 * reset-demo-passwords). Db.open would create a missing file, so a mistyped --db — or the default data/demo.duckdb
 * before the demo was built — would leave an empty database behind, and `npm start` would then serve that empty file
 * instead of building the demo.
 */
export function openExistingDb(file: string, options: OpenOptions = {}): Promise<Db> {
  if (!existsSync(file)) {
    throw new Error(`数据库文件不存在：${file}（演示库请先运行 fund-monitor demo；其他数据库请用 --db 指定已有的文件）`);
  }
  return Db.open(file, options);
}
