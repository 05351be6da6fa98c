'use server';

import { getViewer } from '@/lib/auth/server';
import { runAdminAction, type ActionState } from '@/lib/admin/form-action';
import { adminBackupNow, adminSaveBackupSchedule } from '@/lib/backup/admin';

/** 备份 server actions: each reads the viewer afresh; lib/backup/admin.ts checks, validates and audits. */

const run = (work: Parameters<typeof runAdminAction>[1]) => runAdminAction('/admin/backup', work);

export async function saveBackupScheduleAction(_: ActionState, form: FormData): Promise<ActionState> {
  const actor = await getViewer();
  return run(({ db, ip }) => adminSaveBackupSchedule(db, actor, {
    enabled: form.get('enabled') === 'on',
    hour: Number(String(form.get('hour') ?? '').trim() || NaN),
    folder: String(form.get('folder') ?? ''),
    keep: Number(String(form.get('keep') ?? '').trim() || NaN),
  }, ip));
}

export async function backupNowAction(): Promise<ActionState> {
  const actor = await getViewer();
  return run(({ db, ip }) => adminBackupNow(db, actor, ip));
}
