import { revalidatePath } from 'next/cache';
import { clientIp } from '@/lib/auth/server';
import type { AdminResult } from '@/lib/auth/user-admin';
import type { Db } from '@/queries/db';
import { serverDb } from '@/queries/server-db';
import { READ_ONLY_REFUSAL } from '@/lib/faults/read-only';

/** What an admin form's server action answers: a confirmation or an error, stamped so a repeated message shows again. */
export type ActionState = { ok?: string; error?: string; at?: number };

/**
 * Runs one admin change for a server action with the server's database and the client's address, and refreshes the
 * page at `path` when it succeeded. The change itself checks the role (it reads the viewer afresh from the session).
 */
export async function runAdminAction(
  path: string, work: (ctx: { db: Db; ip: string | null }) => Promise<AdminResult>,
): Promise<ActionState> {
  const db = await serverDb();
  // Every admin change writes; on a read-only database none is tried (docs/reliability.md).
  if (db.readOnly) return { error: READ_ONLY_REFUSAL, at: Date.now() };
  const result = await work({ db, ip: await clientIp() });
  if (!result.ok) return { error: result.error, at: Date.now() };
  revalidatePath(path);
  return { ok: result.message, at: Date.now() };
}
