import type { Db } from '@/queries/db';
import { audit } from '@/queries/auth/audit';
import { runRules } from '@/queries/rules/run';
import type { Viewer } from '@/lib/auth/roles';
import { permissions } from '@/lib/auth/permissions';
import type { SettingsResult } from '@/lib/settings-admin';
import { RULES } from './registry';
import type { RuleDef } from './types';

/**
 * 立即运行 (docs/rules.md "Running the rules"): every enabled rule as of the newest data, for the admin or supervision,
 * recorded under the user's name and audited with the run's totals.
 */
export async function runRulesOnDemand(db: Db, actor: Viewer | null, ip: string | null, rules: RuleDef[] = RULES): Promise<SettingsResult> {
  if (!actor || !permissions.runRules(actor)) return { ok: false, error: '无权运行预警规则' };
  const result = await runRules(db, { actor: actor.username }, rules);
  const total = (key: 'rows' | 'new' | 'cleared') => result.rules.reduce((n, r) => n + r[key], 0);
  const detail = { run_id: result.run_id, as_of: result.as_of, rules: result.rules.length, rows: total('rows'), new: total('new'), cleared: total('cleared') };
  await audit(db, { actor: actor.username, action: 'rule_run', target: `rule_run:${result.run_id}`, detail, ip });
  return {
    ok: true,
    message: `运行 #${result.run_id}（截止 ${result.as_of}）：${detail.rules} 条规则，发现 ${detail.rows}，新增 ${detail.new}，数据已消除 ${detail.cleared}`,
  };
}
