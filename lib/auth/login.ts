import type { Db } from '@/queries/db';
import { findUser, recordFailedLogin, recordGoodLogin } from '@/queries/auth/users';
import { createSession } from '@/queries/auth/sessions';
import { audit } from '@/queries/auth/audit';
import { verifyPassword } from './password';

export type LoginOutcome = { ok: true; token: string; userId: number } | { ok: false; message: string };

const WRONG = '用户名或密码错误';

/**
 * Checks a username and password, with lockout after five failures in a row, and opens a session.
 * Every attempt is audited; the message does not tell an unknown user from a wrong password.
 */
export async function login(db: Db, username: string, password: string, ip: string | null): Promise<LoginOutcome> {
  const user = await findUser(db, username.trim());
  if (!user || user.disabled) {
    await audit(db, { actor: username.trim(), action: 'login_failed', detail: { reason: user ? 'disabled' : 'unknown_user' }, ip });
    return { ok: false, message: user?.disabled ? '该账户已停用，请联系信息中心' : WRONG };
  }
  if (user.locked) {
    await audit(db, { actor: user.username, action: 'login_failed', detail: { reason: 'locked' }, ip });
    return { ok: false, message: '密码错误次数过多，账户已锁定 15 分钟' };
  }
  if (!(await verifyPassword(password, user.password_hash))) {
    const { failed_attempts, locked } = await recordFailedLogin(db, user.id);
    await audit(db, { actor: user.username, action: 'login_failed', detail: { reason: 'wrong_password', failed_attempts, locked }, ip });
    return { ok: false, message: locked ? '密码错误次数过多，账户已锁定 15 分钟' : WRONG };
  }
  await recordGoodLogin(db, user.id);
  const token = await createSession(db, user.id);
  await audit(db, { actor: user.username, action: 'login', ip });
  return { ok: true, token, userId: user.id };
}
