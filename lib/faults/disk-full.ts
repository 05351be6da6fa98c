/**
 * What a full disk looks like from here: Node's own writes (the raw copy, an upload's temporary file) fail with
 * ENOSPC, or EFBIG past a file-size limit; DuckDB's with "Could not write file …: No space left on device" (or "File
 * too large"), and a failed checkpoint invalidates its instance (queries/db.ts, Db.invalidated). docs/reliability.md.
 */
const DISK_FULL = /ENOSPC|EFBIG|No space left on device|File too large/i;

export function isDiskFull(error: unknown): boolean {
  const e = error as NodeJS.ErrnoException | undefined;
  return e?.code === 'ENOSPC' || e?.code === 'EFBIG' || DISK_FULL.test(e instanceof Error ? e.message : String(error));
}

/** An import stopped by a full disk: nothing of it landed (its transaction rolled back, its raw copy removed). */
export class DiskFullError extends Error {
  override name = 'DiskFullError';

  constructor(fileName: string, readonly cause: unknown) {
    super(`磁盘空间已满，文件“${fileName}”未能导入，本次没有导入任何数据，数据库保持导入前的状态。请清理数据库所在磁盘（或原始文件目录）的空间后重新导入。`);
  }
}

/** Whether an error is a DiskFullError, by its name (as isReadOnlyError, read-only.ts, says why). */
export const isDiskFullError = (error: unknown): error is DiskFullError => error instanceof Error && error.name === 'DiskFullError';
