'use client';

import type { BackupSchedule } from '@/lib/backup/schedule';
import { backupNowAction, saveBackupScheduleAction } from '@/app/(dashboard)/admin/backup/actions';
import { useFormAction } from '@/components/admin/useFormAction';
import { FormMessage } from '@/components/admin/FormMessage';
import { BUTTON_PRIMARY, BUTTON_SECONDARY, FIELD, LABEL } from '@/components/ui/form';

export function BackupScheduleForm({ schedule }: { schedule: BackupSchedule }) {
  const save = useFormAction(saveBackupScheduleAction);
  const now = useFormAction(backupNowAction);
  return (
    <div className="space-y-4">
      <form action={save.dispatch} onSubmit={save.onSubmit} className="space-y-4" data-testid="backup-schedule-form">
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          <label className="flex items-center gap-2 text-sm text-slate-700">
            <input type="checkbox" name="enabled" defaultChecked={schedule.enabled} data-testid="backup-enabled" />
            每日自动备份
          </label>
          <label className={LABEL}>
            备份时间（北京时间，整点）
            <input name="hour" type="number" min={0} max={23} defaultValue={schedule.hour} required className={FIELD} data-testid="backup-hour" />
          </label>
          <label className={LABEL}>
            备份目录（相对路径在数据库文件旁）
            <input name="folder" defaultValue={schedule.folder} required maxLength={500} className={FIELD} data-testid="backup-folder" />
          </label>
          <label className={LABEL}>
            保留份数（每日备份后删除更早的）
            <input name="keep" type="number" min={1} max={365} defaultValue={schedule.keep} required className={FIELD} data-testid="backup-keep" />
          </label>
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <button type="submit" disabled={save.pending} className={BUTTON_PRIMARY} data-testid="backup-save">
            {save.pending ? '正在保存…' : '保存备份设置'}
          </button>
          <FormMessage state={save.state} testId="backup-schedule-message" />
        </div>
      </form>
      <form action={now.dispatch} onSubmit={now.onSubmit} className="flex flex-wrap items-center gap-3">
        <button type="submit" disabled={now.pending} className={BUTTON_SECONDARY} data-testid="backup-now">
          {now.pending ? '正在备份…' : '立即备份'}
        </button>
        <FormMessage state={now.state} testId="backup-now-message" />
      </form>
    </div>
  );
}
