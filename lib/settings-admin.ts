import { READ_ONLY_REFUSAL } from '@/lib/faults/read-only';
import type { Db } from '@/queries/db';
import { getSettings, saveSettings } from '@/queries/settings';
import { audit } from '@/queries/auth/audit';
import type { Viewer } from '@/lib/auth/roles';
import { permissions } from '@/lib/auth/permissions';
import { isCountyCode, thresholdsProblem, type BandThresholds, type TimeProgressMode } from './settings';

export interface SettingsInput {
  countyName: string;
  /** Absent: unchanged. */
  countyCode?: string;
  timeProgressMode: string;
  thresholds: BandThresholds;
}

export type SettingsResult = { ok: true; message: string } | { ok: false; error: string };

/** Validates and saves the settings for an admin, auditing what changed (before and after). */
export async function adminSaveSettings(db: Db, actor: Viewer | null, input: SettingsInput, ip: string | null): Promise<SettingsResult> {
  if (!actor || !permissions.manageSettings(actor)) return { ok: false, error: '无权修改设置' };
  if (db.readOnly) return { ok: false, error: READ_ONLY_REFUSAL };
  const countyName = input.countyName.trim();
  if (!countyName || countyName.length > 30) return { ok: false, error: '县名须为 1 到 30 个字' };
  const countyCode = input.countyCode?.trim();
  if (countyCode && !isCountyCode(countyCode)) return { ok: false, error: '县代码须是 6 位行政区划代码，或留空' };
  if (input.timeProgressMode !== 'month' && input.timeProgressMode !== 'day') return { ok: false, error: '序时进度算法只能按月或按日' };
  const problem = thresholdsProblem(input.thresholds);
  if (problem) return { ok: false, error: problem };
  const before = await getSettings(db);
  const after = { countyName, countyCode: countyCode ?? before.countyCode, timeProgressMode: input.timeProgressMode as TimeProgressMode, thresholds: input.thresholds };
  const changed = Object.fromEntries(
    (['countyName', 'countyCode', 'timeProgressMode', 'thresholds'] as const)
      .filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]))
      .map((k) => [k, { from: before[k], to: after[k] }]),
  );
  if (Object.keys(changed).length === 0) return { ok: true, message: '设置没有变化' };
  await saveSettings(db, after);
  await audit(db, { actor: actor.username, action: 'settings', target: 'settings', detail: changed, ip });
  return { ok: true, message: '设置已保存' };
}
