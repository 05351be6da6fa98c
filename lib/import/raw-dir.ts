import path from 'node:path';

/**
 * Where the raw files of a database's imports are kept: $FUND_MONITOR_RAW_DIR, else an `imports` folder beside the
 * database file. The web routes and the CLI both ask here, so a batch's raw file lands in the same place whichever of
 * them imported it, and the folder goes wherever the database goes. Absolute, because import_batches.raw_path stores
 * it and the server, the CLI and the raw-file route may each run from another working directory.
 */
export function rawDirFor(dbFile: string): string {
  // A runtime path, not a module: turbopackIgnore keeps the build from tracing the whole project behind it.
  return path.resolve(/*turbopackIgnore: true*/ process.env.FUND_MONITOR_RAW_DIR ?? path.join(path.dirname(path.resolve(dbFile)), 'imports'));
}
