import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { alias: { '@': import.meta.dirname } },
  test: {
    include: ['test/**/*.test.ts'],
    // Gives the e2e files one shared build per run (test/setup/e2e-build.ts, test/helpers/server.ts).
    globalSetup: ['test/setup/e2e-build.ts'],
    testTimeout: 60_000,
    hookTimeout: 300_000,
    // DuckDB files and the e2e server are heavy; one worker per core is enough on the 2-core machines.
    maxWorkers: 2,
  },
});
