import { Db, type OpenOptions } from '@/queries/db';

/**
 * Opens the database file for a command that writes to it. A running server holds the file's lock, and DuckDB's own
 * error (a paragraph naming the other process) does not say what to do: this says so in one line, in Chinese and
 * English, naming the file and the way through the server (`--server URL --token T`, docs/security.md "API tokens").
 */
export async function openForWriting(file: string, options: OpenOptions = {}): Promise<Db> {
  try {
    return await Db.open(file, options);
  } catch (error) {
    if (error instanceof Error && /Could not set lock on file/i.test(error.message)) {
      throw new Error(
        `数据库文件 ${file} 正被运行中的服务器占用，命令行不能直接写入；请通过服务器导入：--server URL --token 令牌（或环境变量 FUND_MONITOR_TOKEN）。` +
        ` / The database file ${file} is held by a running server; import through it with --server URL --token TOKEN (or $FUND_MONITOR_TOKEN).`,
      );
    }
    throw error;
  }
}
