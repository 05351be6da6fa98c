import { CHINA_TIME_ZONE } from '@/lib/format';

export const BACKUP_PREFIX = 'fund-monitor-';
const NAME = /^fund-monitor-(\d{8})-(\d{6})(?:-(\d+))?$/;

const PARTS = new Intl.DateTimeFormat('en-CA', {
  timeZone: CHINA_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
  hourCycle: 'h23',
});

/** A backup's name: the moment in China time, as the bureau reads it (fund-monitor-20181031-020000). */
export function backupName(at: Date): string {
  const p = Object.fromEntries(PARTS.formatToParts(at).map((x) => [x.type, x.value]));
  return `${BACKUP_PREFIX}${p.year}${p.month}${p.day}-${p.hour}${p.minute}${p.second}`;
}

/** Whether a folder name is a finished backup's (a second one in the same second gets -2, -3 …). */
export const isBackupName = (name: string) => NAME.test(name);

/** Backup names sort by time as text, a same-second suffix after its first. */
export function compareBackupNames(a: string, b: string): number {
  const [, da, ta, na = '1'] = NAME.exec(a)!;
  const [, db, tb, nb = '1'] = NAME.exec(b)!;
  return `${da}${ta}`.localeCompare(`${db}${tb}`) || Number(na) - Number(nb);
}
