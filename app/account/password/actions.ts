'use server';

import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { serverDb } from '@/queries/server-db';
import { READ_ONLY_REFUSAL } from '@/lib/faults/read-only';
import { changeOwnPassword } from '@/lib/auth/change-password';
import { SESSION_COOKIE, clientIp, getSessionUser } from '@/lib/auth/server';

export type ChangePasswordState = { ok?: string; error?: string; at?: number };

/** Changes the signed-in user's own password (lib/auth/change-password.ts); a forced change then leads to the overview. */
export async function changePasswordAction(_: ChangePasswordState, form: FormData): Promise<ChangePasswordState> {
  const viewer = await getSessionUser();
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  if (!viewer || !token) return { error: '未登录或会话已过期，请重新登录', at: Date.now() };
  const field = (key: string) => String(form.get(key) ?? '');
  const db = await serverDb();
  // The new hash could not be stored (docs/reliability.md "Read-only database").
  if (db.readOnly) return { error: READ_ONLY_REFUSAL, at: Date.now() };
  const result = await changeOwnPassword(db, viewer, {
    current: field('current'), next: field('next'), confirm: field('confirm'),
  }, token, await clientIp());
  if (!result.ok) return { error: result.error, at: Date.now() };
  if (viewer.mustChangePassword) redirect('/');
  return { ok: result.message, at: Date.now() };
}
