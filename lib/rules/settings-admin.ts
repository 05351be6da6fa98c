import type { Db } from '@/queries/db';
import { audit } from '@/queries/auth/audit';
import { ruleChoice, ruleSettings, saveRuleSetting } from '@/queries/rules/settings';
import type { Viewer } from '@/lib/auth/roles';
import { permissions } from '@/lib/auth/permissions';
import type { SettingsResult } from '@/lib/settings-admin';
import { RULES } from './registry';
import type { RuleDef, RuleParam } from './types';

/**
 * A threshold's range when its RuleDef gives none: from 0 — or, for a threshold below zero by default (a gap of −10
 * points), from ten times its default — up to more than any county's money in 元.
 */
const defaultMin = (p: RuleParam) => Math.min(0, 10 * p.value);
const DEFAULT_MAX = 1e10;

export interface RuleSettingInput {
  enabled: boolean;
  /** Every parameter the rule declares; a number (a form's empty field arrives as NaN and is refused). */
  params: Record<string, number>;
}

function paramProblem(p: RuleParam, value: number | undefined): string | null {
  const min = p.min ?? defaultMin(p);
  const max = p.max ?? DEFAULT_MAX;
  if (typeof value !== 'number' || !Number.isFinite(value)) return `${p.label}须为数字`;
  if (value < min || value > max) return `${p.label}须在 ${min} 到 ${max} 之间`;
  return null;
}

/**
 * Saves one rule's setting for an admin (设置): enabled, and each threshold validated against its range. Audits what
 * changed (before and after) like adminSaveSettings; an unchanged form saves nothing.
 */
export async function adminSaveRuleSettings(
  db: Db, actor: Viewer | null, ruleId: string, input: RuleSettingInput, ip: string | null, rules: RuleDef[] = RULES,
): Promise<SettingsResult> {
  if (!actor || !permissions.manageRuleSettings(actor)) return { ok: false, error: '无权修改预警规则设置' };
  const rule = rules.find((r) => r.id === ruleId);
  if (!rule) return { ok: false, error: `没有规则 ${ruleId}` };
  const unknown = Object.keys(input.params).filter((name) => !(name in rule.params));
  if (unknown.length) return { ok: false, error: `规则 ${rule.name}没有参数 ${unknown.join('、')}` };
  for (const [name, p] of Object.entries(rule.params)) {
    const problem = paramProblem(p, input.params[name]);
    if (problem) return { ok: false, error: `${rule.name}：${problem}` };
  }
  const before = ruleChoice(rule, (await ruleSettings(db)).get(rule.id));
  const after = { enabled: input.enabled, params: ruleChoice(rule, { enabled: input.enabled, params: input.params, updated_by: null, updated_at: null }).params };
  const changed: Record<string, { from: unknown; to: unknown }> = {};
  if (before.enabled !== after.enabled) changed.enabled = { from: before.enabled, to: after.enabled };
  for (const name of Object.keys(rule.params)) {
    if (before.params[name] !== after.params[name]) changed[name] = { from: before.params[name], to: after.params[name] };
  }
  if (Object.keys(changed).length === 0) return { ok: true, message: `${rule.name}：设置没有变化` };
  await saveRuleSetting(db, rule.id, after, actor.username);
  await audit(db, { actor: actor.username, action: 'rule_settings', target: rule.id, detail: changed, ip });
  return { ok: true, message: `${rule.name}：设置已保存` };
}
