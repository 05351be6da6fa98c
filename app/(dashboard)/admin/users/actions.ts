'use server';

import { revalidatePath } from 'next/cache';
import { getViewer, clientIp } from '@/lib/auth/server';
import {
  adminCreateUser, adminResetPassword, adminSetDisabled, adminUpdateUser, type AdminResult,
} from '@/lib/auth/user-admin';
import { serverDb } from '@/queries/server-db';
import { parseId } from '@/lib/url-params';

/**
 * 用户管理 server actions. Each reads the viewer afresh from its session (a form posted by a signed-out or
 * demoted user is refused), and lib/auth/user-admin.ts re-checks the admin role, validates and audits.
 */

export type ActionState = { ok?: string; error?: string; at?: number };

const text = (form: FormData, key: string) => String(form.get(key) ?? '').trim();
const optional = (form: FormData, key: string) => text(form, key) || null;
const unitOf = (form: FormData) => parseId(text(form, 'unit_id')) ?? null;

async function run(work: (ctx: { db: Awaited<ReturnType<typeof serverDb>>; ip: string | null }) => Promise<AdminResult>): Promise<ActionState> {
  const result = await work({ db: await serverDb(), ip: await clientIp() });
  if (!result.ok) return { error: result.error, at: Date.now() };
  revalidatePath('/admin/users');
  return { ok: result.message, at: Date.now() };
}

export async function createUserAction(_: ActionState, form: FormData): Promise<ActionState> {
  const actor = await getViewer();
  return run(({ db, ip }) => adminCreateUser(db, actor, {
    username: text(form, 'username'),
    displayName: optional(form, 'display_name'),
    role: text(form, 'role'),
    unitId: unitOf(form),
    password: String(form.get('password') ?? ''),
  }, ip));
}

export async function updateUserAction(_: ActionState, form: FormData): Promise<ActionState> {
  const actor = await getViewer();
  return run(({ db, ip }) => adminUpdateUser(db, actor, {
    username: text(form, 'username'),
    displayName: optional(form, 'display_name'),
    role: text(form, 'role'),
    unitId: unitOf(form),
  }, ip));
}

export async function setDisabledAction(_: ActionState, form: FormData): Promise<ActionState> {
  const actor = await getViewer();
  return run(({ db, ip }) => adminSetDisabled(db, actor, text(form, 'username'), text(form, 'disabled') === '1', ip));
}

export async function resetPasswordAction(_: ActionState, form: FormData): Promise<ActionState> {
  const actor = await getViewer();
  return run(({ db, ip }) => adminResetPassword(db, actor, text(form, 'username'), String(form.get('password') ?? ''), ip));
}
