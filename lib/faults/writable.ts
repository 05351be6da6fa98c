import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import path from 'node:path';

/**
 * Whether the server must open its database read-only (docs/reliability.md "Read-only database"): the operator says
 * so (FUND_MONITOR_READ_ONLY=1: an archive copy, a replica), or the file, or the folder DuckDB writes its
 * write-ahead log into, is not writable for this process (chmod 0444, a read-only mount). A missing file is not: it
 * is created, or its folder refuses it with DuckDB's own error.
 */
export async function mustOpenReadOnly(file: string, env: Record<string, string | undefined> = process.env): Promise<boolean> {
  if (env.FUND_MONITOR_READ_ONLY === '1') return true;
  const writable = (p: string) => access(p, constants.W_OK).then(() => true, (e: NodeJS.ErrnoException) => e.code === 'ENOENT');
  return !(await writable(file)) || !(await writable(path.dirname(path.resolve(file))));
}
