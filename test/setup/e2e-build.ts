import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

/**
 * Vitest globalSetup: hands every test worker one fresh folder for this run. The first e2e file that needs the site
 * builds it there under a lock (test/helpers/server.ts), and every other e2e file waits for that one build, so
 * `next build` runs at most once per `vitest run` — and not at all when only unit tests run.
 */
export default function setup(project: TestProject) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'fund-monitor-build-'));
  project.provide('e2eBuildDir', dir);
  return () => rmSync(dir, { recursive: true, force: true });
}

declare module 'vitest' {
  export interface ProvidedContext {
    e2eBuildDir: string;
  }
}
