import { randomBytes } from 'node:crypto';
import type { Db } from '@/queries/db';
import { findUser, LOCK_MINUTES, MAX_ATTEMPTS, recordGoodLogin, takeLoginAttempt } from '@/queries/auth/users';
import { createSession } from '@/queries/auth/sessions';
import { audit } from '@/queries/auth/audit';
import { hashPassword, verifyPassword } from './password';
import { LoginThrottle } from './login-throttle';
import { USERNAME_PATTERN } from './user-admin';

export type LoginOutcome = { ok: true; token: string; userId: number } | { ok: false; message: string };

const WRONG = '用户名或密码错误';
const LOCKED = '密码错误次数过多，账户已锁定 15 分钟';
const THROTTLED = '登录失败次数过多，请 15 分钟后再试';
/** Longer passwords are refused unread: scrypt over megabytes would cost the server, not the caller. */
const MAX_PASSWORD = 256;

const defaultThrottle = new LoginThrottle();

/** Failed attempts per account while the database is read-only: MAX_ATTEMPTS in LOCK_MINUTES, then locked. */
const readOnlyAccounts = new LoginThrottle(MAX_ATTEMPTS, LOCK_MINUTES * 60_000);

function memoryAttempt(userId: number): { failed_attempts: number; locked: boolean } | undefined {
  const key = String(userId);
  if (!readOnlyAccounts.take(key)) return undefined;
  // Counted before the password is checked, as take_attempt does: the attempt that reaches the limit locks.
  const failed = readOnlyAccounts.count(key);
  return { failed_attempts: failed, locked: failed >= MAX_ATTEMPTS };
}

let dummy: Promise<string> | undefined;
/** A hash no password matches: unknown, malformed and disabled usernames are checked against it, so they cost a known one's time. */
const dummyHash = () => (dummy ??= hashPassword(randomBytes(16).toString('hex')));

/**
 * Checks a username and password and opens a session. An address past its failed-login budget (login-throttle.ts) is
 * refused before anything is looked up. A username that could not exist (USERNAME_PATTERN) is neither looked up nor
 * stored: the audit row says only that it was malformed. An account's attempt is counted before its password is
 * checked, atomically (take_attempt in users.sql): five wrong passwords lock it for 15 minutes, however many arrive at
 * once. Every attempt that reaches an account is audited; the message does not tell an unknown user from a wrong password.
 */
export async function login(
  db: Db, username: string, password: string, ip: string | null, throttle: LoginThrottle = defaultThrottle,
): Promise<LoginOutcome> {
  const address = ip ?? 'unknown';
  if (!throttle.take(address)) return { ok: false, message: THROTTLED };
  const name = username.trim();
  if (!USERNAME_PATTERN.test(name)) {
    await verifyPassword(password.slice(0, MAX_PASSWORD), await dummyHash());
    await audit(db, { actor: null, action: 'login_failed', detail: { reason: 'invalid_username' }, ip });
    return { ok: false, message: WRONG };
  }
  const user = await findUser(db, name);
  if (!user || user.disabled) {
    await verifyPassword(password.slice(0, MAX_PASSWORD), await dummyHash());
    await audit(db, { actor: name, action: 'login_failed', detail: { reason: user ? 'disabled' : 'unknown_user' }, ip });
    return { ok: false, message: user?.disabled ? '该账户已停用，请联系信息中心' : WRONG };
  }
  // A read-only database cannot count the attempt in users: the count is kept in memory, with the same limit.
  const attempt = db.readOnly ? memoryAttempt(user.id) : await takeLoginAttempt(db, user.id);
  if (!attempt) {
    await audit(db, { actor: user.username, action: 'login_failed', detail: { reason: 'locked' }, ip });
    return { ok: false, message: LOCKED };
  }
  if (password.length > MAX_PASSWORD || !(await verifyPassword(password, user.password_hash))) {
    const { failed_attempts, locked } = attempt;
    await audit(db, { actor: user.username, action: 'login_failed', detail: { reason: 'wrong_password', failed_attempts, locked }, ip });
    return { ok: false, message: locked ? LOCKED : WRONG };
  }
  throttle.release(address);
  if (db.readOnly) readOnlyAccounts.clear(String(user.id));
  else await recordGoodLogin(db, user.id);
  const token = await createSession(db, user.id);
  await audit(db, { actor: user.username, action: 'login', ip });
  return { ok: true, token, userId: user.id };
}
