import { LEDGER_RULES } from './ledger-rules';
import { PAYMENT_RULES } from './payment-rules';
import type { RuleDef } from './types';

/** The warning rules (docs/rules.md): the bureau's 19 in the order of its list, the fund's final date (FUND_DEADLINE)
 * and the payee check against the other departments' lists (LISTED_PAYEE). */
export const RULES: RuleDef[] = [...LEDGER_RULES, ...PAYMENT_RULES];

export const ruleById = (id: string): RuleDef | undefined => RULES.find((r) => r.id === id);
