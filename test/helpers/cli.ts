import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { Db } from '@/queries/db';
import { seedCounty } from '../fixtures/import-load/helpers';

/** The command's entry, for tests that start it themselves (spawn). */
export const BIN = path.resolve('bin/fund-monitor.mjs');

/** Runs `fund-monitor ARGS` as a user would (a child process through bin/), from `cwd` when given. */
export function cli(args: string[], cwd?: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd, env: { ...process.env, NODE_NO_WARNINGS: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A suite's folder holding a seeded database file (cli.duckdb) and a raw folder, made before its tests, removed after. */
export function useCliCounty(): { dir: string; dbFile: string; rawDir: string } {
  const files = { dir: '', dbFile: '', rawDir: '' };
  beforeAll(async () => {
    files.dir = mkdtempSync(path.join(os.tmpdir(), 'fund-monitor-cli-'));
    files.dbFile = path.join(files.dir, 'cli.duckdb');
    files.rawDir = path.join(files.dir, 'raw');
    const db = await Db.open(files.dbFile);
    await seedCounty(db);
    db.close();
  });
  afterAll(() => rmSync(files.dir, { recursive: true, force: true }));
  return files;
}
