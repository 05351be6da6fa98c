'use server';

import { getViewer } from '@/lib/auth/server';
import {
  adminCreateUser, adminResetPassword, adminSetDisabled, adminUpdateUser,
} from '@/lib/auth/user-admin';
import { parseId } from '@/lib/url-params';
import { runAdminAction, type ActionState } from '@/lib/admin/form-action';

/**
 * 用户管理 server actions. Each reads the viewer afresh from its session (a form posted by a signed-out or
 * demoted user is refused), and lib/auth/user-admin.ts re-checks the admin role, validates and audits.
 */

export type { ActionState };

const text = (form: FormData, key: string) => String(form.get(key) ?? '').trim();
const optional = (form: FormData, key: string) => text(form, key) || null;
const unitOf = (form: FormData) => parseId(text(form, 'unit_id')) ?? null;

const run = (work: Parameters<typeof runAdminAction>[1]) => runAdminAction('/admin/users', work);

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
