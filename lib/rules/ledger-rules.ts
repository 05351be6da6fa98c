import type { RuleDef } from './types';

/** The rules on the ledger's money and on projects (docs/rules.md): stalled, lagging and overspent money, 项目. */
export const LEDGER_RULES: RuleDef[] = [];
