import type { Db } from '@/queries/db';
import { countUsers, createUser } from '@/queries/auth/users';
import { audit } from '@/queries/auth/audit';
import type { Role } from './roles';
import { randomPassword } from './password';

/**
 * On a database without users, creates the admin account. Its password comes from FUND_MONITOR_ADMIN_PASSWORD,
 * or is generated and printed once to the server log.
 */
export async function ensureAdmin(db: Db, log: (line: string) => void = console.log): Promise<void> {
  if ((await countUsers(db)) > 0) return;
  const fromEnv = process.env.FUND_MONITOR_ADMIN_PASSWORD;
  const password = fromEnv || randomPassword();
  await createUser(db, { username: 'admin', displayName: '系统管理员', role: 'admin', password });
  await audit(db, { actor: 'system', action: 'user_create', target: 'admin', detail: { role: 'admin', first_start: true } });
  log(fromEnv
    ? '首次启动：已创建管理员账户 admin（密码取自 FUND_MONITOR_ADMIN_PASSWORD）'
    : `首次启动：已创建管理员账户 admin，初始密码 ${password}（仅显示这一次，请登录后修改）`);
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

export async function createDemoUsers(db: Db): Promise<void> {
  for (const u of DEMO_USERS) {
    const unit = u.unitName ? await db.one<{ id: number }>('SELECT id FROM units WHERE name = $name', { name: u.unitName }) : undefined;
    await createUser(db, { username: u.username, displayName: u.displayName, role: u.role, unitId: unit?.id ?? null, password: DEMO_PASSWORD });
  }
}
