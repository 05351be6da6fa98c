import { LEDGER_RULES } from './ledger-rules';
import { PAYMENT_RULES } from './payment-rules';
import type { RuleDef } from './types';

/** The 19 warning rules (docs/rules.md), in the order of the bureau's list. */
export const RULES: RuleDef[] = [...LEDGER_RULES, ...PAYMENT_RULES];

export const ruleById = (id: string): RuleDef | undefined => RULES.find((r) => r.id === id);
