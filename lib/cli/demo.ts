import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { Db } from '@/queries/db';
import { generateDemo, type DemoOptions } from '@/lib/demo/generate';
import { createDemoUsers } from '@/lib/auth/bootstrap';

export interface DemoCommandOptions extends DemoOptions {
  db: string;
  ifMissing?: boolean;
  force?: boolean;
}

/** Builds the demo into FILE.partial and renames it at the end, so an interrupted run never leaves a half-built file. */
export async function buildDemoFile(file: string, options: DemoOptions, log: (msg: string) => void = () => {}): Promise<void> {
  const partial = `${file}.partial`;
  for (const f of [partial, `${partial}.wal`]) rmSync(f, { force: true });
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const db = await Db.open(partial, { memoryLimit: '2GB' });
  try {
    await generateDemo(db, options, log);
    await createDemoUsers(db);
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
