/**
 * Runs once when the server starts, before it answers a request: opens the database and runs the start checks
 * (lib/auth/startup.ts: no demo accounts on a real database, the first admin on an empty one), then starts the nightly
 * backup's timer and hands the kept pages' handler to bin/server.mjs. A failed check stops the server with one line
 * saying why, rather than serving requests that would each fail.
 */
export async function register() {
  // Only the Node.js server opens the database; `next build` also loads this file, and must not.
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return;
  const { openAtStart, serverDb } = await import('./queries/open-server-db');
  await openAtStart();
  // The nightly backup's timer (docs/backups.md), in this process: it checks at once, so a night missed while the
  // server was down is made up now.
  const { startNightlyBackups } = await import('./lib/backup/nightly');
  startNightlyBackups(serverDb);
  // Kept pages (lib/http/page-keeping.ts), for bin/server.mjs to put in front of Next.js.
  const { keepPages } = await import('./lib/http/page-keeping');
  (globalThis as Record<symbol, unknown>)[Symbol.for('fund-monitor.keep-pages')] = keepPages(serverDb);
}
