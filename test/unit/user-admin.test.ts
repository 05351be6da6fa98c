import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/queries/db';
import { tempDb } from '../helpers/temp-db';
import { createUser, findUser } from '@/queries/auth/users';
import { createSession, viewerForToken } from '@/queries/auth/sessions';
import { listAudit } from '@/queries/auth/audit';
import { login } from '@/lib/auth/login';
import { adminCreateUser, adminResetPassword, adminSetDisabled, adminUpdateUser, type NewUser } from '@/lib/auth/user-admin';
import type { Viewer } from '@/lib/auth/roles';

describe('用户管理 rules (lib/auth/user-admin.ts)', () => {
  let db: Db;
  let cleanup: () => void;
  let admin: Viewer;
  let leader: Viewer;

  beforeAll(async () => {
    ({ db, cleanup } = await tempDb());
    await db.run("INSERT INTO units (id, kind, name) VALUES (101, 'town', '甲镇'), (102, 'town', '乙镇'), (201, 'department', '县教育局')");
    const adminId = await createUser(db, { username: 'boss', role: 'admin', password: 'Admin1234' });
    const leaderId = await createUser(db, { username: 'lead', role: 'leader', password: 'Leader123' });
    admin = { id: adminId, username: 'boss', displayName: null, role: 'admin', unitId: null, unitName: null };
    leader = { id: leaderId, username: 'lead', displayName: null, role: 'leader', unitId: null, unitName: null };
  });
  afterAll(() => cleanup());

  const newTown: NewUser = { username: 'jia', displayName: '甲镇财政所', role: 'town', unitId: 101, password: 'Start2018' };

  it('only an admin may change anything', async () => {
    expect(await adminCreateUser(db, leader, newTown, null)).toEqual({ ok: false, error: '无权操作' });
    expect(await adminCreateUser(db, null, newTown, null)).toEqual({ ok: false, error: '无权操作' });
    expect(await adminSetDisabled(db, leader, 'boss', true, null)).toEqual({ ok: false, error: '无权操作' });
    expect(await adminResetPassword(db, leader, 'boss', 'Hacked123', null)).toEqual({ ok: false, error: '无权操作' });
    expect(await adminUpdateUser(db, leader, { username: 'lead', displayName: null, role: 'admin', unitId: null }, null))
      .toEqual({ ok: false, error: '无权操作' });
    expect(await findUser(db, 'jia')).toBeUndefined();
    expect((await findUser(db, 'lead'))?.role).toBe('leader');
  });

  it('validates the username, the binding to a unit of the role\'s kind, and the password', async () => {
    const tryCreate = (change: Partial<NewUser>) => adminCreateUser(db, admin, { ...newTown, ...change }, null);
    expect(await tryCreate({ username: '甲' })).toMatchObject({ ok: false });
    expect(await tryCreate({ unitId: null })).toEqual({ ok: false, error: '该角色须绑定一个单位' });
    expect(await tryCreate({ unitId: 201 })).toEqual({ ok: false, error: '绑定的单位不存在或类型不符' }); // a department, not a town
    expect(await tryCreate({ unitId: 999 })).toEqual({ ok: false, error: '绑定的单位不存在或类型不符' });
    expect(await tryCreate({ role: 'superuser' })).toEqual({ ok: false, error: '请选择角色' });
    expect(await tryCreate({ password: 'short1' })).toEqual({ ok: false, error: '密码至少 8 位' });
    expect(await tryCreate({ username: 'lead' })).toEqual({ ok: false, error: '用户名 lead 已存在' });
    expect(await findUser(db, 'jia')).toBeUndefined();
  });

  it('creates a bound user who can sign in, and audits it without the password', async () => {
    expect(await adminCreateUser(db, admin, newTown, '10.1.1.1')).toMatchObject({ ok: true });
    expect(await findUser(db, 'jia')).toMatchObject({
      role: 'town', unit_id: 101, unit_name: '甲镇', display_name: '甲镇财政所', must_change_password: true,
    });
    expect((await login(db, 'jia', 'Start2018', null)).ok).toBe(true);
    const [row] = await listAudit(db, { action: 'user_create', actor: 'boss' });
    expect(row).toMatchObject({ target: 'jia', ip: '10.1.1.1' });
    expect(JSON.parse(row.detail!)).toEqual({ role: 'town', unit: '甲镇', display_name: '甲镇财政所' });
    expect(JSON.stringify(await listAudit(db))).not.toContain('Start2018');
  });

  it('a role without a unit kind drops the binding', async () => {
    expect(await adminCreateUser(db, admin, { ...newTown, username: 'watch', role: 'supervisor', unitId: 101 }, null)).toMatchObject({ ok: true });
    expect((await findUser(db, 'watch'))?.unit_id).toBeNull();
  });

  it('changes role and binding, auditing only what changed', async () => {
    expect(await adminUpdateUser(db, admin, { username: 'jia', displayName: '甲镇财政所', role: 'town', unitId: 102 }, null)).toMatchObject({ ok: true });
    expect(await findUser(db, 'jia')).toMatchObject({ unit_id: 102, unit_name: '乙镇' });
    const [row] = await listAudit(db, { action: 'user_update' });
    expect(JSON.parse(row.detail!)).toEqual({ unit: { from: '甲镇', to: '乙镇' } });
    expect(await adminUpdateUser(db, admin, { username: 'jia', displayName: '甲镇财政所', role: 'department', unitId: 102 }, null))
      .toEqual({ ok: false, error: '绑定的单位不存在或类型不符' });
    expect(await adminUpdateUser(db, admin, { username: 'jia', displayName: '甲镇财政所', role: 'town', unitId: 102 }, null))
      .toEqual({ ok: true, message: '没有需要保存的变更' });
  });

  it('an admin cannot disable or demote themself', async () => {
    expect(await adminSetDisabled(db, admin, 'boss', true, null)).toEqual({ ok: false, error: '不能停用自己的账户' });
    expect(await adminUpdateUser(db, admin, { username: 'boss', displayName: null, role: 'leader', unitId: null }, null))
      .toEqual({ ok: false, error: '不能更改自己的管理员角色，以免无人管理系统' });
    expect(await findUser(db, 'boss')).toMatchObject({ role: 'admin', disabled: false });
  });

  it('disabling ends the user\'s sessions; enabling lets them in again; both are audited', async () => {
    const { token } = (await login(db, 'jia', 'Start2018', null)) as { token: string };
    expect(await viewerForToken(db, token)).not.toBeNull();
    expect(await adminSetDisabled(db, admin, 'jia', true, null)).toMatchObject({ ok: true });
    expect(await viewerForToken(db, token)).toBeNull();
    expect((await login(db, 'jia', 'Start2018', null)).ok).toBe(false);
    expect(await adminSetDisabled(db, admin, 'jia', false, null)).toMatchObject({ ok: true });
    expect((await login(db, 'jia', 'Start2018', null)).ok).toBe(true);
    expect((await listAudit(db, { action: 'user_disable' }))[0]).toMatchObject({ target: 'jia', actor: 'boss' });
    expect((await listAudit(db, { action: 'user_enable' }))[0]).toMatchObject({ target: 'jia', actor: 'boss' });
  });

  it('resetting a password unlocks the account, ends its sessions and is audited without the password', async () => {
    const token = await createSession(db, (await findUser(db, 'jia'))!.id);
    for (let i = 0; i < 5; i++) await login(db, 'jia', 'nope12345', null);
    expect((await findUser(db, 'jia'))?.locked).toBe(true);
    expect(await adminResetPassword(db, admin, 'jia', 'weak', null)).toEqual({ ok: false, error: '密码至少 8 位' });
    expect(await adminResetPassword(db, admin, 'jia', 'Fresh2019', null)).toMatchObject({ ok: true });
    expect(await viewerForToken(db, token)).toBeNull();
    expect((await login(db, 'jia', 'Start2018', null)).ok).toBe(false);
    expect((await login(db, 'jia', 'Fresh2019', null)).ok).toBe(true);
    expect((await findUser(db, 'jia'))?.must_change_password).toBe(true);
    const [row] = await listAudit(db, { action: 'password_reset' });
    expect(row).toMatchObject({ actor: 'boss', target: 'jia' });
    expect(JSON.parse(row.detail!)).toEqual({ sessions_ended: true, unlocked: true });
    expect(JSON.stringify(await listAudit(db))).not.toMatch(/Fresh2019|weak/);
  });

  it('one admin may disable another, and the remaining admin still cannot disable itself', async () => {
    // A second admin may disable the first…
    await adminCreateUser(db, admin, { username: 'boss2', displayName: null, role: 'admin', unitId: null, password: 'Admin5678' }, null);
    const boss2: Viewer = { ...admin, id: (await findUser(db, 'boss2'))!.id, username: 'boss2' };
    expect(await adminSetDisabled(db, boss2, 'boss', true, null)).toMatchObject({ ok: true });
    // …and is then the last active admin, which it cannot disable either.
    expect(await adminSetDisabled(db, boss2, 'boss2', true, null)).toEqual({ ok: false, error: '不能停用自己的账户' });
  });
});
