import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/queries/db';
import { tempDb } from '../helpers/temp-db';
import { changeOwnPassword } from '@/lib/auth/change-password';
import { login } from '@/lib/auth/login';
import { LoginThrottle } from '@/lib/auth/login-throttle';
import { createUser, findUser } from '@/queries/auth/users';
import { createSession, viewerForToken } from '@/queries/auth/sessions';
import { listAudit } from '@/queries/auth/audit';
import type { Viewer } from '@/lib/auth/roles';

describe('a user changes their own password', () => {
  let db: Db;
  let cleanup: () => void;
  let viewer: Viewer;
  let here: string;
  let elsewhere: string;

  beforeAll(async () => {
    ({ db, cleanup } = await tempDb());
    const id = await createUser(db, { username: 'first', role: 'admin', password: 'Given2026x', mustChangePassword: true });
    here = await createSession(db, id);
    elsewhere = await createSession(db, id);
    viewer = (await viewerForToken(db, here))!;
    expect(viewer.mustChangePassword).toBe(true);
  });
  afterAll(() => cleanup());

  const change = (current: string, next: string, confirm = next) => changeOwnPassword(db, viewer, { current, next, confirm }, here, '10.4.0.1');

  it('refuses a wrong current password (audited), two different new ones, a weak one and the same one', async () => {
    expect(await change('Wrong2026x', 'Mine2026yy')).toEqual({ ok: false, error: '当前密码不正确' });
    expect(await change('Given2026x', 'Mine2026yy', 'Mine2026zz')).toEqual({ ok: false, error: '两次输入的新密码不一致' });
    expect(await change('Given2026x', 'short1')).toEqual({ ok: false, error: '密码至少 8 位' });
    expect(await change('Given2026x', 'onlyletters')).toEqual({ ok: false, error: '密码须同时包含字母和数字' });
    expect(await change('Given2026x', 'Given2026x')).toEqual({ ok: false, error: '新密码不能与当前密码相同' });
    expect((await listAudit(db, { action: 'password_change_failed' })).length).toBe(1);
    expect(await findUser(db, 'first')).toMatchObject({ must_change_password: true });
  });

  it('changes it: the flag is cleared, the other sessions end, this one stays, audited without the password', async () => {
    expect(await change('Given2026x', 'Mine2026yy')).toMatchObject({ ok: true });
    expect(await findUser(db, 'first')).toMatchObject({ must_change_password: false });
    expect(await viewerForToken(db, here)).toMatchObject({ username: 'first', mustChangePassword: false });
    expect(await viewerForToken(db, elsewhere)).toBeNull();
    const [row] = await listAudit(db, { action: 'password_change' });
    expect(row).toMatchObject({ actor: 'first', target: 'first', detail: '{"sessions_ended":true}', ip: '10.4.0.1' });
    expect(JSON.stringify(await listAudit(db))).not.toMatch(/Mine2026|Given2026/);
    const throttle = new LoginThrottle();
    expect((await login(db, 'first', 'Given2026x', null, throttle)).ok).toBe(false);
    expect((await login(db, 'first', 'Mine2026yy', null, throttle)).ok).toBe(true);
  });
});
