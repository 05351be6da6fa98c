import { createHash, randomBytes } from 'node:crypto';
import { BOOKKEEPING, type Db } from '../db';
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

interface ViewerRow {
  id: number; username: string; display_name: string | null; role: Role; unit_id: number | null; unit_name: string | null;
  must_change_password: boolean;
}

/** A read-only database's session (memory-sessions.ts) and its user as the sessions table's join would find them. */
async function memoryViewer(db: Db, tokenHash: string): Promise<ViewerRow | undefined> {
  const userId = memorySessionUser(db, tokenHash, sessionLimits().idle);
  return userId === null ? undefined : db.one<ViewerRow>(sql().viewer_of_user, { user_id: userId });
}

export async function viewerForToken(db: Db, token: string | undefined): Promise<Viewer | null> {
  if (!token) return null;
  const token_hash = hashToken(token);
  const row = db.readOnly ? await memoryViewer(db, token_hash) : await db.one<ViewerRow>(sql().viewer, { token_hash, idle_minutes: sessionLimits().idle });
  if (!row) return null;
  if (!db.readOnly) await db.run(sql().touch, { token_hash }, BOOKKEEPING);
  return {
    id: row.id, username: row.username, displayName: row.display_name, role: row.role, unitId: row.unit_id, unitName: row.unit_name,
    mustChangePassword: row.must_change_password,
  };
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
