'use server';

import { revalidatePath } from 'next/cache';
import { clientIp, getViewer } from '@/lib/auth/server';
import { adminSaveRuleSettings } from '@/lib/rules/settings-admin';
import { runRulesOnDemand } from '@/lib/rules/run-on-demand';
import { serverDb } from '@/queries/server-db';
import type { ActionState } from '@/app/(dashboard)/admin/users/actions';
import type { SettingsResult } from '@/lib/settings-admin';

const state = (result: SettingsResult): ActionState =>
  result.ok ? { ok: result.message, at: Date.now() } : { error: result.error, at: Date.now() };

/**
 * One rule's form (RuleSettingsForm): enabled and its thresholds as param_<name>. adminSaveRuleSettings re-checks the
 * role, validates each number against its range and audits.
 */
export async function saveRuleSettingsAction(_: ActionState, form: FormData): Promise<ActionState> {
  const params: Record<string, number> = {};
  for (const [key, value] of form.entries()) {
    if (key.startsWith('param_')) params[key.slice('param_'.length)] = Number(String(value).trim() || NaN);
  }
  const result = await adminSaveRuleSettings(await serverDb(), await getViewer(), String(form.get('rule_id') ?? ''), {
    enabled: form.get('enabled') === 'on', params,
  }, await clientIp());
  if (result.ok) revalidatePath('/settings');
  return state(result);
}

/** 立即运行: the rules over the newest data, now (admin and supervision; runRulesOnDemand checks and audits). */
export async function runRulesAction(_: ActionState, _form: FormData): Promise<ActionState> {
  try {
    const result = await runRulesOnDemand(await serverDb(), await getViewer(), await clientIp());
    // New and cleared warnings change 预警总览, the lists and every header's 待办 count.
    if (result.ok) revalidatePath('/', 'layout');
    return state(result);
  } catch (error) {
    return { error: `运行失败：${(error as Error).message}`, at: Date.now() };
  }
}
