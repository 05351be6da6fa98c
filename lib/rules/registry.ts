import { LEDGER_RULES } from './ledger-rules';
import { PAYMENT_RULES } from './payment-rules';
import type { RuleDef } from './types';

/** The 20 warning rules (docs/rules.md): the ledger and project rules, then the payment and people rules. */
export const RULES: RuleDef[] = [...LEDGER_RULES, ...PAYMENT_RULES];

export const ruleById = (id: string): RuleDef | undefined => RULES.find((r) => r.id === id);
