import { DuckDBInstance } from '@duckdb/node-api';

/**
 * Whether another process holds the database file (a running server): DuckDB locks the file for its one writer, so
 * opening it here fails with a lock error. Opened read-only, so a file nobody holds is not changed by asking.
 */
export async function heldByAnotherProcess(file: string): Promise<boolean> {
  try {
    const instance = await DuckDBInstance.create(file, { access_mode: 'READ_ONLY' });
    instance.closeSync();
    return false;
  } catch (error) {
    // Anything else (not a DuckDB file at all, say) is a file nobody holds.
    return /lock/i.test(error instanceof Error ? error.message : String(error));
  }
}
