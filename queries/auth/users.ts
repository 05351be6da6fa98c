import { BOOKKEEPING, type Db } from '../db';
import { namedSql } from '../sql';
import { hashPassword } from '@/lib/auth/password';
import { ROLE_UNIT_KIND, type Role } from '@/lib/auth/roles';

const sql = () => namedSql('queries/auth/users.sql');

export interface UserRow {
  id: number;
  username: string;
  display_name: string | null;
  role: Role;
  unit_id: number | null;
  unit_name: string | null;
  disabled: boolean;
  failed_attempts: number;
  locked: boolean | null;
}

export interface StoredUser extends UserRow {
  password_hash: string;
  locked_until: string | null;
  must_change_password: boolean;
}

export interface UserInput {
  username: string;
  displayName?: string | null;
  role: Role;
  unitId?: number | null;
  password: string;
  /** The password was chosen by someone else: the user must choose a new one at first login. */
  mustChangePassword?: boolean;
}

export function findUser(db: Db, username: string): Promise<StoredUser | undefined> {
  return db.one<StoredUser>(sql().by_username, { username });
}

export function listUsers(db: Db): Promise<UserRow[]> {
  return db.all<UserRow>(sql().list);
}

export async function countUsers(db: Db): Promise<number> {
  return Number((await db.one<{ n: string }>(sql().count))?.n ?? 0);
}

/** A scoped role must be bound to a unit of its kind; the other roles are bound to none. */
export async function checkBinding(db: Db, role: Role, unitId: number | null | undefined): Promise<string | null> {
  const kind = ROLE_UNIT_KIND[role];
  if (!kind) return unitId == null ? null : '该角色不绑定单位';
  if (unitId == null) return '该角色须绑定一个单位';
  return (await db.one(sql().unit_of_kind, { unit_id: unitId, kind })) ? null : '绑定的单位不存在或类型不符';
}

export async function createUser(db: Db, input: UserInput): Promise<number> {
  const [row] = await db.write<{ id: number }>(sql().insert, {
    username: input.username,
    display_name: input.displayName ?? null,
    role: input.role,
    unit_id: ROLE_UNIT_KIND[input.role] ? (input.unitId ?? null) : null,
    password_hash: await hashPassword(input.password),
    must_change_password: input.mustChangePassword ?? false,
  });
  return row!.id;
}

export async function setPassword(db: Db, id: number, password: string, mustChange = false): Promise<void> {
  await db.run(sql().set_password, { id, password_hash: await hashPassword(password), must_change: mustChange });
}

export async function updateUser(
  db: Db, id: number, change: { displayName: string | null; role: Role; unitId: number | null; disabled: boolean },
): Promise<void> {
  await db.run(sql().update, {
    id, display_name: change.displayName, role: change.role,
    unit_id: ROLE_UNIT_KIND[change.role] ? change.unitId : null, disabled: change.disabled,
  });
}

export const MAX_ATTEMPTS = 5;
export const LOCK_MINUTES = 15;

/** The attempt's number and whether it locked the account; undefined when the account is locked (no attempt taken). */
export async function takeLoginAttempt(db: Db, id: number): Promise<{ failed_attempts: number; locked: boolean } | undefined> {
  const [row] = await db.write<{ failed_attempts: number; locked: boolean }>(sql().take_attempt, {
    id, max_attempts: MAX_ATTEMPTS, lock_minutes: LOCK_MINUTES,
  }, BOOKKEEPING);
  return row;
}

export function recordGoodLogin(db: Db, id: number): Promise<void> {
  return db.run(sql().good_login, { id }, BOOKKEEPING);
}

export interface BindableUnit {
  id: number;
  kind: 'section' | 'department' | 'town';
  name: string;
}

/** The 股室, 预算单位 and 镇 a scoped user may be bound to. */
export function listBindableUnits(db: Db): Promise<BindableUnit[]> {
  return db.all<BindableUnit>(sql().bindable_units);
}

/** Admin accounts that can still sign in: a change that would leave none is refused. */
export async function countActiveAdmins(db: Db): Promise<number> {
  return Number((await db.one<{ n: string }>(sql().active_admins))?.n ?? 0);
}

export async function unitName(db: Db, unitId: number | null): Promise<string | null> {
  if (unitId === null) return null;
  return (await db.one<{ name: string }>(sql().unit_name, { unit_id: unitId }))?.name ?? null;
}
