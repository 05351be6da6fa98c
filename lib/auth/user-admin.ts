import type { Db } from '@/queries/db';
import {
  checkBinding, countActiveAdmins, createUser, findUser, setPassword, unitName, updateUser, type StoredUser,
} from '@/queries/auth/users';
import { deleteUserSessions } from '@/queries/auth/sessions';
import { audit } from '@/queries/auth/audit';
import { passwordProblem } from './password';
import { permissions } from './permissions';
import { ROLE_LABELS, ROLE_UNIT_KIND, ROLES, type Role, type Viewer } from './roles';

/**
 * 用户管理: every change re-checks that the actor is an admin, validates on the server, and is audited with what
 * changed (never a password). An admin cannot disable or demote themself, and no change may leave the system
 * without an active admin.
 */

export type AdminResult = { ok: true; message: string } | { ok: false; error: string };

const fail = (error: string): AdminResult => ({ ok: false, error });
const done = (message: string): AdminResult => ({ ok: true, message });

export const USERNAME_PATTERN = /^[A-Za-z0-9_.-]{2,32}$/;
const MAX_DISPLAY_NAME = 40;

export interface NewUser {
  username: string;
  displayName: string | null;
  role: string;
  unitId: number | null;
  password: string;
}

export interface UserChange {
  username: string;
  displayName: string | null;
  role: string;
  unitId: number | null;
}

function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

function denied(actor: Viewer | null): actor is null {
  return !actor || !permissions.manageUsers(actor);
}

function displayNameProblem(name: string | null): string | null {
  return name !== null && name.length > MAX_DISPLAY_NAME ? `姓名不超过 ${MAX_DISPLAY_NAME} 个字` : null;
}

/** Whether taking `target` out of the active admins would leave none. */
async function lastAdmin(db: Db, target: StoredUser): Promise<boolean> {
  return target.role === 'admin' && !target.disabled && (await countActiveAdmins(db)) <= 1;
}

export async function adminCreateUser(db: Db, actor: Viewer | null, input: NewUser, ip: string | null): Promise<AdminResult> {
  if (denied(actor)) return fail('无权操作');
  const username = input.username.trim();
  if (!USERNAME_PATTERN.test(username)) return fail('用户名为 2–32 位字母、数字、下划线、点或连字符');
  if (!isRole(input.role)) return fail('请选择角色');
  const role = input.role;
  const problem = displayNameProblem(input.displayName)
    ?? (await checkBinding(db, role, ROLE_UNIT_KIND[role] ? input.unitId : null))
    ?? passwordProblem(input.password);
  if (problem) return fail(problem);
  if (await findUser(db, username)) return fail(`用户名 ${username} 已存在`);
  const unitId = ROLE_UNIT_KIND[role] ? input.unitId : null;
  // A password the admin chose is known to two people: the user replaces it at the first login (docs/security.md).
  await createUser(db, { username, displayName: input.displayName, role, unitId, password: input.password, mustChangePassword: true });
  await audit(db, {
    actor: actor.username, action: 'user_create', target: username,
    detail: { role, unit: await unitName(db, unitId), display_name: input.displayName },
    ip,
  });
  return done(`已创建用户 ${username}（${ROLE_LABELS[role]}）`);
}

export async function adminUpdateUser(db: Db, actor: Viewer | null, input: UserChange, ip: string | null): Promise<AdminResult> {
  if (denied(actor)) return fail('无权操作');
  const target = await findUser(db, input.username);
  if (!target) return fail('用户不存在');
  if (!isRole(input.role)) return fail('请选择角色');
  const role = input.role;
  if (role !== 'admin' && target.role === 'admin') {
    if (target.id === actor.id) return fail('不能更改自己的管理员角色，以免无人管理系统');
    if (await lastAdmin(db, target)) return fail('这是最后一个可用的管理员账户，不能更改其角色');
  }
  const unitId = ROLE_UNIT_KIND[role] ? input.unitId : null;
  const problem = displayNameProblem(input.displayName) ?? (await checkBinding(db, role, unitId));
  if (problem) return fail(problem);
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  if ((target.display_name ?? null) !== input.displayName) changes.display_name = { from: target.display_name, to: input.displayName };
  if (target.role !== role) changes.role = { from: target.role, to: role };
  if ((target.unit_id ?? null) !== unitId) changes.unit = { from: target.unit_name, to: await unitName(db, unitId) };
  if (Object.keys(changes).length === 0) return done('没有需要保存的变更');
  await updateUser(db, target.id, { displayName: input.displayName, role, unitId, disabled: target.disabled });
  await audit(db, { actor: actor.username, action: 'user_update', target: target.username, detail: changes, ip });
  return done(`已保存 ${target.username} 的变更`);
}

export async function adminSetDisabled(
  db: Db, actor: Viewer | null, username: string, disabled: boolean, ip: string | null,
): Promise<AdminResult> {
  if (denied(actor)) return fail('无权操作');
  const target = await findUser(db, username);
  if (!target) return fail('用户不存在');
  if (target.disabled === disabled) return done(disabled ? `${username} 已是停用状态` : `${username} 已是正常状态`);
  if (disabled) {
    if (target.id === actor.id) return fail('不能停用自己的账户');
    if (await lastAdmin(db, target)) return fail('这是最后一个可用的管理员账户，不能停用');
  }
  await updateUser(db, target.id, { displayName: target.display_name, role: target.role, unitId: target.unit_id, disabled });
  if (disabled) await deleteUserSessions(db, target.id);
  await audit(db, {
    actor: actor.username, action: disabled ? 'user_disable' : 'user_enable', target: target.username,
    detail: disabled ? { sessions_ended: true } : undefined, ip,
  });
  return done(disabled ? `已停用 ${target.username}，其登录会话已结束` : `已启用 ${target.username}`);
}

export async function adminResetPassword(
  db: Db, actor: Viewer | null, username: string, password: string, ip: string | null,
): Promise<AdminResult> {
  if (denied(actor)) return fail('无权操作');
  const target = await findUser(db, username);
  if (!target) return fail('用户不存在');
  const problem = passwordProblem(password);
  if (problem) return fail(problem);
  // As for a new account: a password someone else chose is replaced at the next login, unless the admin reset its own.
  await setPassword(db, target.id, password, target.id !== actor.id);
  await deleteUserSessions(db, target.id);
  await audit(db, {
    actor: actor.username, action: 'password_reset', target: target.username,
    detail: { sessions_ended: true, unlocked: Boolean(target.locked) }, ip,
  });
  return done(`已重置 ${target.username} 的密码${target.locked ? '并解除锁定' : ''}，其登录会话已结束`);
}
