import type { Db } from '@/queries/db';
import { countUsers, createUser, findUser } from '@/queries/auth/users';
import { audit } from '@/queries/auth/audit';
import { markDemoDatabase } from '@/queries/settings';
import type { Role } from './roles';
import { passwordProblem, randomPassword, verifyPassword } from './password';

/** Why the server will not start on a database; one line for the operator (lib/auth/startup.ts prints it). */
export class StartupRefusal extends Error {
  override name = 'StartupRefusal';
}

/**
 * On a database without users, creates the admin account, which must choose its own password at first login. The
 * password comes from FUND_MONITOR_ADMIN_PASSWORD (held to the password policy: a weak one refuses the start), or is
 * generated and printed once to the server log.
 */
export async function ensureAdmin(db: Db, env: Record<string, string | undefined> = process.env, log: (line: string) => void = console.log): Promise<void> {
  if ((await countUsers(db)) > 0) return;
  if (db.readOnly) throw new StartupRefusal(`${db.file} 是只读的，且还没有用户账户，无法登录：请让服务进程对该文件及其所在目录有写权限后重新启动（首次启动会创建管理员账户）。`);
  const fromEnv = env.FUND_MONITOR_ADMIN_PASSWORD;
  const problem = fromEnv ? passwordProblem(fromEnv) : null;
  if (problem) throw new StartupRefusal(`FUND_MONITOR_ADMIN_PASSWORD 不符合密码要求：${problem}（至少 8 位，同时包含字母和数字）`);
  const password = fromEnv || randomPassword();
  await createUser(db, { username: 'admin', displayName: '系统管理员', role: 'admin', password, mustChangePassword: true });
  await audit(db, { actor: 'system', action: 'user_create', target: 'admin', detail: { role: 'admin', first_start: true } });
  log(fromEnv
    ? '首次启动：已创建管理员账户 admin（密码取自 FUND_MONITOR_ADMIN_PASSWORD，首次登录须修改）'
    : `首次启动：已创建管理员账户 admin，初始密码 ${password}（仅显示这一次，首次登录须修改）`);
}

/** The demo database's accounts, one per role — for the demo only; the README lists them. */
export const DEMO_PASSWORD = 'demo2018';
export const DEMO_USERS: { username: string; displayName: string; role: Role; unitName?: string }[] = [
  { username: 'admin', displayName: '信息中心管理员', role: 'admin' },
  { username: 'leader', displayName: '局领导', role: 'leader' },
  { username: 'supervisor', displayName: '监督检查室', role: 'supervisor' },
  { username: 'section', displayName: '农财所', role: 'section', unitName: '农财所' },
  { username: 'department', displayName: '县教育局', role: 'department', unitName: '县教育局' },
  { username: 'town', displayName: '石窑镇', role: 'town', unitName: '石窑镇' },
];

/** Gives the database the demo accounts and marks it a demo database, which is what lets a server start on it. */
export async function createDemoUsers(db: Db): Promise<void> {
  await markDemoDatabase(db);
  for (const u of DEMO_USERS) {
    const unit = u.unitName ? await db.one<{ id: number }>('SELECT id FROM units WHERE name = $name', { name: u.unitName }) : undefined;
    await createUser(db, { username: u.username, displayName: u.displayName, role: u.role, unitId: unit?.id ?? null, password: DEMO_PASSWORD });
  }
}

/** The demo accounts that can still sign in with the public demo password. */
export async function liveDemoAccounts(db: Db): Promise<string[]> {
  const found = await Promise.all(DEMO_USERS.map(async ({ username }) => {
    const user = await findUser(db, username);
    return user && !user.disabled && (await verifyPassword(DEMO_PASSWORD, user.password_hash)) ? username : null;
  }));
  return found.filter((u): u is string => u !== null);
}
