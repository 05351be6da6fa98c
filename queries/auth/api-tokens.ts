import { createHash } from 'node:crypto';
import { BOOKKEEPING, connRows, type Db } from '../db';
import { namedSql } from '../sql';
import type { Role, Viewer } from '@/lib/auth/roles';

const sql = () => namedSql('queries/auth/api-tokens.sql');

/**
 * A token's stored form. The secret is 32 random bytes, so no guessing can reach it and a plain sha256 suffices: a
 * slow hash protects low-entropy passwords from trial, which a random secret does not need (docs/security.md).
 */
export const hashApiToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** Live tokens a user may hold at once (docs/security.md). */
export const MAX_LIVE_TOKENS = 10;

export interface ApiTokenRow {
  id: number;
  user_id: number;
  username: string;
  name: string;
  created_at: string;
  /** The last day the token works (China time), or null: no expiry. */
  expires_on: string | null;
  last_used_at: string | null;
  revoked_at: string | null;
  revoked_by: string | null;
  live: boolean;
}

/**
 * Stores a token's hash for the user, unless they already hold MAX_LIVE_TOKENS live ones (then null). Counted and
 * inserted in one queued transaction, so two requests at once cannot both pass the count.
 */
export function insertApiToken(
  db: Db, input: { userId: number; name: string; tokenHash: string; expiresOn: string | null },
): Promise<number | null> {
  return db.transaction(async (conn) => {
    const [{ n }] = await connRows<{ n: string }>(conn, sql().live_count, { user_id: input.userId });
    if (Number(n) >= MAX_LIVE_TOKENS) return null;
    const [{ id }] = await connRows<{ id: number }>(conn, sql().insert, {
      user_id: input.userId, name: input.name, token_hash: input.tokenHash, expires_on: input.expiresOn,
    });
    return id;
  }, BOOKKEEPING);
}

/** The viewer a bearer token stands for, with the token named (for the audit log); null when it is not live. */
export async function viewerForApiToken(db: Db, token: string): Promise<Viewer | null> {
  const row = await db.one<{
    token_id: number; token_name: string;
    id: number; username: string; display_name: string | null; role: Role; unit_id: number | null; unit_name: string | null;
    must_change_password: boolean;
  }>(sql().viewer, { token_hash: hashApiToken(token) });
  if (!row) return null;
  // A read-only database serves reads to a token too; its last use is then not recorded (docs/reliability.md).
  if (!db.readOnly) await db.run(sql().touch, { id: row.token_id }, BOOKKEEPING);
  return {
    id: row.id, username: row.username, displayName: row.display_name, role: row.role, unitId: row.unit_id, unitName: row.unit_name,
    mustChangePassword: row.must_change_password, apiToken: { id: row.token_id, name: row.token_name },
  };
}

/** One user's tokens, or everyone's (userId null), live ones first. */
export function listApiTokens(db: Db, userId: number | null): Promise<ApiTokenRow[]> {
  return db.all<ApiTokenRow>(sql().list, { user_id: userId });
}

export function getApiToken(db: Db, id: number): Promise<Pick<ApiTokenRow, 'id' | 'user_id' | 'username' | 'name' | 'revoked_at'> | undefined> {
  return db.one(sql().get, { id });
}

/** Revokes a live token; false when it was revoked already. */
export async function revokeApiToken(db: Db, id: number, revokedBy: string): Promise<boolean> {
  return (await db.write(sql().revoke, { id, revoked_by: revokedBy }, BOOKKEEPING)).length > 0;
}
