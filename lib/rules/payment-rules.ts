import type { RuleDef } from './types';

/** The rules on single payments and on subsidies to people (docs/rules.md). */
export const PAYMENT_RULES: RuleDef[] = [];
