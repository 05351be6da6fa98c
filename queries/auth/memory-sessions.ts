import type { Db } from '../db';

interface Held {
  userId: number;
  expiresAt: number;
  lastSeen: number;
}

// On globalThis, as the server's Db is (queries/open-server-db.ts): Next bundles its pages and its route handlers
// apart, each with its own copy of this module, and a session made by the sign-in must be found by every route.
const holder = globalThis as typeof globalThis & { __fundMonitorMemorySessions?: WeakMap<Db, Map<string, Held>> };
const byDb = (holder.__fundMonitorMemorySessions ??= new WeakMap());

/**
 * The sessions of a database opened read-only (docs/reliability.md "Read-only database"): kept in the server's memory
 * under the token's hash, with the same idle and absolute limits as the sessions table, since nothing can be written.
 * They end with the process, as a restart on a writable file would want anyway.
 */
export const memorySessions = (db: Db) => {
  let held = byDb.get(db);
  if (!held) byDb.set(db, (held = new Map()));
  return held;
};

/** The user of a live session, which counts as used now; null when there is none or it ran out. */
export function memorySessionUser(db: Db, tokenHash: string, idleMinutes: number, now = Date.now()): number | null {
  const held = memorySessions(db);
  const s = held.get(tokenHash);
  if (!s) return null;
  if (s.expiresAt <= now || s.lastSeen <= now - idleMinutes * 60_000) {
    held.delete(tokenHash);
    return null;
  }
  s.lastSeen = now;
  return s.userId;
}
