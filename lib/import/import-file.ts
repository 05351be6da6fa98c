import path from 'node:path';
import type { Db } from '@/queries/db';
import { projectRoot } from '@/queries/sql';
import { loadSource } from './load/load-source';
import type { LoadOptions } from './load/plan';
import { cleanupSource, readSource } from './source';
import type { ImportResult, SourceInfo } from './types';
import { RawCopy } from './load/raw-file';

export interface ImportFileOptions extends LoadOptions {
  db: Db;
  /** The file on disk (an upload's temporary file, or the CLI's argument). */
  filePath: string;
  /** The name the user knows the file by (kept with the batch and the raw copy). */
  fileName: string;
  /** Force the CSV encoding instead of detecting it. */
  encoding?: 'utf-8' | 'gb18030';
  /** Where raw files are kept; data/imports/ by default. */
  rawDir?: string;
}

export const DEFAULT_RAW_DIR = 'data/imports';

/**
 * Imports one file: read it (encoding, XLSX sheet, header rows), map its headers to the kind's fields, then parse,
 * validate and load it in one transaction. Resolves when the batch landed, even if every row was rejected; throws
 * (and changes nothing) when the file cannot be read or a required field has no column.
 */
export async function importFile(options: ImportFileOptions): Promise<ImportResult> {
  const { db, filePath, fileName, kind, sheet, encoding } = options;
  const rawDir = options.rawDir ?? path.join(/*turbopackIgnore: true*/ projectRoot, DEFAULT_RAW_DIR);
  // The raw copy and its checksum start at once, in a worker, beside the reading (a GBK file is transcoded meanwhile).
  const copy = RawCopy.start(filePath, rawDir, fileName);
  copy.catch(() => undefined);
  let source: SourceInfo;
  try {
    source = await readSource(filePath, fileName, { kind, sheet, encoding });
  } catch (error) {
    await copy.then((c) => c.discard(), () => undefined);
    throw error;
  }
  try {
    return await loadSource(db, source, { filePath, rawDir, copy }, { ...options, sheet: sheet ?? source.sheet });
  } finally {
    await cleanupSource(source);
  }
}
