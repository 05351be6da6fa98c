import path from 'node:path';
import type { Db } from '@/queries/db';
import { loadOnConnection, prepareConnection } from './load/load-source';
import { serialized } from './load/serialize';
import type { LoadOptions } from './load/plan';
import { cleanupSource, readSource } from './source';
import type { ImportResult, SourceInfo } from './types';
import { RawCopy } from './load/raw-file';
import { sweepRawDir } from './load/raw-sweep';
import { importTracer } from './load/trace';
import { assertSectionMayImport } from './load/section';
import { rawDirFor } from './raw-dir';
import { DiskFullError, isDiskFull } from '@/lib/faults/disk-full';
import { csvReadError } from './source/csv-error';
import { ReadOnlyError } from '@/lib/faults/read-only';

export interface ImportFileOptions extends LoadOptions {
  db: Db;
  /** The file on disk (an upload's temporary file, or the CLI's argument). */
  filePath: string;
  /** The name the user knows the file by (kept with the batch and the raw copy). */
  fileName: string;
  /** Force the CSV encoding instead of detecting it. */
  encoding?: 'utf-8' | 'gb18030';
  /**
   * The file already read with these kind, sheet and encoding choices (the web page's mapping step read it): it is
   * not read again, and its temporary files stay the caller's.
   */
  source?: SourceInfo;
  /**
   * The file is the server's own and is never changed (an upload), so its raw copy may be a hard link (no copying)
   * when the raw folder is on the same file system.
   */
  fileIsOwned?: boolean;
  /** Where raw files are kept; rawDirFor(the database file) by default. */
  rawDir?: string;
}

/**
 * Imports one file: read it (encoding, XLSX sheet, header rows), map its headers to the kind's fields, then parse,
 * validate and load it in one transaction. Resolves when the batch landed, even if every row was rejected; throws
 * (and changes nothing) when the file cannot be read or a required field has no column.
 *
 * With sectionId (an import by a 股室 user) every row must belong to a fund that section manages, else it is rejected
 * with the reason; kinds that have no fund (项目库, 绩效目标, the comparison lists) are refused before reading.
 */
export async function importFile(options: ImportFileOptions): Promise<ImportResult> {
  const { db, fileName, kind } = options;
  const rawDir = path.resolve(options.rawDir ?? rawDirFor(db.file));
  // Refused before the file is copied or read (docs/reliability.md "Read-only database").
  if (db.readOnly) throw new ReadOnlyError();
  // A 股室 imports only its own funds: kinds without a fund are refused before the file is touched.
  if (options.sectionId !== undefined) await assertSectionMayImport(db, kind, options.sectionId);
  try {
    return await importOn(db, options, rawDir);
  } catch (error) {
    // A full disk fails a write deep in DuckDB or in the raw copy, a malformed CSV its reading: the user is told so in
    // words (docs/reliability.md).
    if (isDiskFull(error)) throw new DiskFullError(fileName, error);
    throw csvReadError(error, fileName) ?? error;
  }
}

function importOn(db: Db, options: ImportFileOptions, rawDir: string): Promise<ImportResult> {
  const { filePath, fileName, kind, sheet, encoding } = options;
  const trace = importTracer();
  // One import at a time per database (serialize.ts). The raw copy and its checksum start at once, in a worker, beside
  // the reading (a GBK file is transcoded meanwhile), and so does the preparation of the import's connection.
  return serialized(db, () => db.withConnection(async (conn) => {
    // What killed imports left in the raw folder goes first. Inside the queue, so that no import of this process is
    // between its COMMIT and its copy's rename meanwhile (raw-sweep.ts would take that copy for a crashed one's).
    await sweepRawDir(db, rawDir).catch((error) => console.error('[import] sweeping the raw folder:', error));
    const copy = RawCopy.start(filePath, rawDir, fileName, options.fileIsOwned);
    copy.catch(() => undefined);
    const prepared = prepareConnection(conn, kind, options.fundChoices);
    prepared.catch(() => undefined);
    let source: SourceInfo;
    try {
      source = options.source ?? (await readSource(filePath, fileName, { kind, sheet, encoding }));
      trace(`read source (${source.format}, ${source.encoding}${options.source ? ', read before' : ''})`);
    } catch (error) {
      await prepared.catch(() => undefined);
      await copy.then((c) => c.discard(), () => undefined);
      throw error;
    }
    try {
      return await loadOnConnection(conn, source, { filePath, rawDir, copy, trace }, { ...options, sheet: sheet ?? source.sheet }, prepared);
    } finally {
      if (!options.source) await cleanupSource(source);
    }
  }));
}
