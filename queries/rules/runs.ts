import type { Db } from '../db';
import { namedSql } from '../sql';

/** Who the run after an import is recorded as (docs/rules.md): the batch it followed. */
export const importActor = (batchId: number) => `import:#${batchId}`;

export interface RunSummary {
  run_id: number;
  as_of: string;
  /** warnings it raised */
  new: number;
  finished_at: string;
}

/**
 * The rule run that followed an import batch, or null while it has not finished (it runs in the background, after
 * the import answered): what the import page polls to say how many new warnings the batch raised.
 */
export async function latestRunForBatch(db: Db, batchId: number): Promise<RunSummary | null> {
  return (await db.one<RunSummary>(namedSql('queries/rules/runs.sql').latest_by_actor, { actor: importActor(batchId) })) ?? null;
}

export interface RunFigures extends RunSummary {
  actor: string;
  /** how many rules it ran */
  rules: number;
  /** hits found, and warnings marked 数据已消除 */
  rows: number;
  cleared: number;
  ms: number;
}

/** The newest rule run, whoever started it, or null before the first (预警总览's panel). */
export async function latestRun(db: Db): Promise<RunFigures | null> {
  return (await db.one<RunFigures>(namedSql('queries/rules/runs.sql').latest)) ?? null;
}
