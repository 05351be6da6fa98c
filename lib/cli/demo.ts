import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { Db } from '@/queries/db';
import { generateDemo, type DemoOptions } from '@/lib/demo/generate';
import { createDemoUsers } from '@/lib/auth/bootstrap';
import { DEFAULT_DB_FILE } from '@/queries/db-file';

export interface DemoCommandOptions extends DemoOptions {
  db: string;
  ifMissing?: boolean;
  force?: boolean;
}

/**
 * The file `fund-monitor demo` builds: --db when given, else data/demo.duckdb — never $FUND_MONITOR_DB, which may name
 * a real county's database. With --if-missing (npm start's prestart) nothing at all when $FUND_MONITOR_DB names
 * another file: the server then starts on that file, empty with its first admin if it is new.
 */
export function demoTarget(opts: { db?: string; ifMissing?: boolean }, env: Record<string, string | undefined> = process.env): string | null {
  if (opts.db) return opts.db;
  const configured = env.FUND_MONITOR_DB;
  if (opts.ifMissing && configured && path.resolve(configured) !== path.resolve(DEFAULT_DB_FILE)) return null;
  return DEFAULT_DB_FILE;
}

/** Builds the demo into FILE.partial and renames it at the end, so an interrupted run never leaves a half-built file. */
export async function buildDemoFile(file: string, options: DemoOptions, log: (msg: string) => void = () => {}): Promise<void> {
  const partial = `${file}.partial`;
  for (const f of [partial, `${partial}.wal`]) rmSync(f, { force: true });
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const db = await Db.open(partial, { memoryLimit: '2GB' });
  try {
    await generateDemo(db, options, log);
    await createDemoUsers(db); // and marks it a demo database
    await db.run('CHECKPOINT');
  } finally {
    db.close();
  }
  renameSync(partial, file);
}

export async function demoCommand(opts: DemoCommandOptions): Promise<void> {
  if (existsSync(opts.db)) {
    if (opts.ifMissing) return;
    if (!opts.force) throw new Error(`${opts.db} already exists; pass --force to replace it`);
    for (const f of [opts.db, `${opts.db}.wal`]) rmSync(f, { force: true });
  }
  const started = Date.now();
  console.log(`building demo county: ${opts.payments} payments, year ${opts.year}, seed ${opts.seed} → ${opts.db}`);
  await buildDemoFile(opts.db, opts, (msg) => console.log(`  ${msg}`));
  console.log(`done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
