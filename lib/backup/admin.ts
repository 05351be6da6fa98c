import type { Db } from '@/queries/db';
import { audit } from '@/queries/auth/audit';
import { getBackupSchedule, saveBackupSchedule } from '@/queries/settings';
import type { AdminResult } from '@/lib/auth/user-admin';
import type { Viewer } from '@/lib/auth/roles';
import { permissions } from '@/lib/auth/permissions';
import { scheduleProblem, type BackupSchedule } from './schedule';
import { runBackup } from './run';

/** Validates and saves the nightly backup's setting for an admin, auditing what changed (before and after). */
export async function adminSaveBackupSchedule(db: Db, actor: Viewer | null, input: BackupSchedule, ip: string | null): Promise<AdminResult> {
  if (!actor || !permissions.manageBackups(actor)) return { ok: false, error: '无权修改备份设置' };
  const after = { ...input, folder: input.folder.trim() };
  const problem = scheduleProblem(after);
  if (problem) return { ok: false, error: problem };
  const before = await getBackupSchedule(db);
  if (JSON.stringify(before) === JSON.stringify(after)) return { ok: true, message: '备份设置没有变化' };
  await saveBackupSchedule(db, after);
  await audit(db, { actor: actor.username, action: 'backup_schedule', target: 'backup_schedule', detail: { from: before, to: after }, ip });
  return { ok: true, message: '备份设置已保存' };
}

/** 立即备份: a backup into the configured folder now (recorded and audited by runBackup). */
export async function adminBackupNow(db: Db, actor: Viewer | null, ip: string | null): Promise<AdminResult> {
  if (!actor || !permissions.manageBackups(actor)) return { ok: false, error: '无权备份' };
  const schedule = await getBackupSchedule(db);
  try {
    const { dir, pruned } = await runBackup(db, { trigger: 'manual', actor: actor.username, folder: schedule.folder, ip });
    return { ok: true, message: `备份完成：${dir}${pruned.length ? `（按保留 ${schedule.keep} 份删除了 ${pruned.length} 份较早的备份）` : ''}` };
  } catch (error) {
    return { ok: false, error: `备份失败：${error instanceof Error ? error.message : String(error)}` };
  }
}
