import type { Db } from '@/queries/db';
import { findUser, setPassword } from '@/queries/auth/users';
import { deleteOtherSessions } from '@/queries/auth/sessions';
import { audit } from '@/queries/auth/audit';
import { passwordProblem, verifyPassword } from './password';
import type { Viewer } from './roles';
import type { AdminResult } from './user-admin';

export interface PasswordChange {
  current: string;
  next: string;
  confirm: string;
}

/**
 * A user changes their own password: the current one first (a session left open is not enough), the new one twice,
 * held to the password policy. It clears the must-change flag, ends the user's other sessions (this one, `keepToken`,
 * stays) and is audited, never with a password; a wrong current password is audited too.
 */
export async function changeOwnPassword(
  db: Db, viewer: Viewer, input: PasswordChange, keepToken: string, ip: string | null,
): Promise<AdminResult> {
  const user = await findUser(db, viewer.username);
  if (!user || user.disabled) return { ok: false, error: '账户不存在或已停用' };
  if (!(await verifyPassword(input.current, user.password_hash))) {
    await audit(db, { actor: user.username, action: 'password_change_failed', target: user.username, detail: { reason: 'wrong_password' }, ip });
    return { ok: false, error: '当前密码不正确' };
  }
  if (input.next !== input.confirm) return { ok: false, error: '两次输入的新密码不一致' };
  const problem = passwordProblem(input.next);
  if (problem) return { ok: false, error: problem };
  if (input.next === input.current) return { ok: false, error: '新密码不能与当前密码相同' };
  await setPassword(db, user.id, input.next);
  await deleteOtherSessions(db, user.id, keepToken);
  await audit(db, { actor: user.username, action: 'password_change', target: user.username, detail: { sessions_ended: true }, ip });
  return { ok: true, message: '密码已修改，您在其他地方的登录已结束' };
}
