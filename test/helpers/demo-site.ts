import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { Db } from '@/queries/db';
import { buildDemoFile } from '@/lib/cli/demo';
import type { DemoOptions } from '@/lib/demo/generate';
import { launchChromium } from './browser';
import { startServer, type RunningServer } from './server';

export interface DemoSite {
  /** The database file (readable again once stopServer() has resolved). */
  file: string;
  url: string;
  browser: Browser;
  /** Stops the server early, so a test can open the database file itself. */
  stopServer: () => Promise<void>;
}

/**
 * Registers an e2e suite's site: a demo database built in a fresh folder, changed by `prepare` before the server opens
 * it (the server then holds the file's lock), served, and a Chromium; all of it stopped and removed after the suite.
 */
export function useDemoSite(name: string, demo: DemoOptions, prepare?: (db: Db) => Promise<void>): DemoSite {
  let dir = '';
  let server: RunningServer | undefined;
  const site = { stopServer: async () => { await server?.stop(); server = undefined; } } as DemoSite;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), `fund-monitor-${name}-`));
    site.file = path.join(dir, `${name}.duckdb`);
    await buildDemoFile(site.file, demo);
    if (prepare) {
      const db = await Db.open(site.file);
      await prepare(db);
      db.close();
    }
    server = await startServer(site.file);
    site.url = server.url;
    site.browser = await launchChromium();
  });
  afterAll(async () => {
    await site.browser?.close();
    await site.stopServer();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  return site;
}
