import { findUser, setPassword } from '@/queries/auth/users';
import { deleteUserSessions } from '@/queries/auth/sessions';
import { audit } from '@/queries/auth/audit';
import { liveDemoAccounts } from '@/lib/auth/bootstrap';
import { randomPassword } from '@/lib/auth/password';
import { openExistingDb } from './open-existing';

/**
 * The way out of the start check on a real database that holds the demo accounts (lib/auth/startup.ts): each demo
 * account still using the public password gets a new one, printed once, to be changed at its next login; its sessions end.
 */
export async function resetDemoPasswordsCommand(opts: { db: string }): Promise<void> {
  const db = await openExistingDb(opts.db);
  try {
    const names = await liveDemoAccounts(db);
    if (!names.length) console.log('没有仍使用演示密码的账户');
    for (const username of names) {
      const user = (await findUser(db, username))!;
      const password = randomPassword();
      await setPassword(db, user.id, password, true);
      await deleteUserSessions(db, user.id);
      await audit(db, {
        actor: 'cli', action: 'password_reset', target: username,
        detail: { reason: 'demo_password', sessions_ended: true },
      });
      console.log(`${username}: 新密码 ${password}（仅显示这一次，登录后须修改）`);
    }
  } finally {
    db.close();
  }
}
