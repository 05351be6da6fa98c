import type { Db } from '../db';
import { namedSql } from '../sql';
import type { RuleDef } from '@/lib/rules/types';

const sql = () => namedSql('queries/rules/settings.sql');

/** The admin's choice for one rule (设置): enabled, and the thresholds that override its defaults. */
export interface RuleSetting {
  enabled: boolean;
  params: Record<string, number>;
  updated_by: string | null;
  updated_at: string | null;
}

/** Every rule's saved setting by rule id; a rule without one runs enabled with its defaults (ruleChoice). */
export async function ruleSettings(db: Db): Promise<Map<string, RuleSetting>> {
  const rows = await db.all<{ rule_id: string; enabled: boolean; params: string; updated_by: string | null; updated_at: string }>(sql().all);
  return new Map(rows.map((r) => [r.rule_id, { enabled: r.enabled, params: JSON.parse(r.params), updated_by: r.updated_by, updated_at: r.updated_at }]));
}

/**
 * What a rule runs with: enabled unless the admin turned it off, and each of its parameters the saved value or the
 * default. A saved value of a parameter the rule no longer declares is ignored.
 */
export function ruleChoice(rule: RuleDef, setting: RuleSetting | undefined): { enabled: boolean; params: Record<string, number> } {
  const params = Object.fromEntries(Object.entries(rule.params).map(([name, p]) => {
    const saved = setting?.params[name];
    return [name, typeof saved === 'number' && Number.isFinite(saved) ? saved : p.value];
  }));
  return { enabled: setting?.enabled ?? true, params };
}

/** Saves a rule's setting (validated and audited by lib/rules/settings-admin.ts). */
export function saveRuleSetting(db: Db, ruleId: string, setting: { enabled: boolean; params: Record<string, number> }, updatedBy: string): Promise<void> {
  return db.run(sql().save, { rule_id: ruleId, enabled: setting.enabled, params: JSON.stringify(setting.params), updated_by: updatedBy });
}
