import type { Db } from '@/queries/db';
import { ruleChoice, ruleSettings } from '@/queries/rules/settings';
import { ruleById } from '@/lib/rules/registry';

/** What applies to a fund that sets nothing: the rules' settings (设置), shown beside each fund's own values. */
export interface RiskPointDefaults {
  /** ALLOC_OVERDUE's and NOT_ALLOCATED's days, which a fund's 分配时限 both replaces */
  allocDays: { overdue: number; unallocated: number };
  idleDays: number;
  /** FUND_DEADLINE warns this many days before a final date */
  warnDays: number;
}

export async function riskPointDefaults(db: Db): Promise<RiskPointDefaults> {
  const saved = await ruleSettings(db);
  const days = (id: string) => ruleChoice(ruleById(id)!, saved.get(id)).params.days;
  return {
    allocDays: { overdue: days('ALLOC_OVERDUE'), unallocated: days('NOT_ALLOCATED') },
    idleDays: days('IDLE_FUNDS'),
    warnDays: days('FUND_DEADLINE'),
  };
}
