import type { Db } from '@/queries/db';
import { runRules, type RuleRunResult } from '@/queries/rules/run';
import { importActor } from '@/queries/rules/runs';
import { RULES } from './registry';
import type { RuleDef } from './types';

/**
 * The rule run that follows an import (docs/rules.md "Running the rules"): every enabled rule as of the newest data,
 * recorded as actor import:#<batch>. Queued behind the import on the import queue (serialize.ts), so it starts once
 * the import committed and the next import waits for it. The web import answers without waiting (its page polls
 * latestRunForBatch); the CLI awaits it before closing the file. A failed run is logged, never the import's failure:
 * the batch landed, and the next run sees it.
 */
export function runRulesAfterImport(db: Db, batchId: number, rules: RuleDef[] = RULES): Promise<RuleRunResult | null> {
  return runRules(db, { actor: importActor(batchId) }, rules).catch((error: unknown) => {
    console.error(`[rules] the run after import #${batchId} failed:`, error);
    return null;
  });
}
