import { createHash, randomBytes } from 'node:crypto';
import { BOOKKEEPING, LOG_ONLY, type Db } from '../db';
import { namedSql } from '../sql';
import type { Role, Viewer } from '@/lib/auth/roles';
import { memorySessions, memorySessionUser } from './memory-sessions';

const sql = () => namedSql('queries/auth/sessions.sql');

/** Idle and absolute session lifetimes in minutes; the environment may shorten them (tests do). */
export function sessionLimits() {
  return {
    idle: Number(process.env.FUND_MONITOR_SESSION_IDLE_MINUTES ?? 120),
    absolute: Number(process.env.FUND_MONITOR_SESSION_MAX_MINUTES ?? 720),
  };
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** Creates a session and returns the token for the cookie; only its hash is stored. */
export async function createSession(db: Db, userId: number): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  if (db.readOnly) {
    const now = Date.now();
    memorySessions(db).set(hashToken(token), { userId, expiresAt: now + sessionLimits().absolute * 60_000, lastSeen: now });
    return token;
  }
  await db.run(sql().purge_expired, undefined, BOOKKEEPING);
  await db.run(sql().insert, { token_hash: hashToken(token), user_id: userId, absolute_minutes: sessionLimits().absolute }, BOOKKEEPING);
  return token;
}

/**
 * How long a session's viewer is remembered without reading the database. Every page and API request starts with
 * the viewer; reading it (three tables joined) and marking the session used cost ≈ 8 ms of DuckDB per request, a fifth
 * of a warm page (BENCHMARKS.md "Issue 12: load"). A write that may change a viewer (sign-out, a password, a role, a
 * unit's name, a disabled account) forgets every remembered one at once (Db.viewerVersion); this bound only lets the
 * session's last_seen be marked about as often as its touch does anyway.
 */
const VIEWER_MEMO_MS = 10_000;
const MEMO_MAX = 10_000;

interface Remembered {
  viewer: Viewer;
  /** until when it may be answered from memory: the read's time + VIEWER_MEMO_MS, never past the session's own end */
  until: number;
  /** when this process last marked the session used */
  marked: number;
}

/** The touch in sessions.sql changes a row only once a minute; asking more often only queues no-op writes. */
const MARK_EVERY_MS = 60_000;

const memos = new WeakMap<Db, { version: number; viewers: Map<string, Remembered> }>();

/**
 * Sessions are marked used in one statement for all those used within MARK_BATCH_MS. One write per session was one
 * queued write each, and under load each took ≈ 190 ms of the one write queue (its completions wait for the busy main
 * thread), so an export's audit row waited seconds behind them (BENCHMARKS.md "Issue 12: load"). A mark that is late by
 * a few seconds only lets a session end as many seconds sooner; one lost with the process, no more than that.
 */
const MARK_BATCH_MS = 5_000;
const unmarked = new WeakMap<Db, Set<string>>();

function markUsed(db: Db, tokenHash: string): void {
  let hashes = unmarked.get(db);
  if (!hashes) unmarked.set(db, (hashes = new Set()));
  if (hashes.size === 0) setTimeout(() => markBatch(db), MARK_BATCH_MS).unref();
  hashes.add(tokenHash);
}

function markBatch(db: Db): void {
  const hashes = unmarked.get(db);
  if (!hashes?.size || db.closed) return;
  // Hex digests: a comma never occurs in one.
  const token_hashes = [...hashes].join(',');
  hashes.clear();
  db.run(sql().touch, { token_hashes }, LOG_ONLY).catch((error: unknown) => console.error('sessions\' last_seen not marked:', error));
}

function memoOf(db: Db): Map<string, Remembered> {
  let memo = memos.get(db);
  if (!memo || memo.version !== db.viewerVersion) memos.set(db, (memo = { version: db.viewerVersion, viewers: new Map() }));
  return memo.viewers;
}

interface ViewerRow {
  id: number; username: string; display_name: string | null; role: Role; unit_id: number | null; unit_name: string | null;
  must_change_password: boolean;
}

const viewerOf = (row: ViewerRow): Viewer => Object.freeze({
  id: row.id, username: row.username, displayName: row.display_name, role: row.role, unitId: row.unit_id, unitName: row.unit_name,
  mustChangePassword: row.must_change_password,
});

/**
 * A read-only database's session (memory-sessions.ts) and its user as the sessions table's join would find them; not
 * remembered, since nothing there moves viewerVersion (docs/reliability.md "Read-only database").
 */
async function memoryViewer(db: Db, tokenHash: string): Promise<Viewer | null> {
  const userId = memorySessionUser(db, tokenHash, sessionLimits().idle);
  const row = userId === null ? undefined : await db.one<ViewerRow>(sql().viewer_of_user, { user_id: userId });
  return row ? viewerOf(row) : null;
}

export async function viewerForToken(db: Db, token: string | undefined): Promise<Viewer | null> {
  if (!token) return null;
  const token_hash = hashToken(token);
  if (db.readOnly) return memoryViewer(db, token_hash);
  const now = Date.now();
  const remembered = memoOf(db).get(token_hash);
  if (remembered && now < remembered.until) return remembered.viewer;
  const version = db.viewerVersion;
  const row = await db.one<ViewerRow & { valid_until_ms: string }>(sql().viewer, { token_hash, idle_minutes: sessionLimits().idle });
  if (!row) return null;
  // Marking the session used waits in the one write queue, behind audit rows and other sessions' marks (queries/db.ts):
  // under load that wait was 1–2 s every VIEWER_MEMO_MS, and 50 sessions' marks every 10 s kept the queue so full that
  // an export waited 15 s for its audit row. So the mark is asked for only when it can change the row, and not
  // awaited; a failed mark only leaves last_seen older (the session ends sooner), so it is logged, not thrown.
  let marked = remembered?.marked ?? 0;
  if (now - marked >= MARK_EVERY_MS) {
    marked = now;
    markUsed(db, token_hash);
  }
  const viewer = viewerOf(row);
  // Kept only if no write that could change it landed while it was read (the version read before the statement).
  if (version === db.viewerVersion) {
    const viewers = memoOf(db);
    if (viewers.size >= MEMO_MAX) viewers.clear();
    viewers.set(token_hash, { viewer, until: Math.min(now + VIEWER_MEMO_MS, Number(row.valid_until_ms)), marked });
  }
  return viewer;
}

export async function deleteSession(db: Db, token: string): Promise<void> {
  if (db.readOnly) {
    memorySessions(db).delete(hashToken(token));
    return;
  }
  return db.run(sql().delete, { token_hash: hashToken(token) }, BOOKKEEPING);
}

export function deleteUserSessions(db: Db, userId: number): Promise<void> {
  return db.run(sql().delete_for_user, { user_id: userId }, BOOKKEEPING);
}

/** Ends every session of the user but the one holding `keepToken` (after they change their own password). */
export function deleteOtherSessions(db: Db, userId: number, keepToken: string): Promise<void> {
  return db.run(sql().delete_others_for_user, { user_id: userId, keep_hash: hashToken(keepToken) }, BOOKKEEPING);
}
