import path from 'node:path';

/** The nightly backup's setting (设置 → 每日备份, stored as the setting `backup_schedule`). */
export interface BackupSchedule {
  enabled: boolean;
  /** The hour of the day in China time, 0–23. */
  hour: number;
  /** The folder the backups go to: absolute, or relative to the database file's folder. */
  folder: string;
  /** How many backups the folder keeps (the newest). */
  keep: number;
}

/** A schedule's folder as a path: relative ones are read beside the database file, as the imports folder is. */
export const backupFolderFor = (dbFile: string, folder: string) => path.resolve(path.dirname(path.resolve(dbFile)), folder);

export const DEFAULT_BACKUP_SCHEDULE: BackupSchedule = { enabled: false, hour: 2, folder: 'backups', keep: 7 };

/** The schedule's problem in Chinese, or null. */
export function scheduleProblem(s: BackupSchedule): string | null {
  if (!Number.isInteger(s.hour) || s.hour < 0 || s.hour > 23) return '备份时间须是 0 到 23 点的整点';
  if (!Number.isInteger(s.keep) || s.keep < 1 || s.keep > 365) return '保留份数须是 1 到 365';
  if (!s.folder.trim() || s.folder.length > 500) return '备份目录不能为空，且不超过 500 个字符';
  return null;
}

/** The stored value (JSON text, or none) as a schedule; a broken one is off, with the defaults. */
export function parseSchedule(value: string | undefined): BackupSchedule {
  if (!value) return DEFAULT_BACKUP_SCHEDULE;
  try {
    const v = JSON.parse(value) as Partial<BackupSchedule>;
    const s = { ...DEFAULT_BACKUP_SCHEDULE, ...v, enabled: v.enabled === true };
    return scheduleProblem(s) ? DEFAULT_BACKUP_SCHEDULE : s;
  } catch {
    return DEFAULT_BACKUP_SCHEDULE;
  }
}

const CHINA_OFFSET_MS = 8 * 3600_000;
const DAY_MS = 24 * 3600_000;

/**
 * The latest moment at or before `now` at which the nightly backup was due: today's `hour` in China time, or
 * yesterday's when today's has not come yet. China keeps no daylight saving, so UTC + 8 h is exact.
 */
export function lastSlot(now: Date, hour: number): Date {
  const china = now.getTime() + CHINA_OFFSET_MS;
  const slotToday = Math.floor(china / DAY_MS) * DAY_MS + hour * 3600_000;
  return new Date((slotToday <= china ? slotToday : slotToday - DAY_MS) - CHINA_OFFSET_MS);
}

/**
 * Whether a nightly backup is due at `now`: the schedule is on and no nightly run (successful or not) started at or
 * after the latest slot. A server that was down at the hour runs it when it next checks — at its start, however many
 * days it missed (one backup, not one per missed day); a failed run is not retried before the next slot, so a full
 * disk is reported once a night rather than every minute.
 */
export function isBackupDue(schedule: BackupSchedule, now: Date, lastRunStartedAt: Date | null): boolean {
  if (!schedule.enabled) return false;
  return lastRunStartedAt === null || lastRunStartedAt.getTime() < lastSlot(now, schedule.hour).getTime();
}
