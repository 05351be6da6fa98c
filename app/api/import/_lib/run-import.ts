import type { Db } from '@/queries/db';
import { IMPORT_MEMORY_LIMIT } from '@/lib/cli/import';

const state = globalThis as typeof globalThis & { __fundMonitorImportMemory?: { running: number; previous: string | null } };

/**
 * Runs an import with DuckDB's memory limit at the CLI's import setting (big files spill to disk instead of growing
 * the server), and restores the server's own limit when the last running import ends. The setting is per instance.
 */
export async function withImportMemoryLimit<T>(db: Db, fn: () => Promise<T>): Promise<T> {
  const s = (state.__fundMonitorImportMemory ??= { running: 0, previous: null });
  if (s.running++ === 0) {
    try {
      // Read once per process: DuckDB shows the limit rounded down ('1.8 GiB' for 2GB), so re-reading it before every
      // import would shrink it a little each time; restoring the same text is stable.
      s.previous ??= (await db.one<{ v: string }>("SELECT current_setting('memory_limit') AS v"))?.v ?? null;
      await db.run(`SET memory_limit = '${IMPORT_MEMORY_LIMIT}'`);
    } catch (error) {
      console.error('[import] could not set the memory limit:', error);
    }
  }
  try {
    return await fn();
  } finally {
    if (--s.running === 0 && s.previous) {
      await db.run(`SET memory_limit = '${s.previous.replace(/'/g, '')}'`).catch((error) => console.error('[import] could not restore the memory limit:', error));
    }
  }
}
