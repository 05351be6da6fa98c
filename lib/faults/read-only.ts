/** What the banner on every page and every refused change say (docs/reliability.md "Read-only database"). */
export const READ_ONLY_BANNER = '数据库为只读，只能查看';
export const READ_ONLY_REFUSAL = '数据库为只读，只能查看，不能保存修改（导入、运行规则、处理疑点、修改设置等）。请让服务进程对数据库文件及其所在目录有写权限后重新启动。';

/** A change refused because the database is open read-only (Db.readOnly); routes answer it 503, forms show it. */
export class ReadOnlyError extends Error {
  override name = 'ReadOnlyError';

  constructor() {
    super(READ_ONLY_REFUSAL);
  }
}

/**
 * Whether an error is a ReadOnlyError, by its name: the server's Db is made in another of Next's bundles than the
 * route that catches its error, each with its own copy of this class, so `instanceof` would miss it.
 */
export const isReadOnlyError = (error: unknown): error is ReadOnlyError => error instanceof Error && error.name === 'ReadOnlyError';
