import { revalidatePath } from 'next/cache';
import { clientIp } from '@/lib/auth/server';
import type { AdminResult } from '@/lib/auth/user-admin';
import type { Db } from '@/queries/db';
import { serverDb } from '@/queries/server-db';

/** What an admin form's server action answers: a confirmation or an error, stamped so a repeated message shows again. */
export type ActionState = { ok?: string; error?: string; at?: number };

/**
 * Runs one admin change for a server action with the server's database and the client's address, and refreshes the
 * page at `path` when it succeeded. The change itself checks the role (it reads the viewer afresh from the session).
 */
export async function runAdminAction(
  path: string, work: (ctx: { db: Db; ip: string | null }) => Promise<AdminResult>,
): Promise<ActionState> {
  const result = await work({ db: await serverDb(), ip: await clientIp() });
  if (!result.ok) return { error: result.error, at: Date.now() };
  revalidatePath(path);
  return { ok: result.message, at: Date.now() };
}
