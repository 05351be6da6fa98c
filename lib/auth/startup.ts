import type { Db } from '@/queries/db';
import { isDemoDatabase } from '@/queries/settings';
import { ensureAdmin, liveDemoAccounts, StartupRefusal } from './bootstrap';

/**
 * What the server checks once, when it opens its database (queries/server-db.ts, called at start by
 * instrumentation.ts): a database that is not the demo must not hold the demo accounts with their public password,
 * and a database without users gets its first admin. A failed check throws StartupRefusal.
 */
export async function prepareServerDatabase(db: Db, env: Record<string, string | undefined> = process.env, log?: (line: string) => void): Promise<void> {
  if (!(await isDemoDatabase(db))) {
    const demo = await liveDemoAccounts(db);
    if (demo.length) {
      throw new StartupRefusal(`${db.file} 不是演示数据库，却有可用公开演示密码登录的账户：${demo.join('、')}。`
        + '请先运行 npx fund-monitor reset-demo-passwords --db 该文件 为它们设置新密码。');
    }
  }
  await ensureAdmin(db, env, log);
}
