import type { Db } from '@/queries/db';

/** Every base table's row count and the ledger's sums (元, exact strings): what a killed operation must leave whole. */
export interface DbState {
  counts: Record<string, number>;
  sums: Record<string, string>;
}

// The money column of each ledger table (payouts: paid).
const LEDGER = { indicators: 'amount', allocations: 'amount', payments: 'amount', payouts: 'paid' } as const;

export async function dbState(db: Db): Promise<DbState> {
  const tables = await db.all<{ name: string }>(
    "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'main' AND table_type = 'BASE TABLE' ORDER BY 1");
  const counts: Record<string, number> = {};
  // The names come from DuckDB's own catalog, not from input.
  for (const { name } of tables) counts[name] = Number((await db.one<{ n: string }>(`SELECT count(*) AS n FROM "${name}"`))!.n);
  const sums: Record<string, string> = {};
  for (const [t, col] of Object.entries(LEDGER)) sums[t] = (await db.one<{ s: string }>(`SELECT coalesce(sum(${col}), 0)::DECIMAL(18,2)::VARCHAR AS s FROM ${t}`))!.s;
  return { counts, sums };
}

/**
 * What a half-written operation would leave, each as a line: a live batch whose rows in its table are not its
 * `accepted`, a rule run whose items do not match its rules and totals, a warning whose status is not where its
 * events lead (the last event's to_status, or 待认定 without any).
 */
export async function halfWritten(db: Db): Promise<string[]> {
  const problems: string[] = [];
  const batches = await db.all<{ id: number; kind: string; accepted: string }>(
    'SELECT id, kind, accepted FROM import_batches WHERE rolled_back_at IS NULL ORDER BY id');
  for (const b of batches) {
    if (!(b.kind in LEDGER)) continue;
    const n = (await db.one<{ n: string }>(`SELECT count(*) AS n FROM ${b.kind} WHERE batch_id = $id`, { id: b.id }))!.n;
    if (n !== b.accepted) problems.push(`batch ${b.id}: ${n} rows of ${b.accepted}`);
  }
  const runs = await db.all<{ id: number; problem: string }>(`
    SELECT r.id, format('run {}: {} items for {} rules, {} rows for {}', r.id, count(i.rule_id), len(r.rule_ids), coalesce(sum(i.rows), 0), r.rows) AS problem
    FROM rule_runs r LEFT JOIN rule_run_items i ON i.run_id = r.id
    GROUP BY r.id, r.rule_ids, r.rows
    HAVING count(i.rule_id) <> len(r.rule_ids) OR coalesce(sum(i.rows), 0) <> r.rows`);
  problems.push(...runs.map((r) => r.problem));
  const warnings = await db.all<{ problem: string }>(`
    SELECT format('warning {}: {} but its events lead to {}', w.id, w.status, coalesce(e.to_status, 'new')) AS problem
    FROM warnings w
    LEFT JOIN (SELECT warning_id, arg_max(to_status, happened_at) AS to_status FROM warning_events GROUP BY warning_id) e ON e.warning_id = w.id
    WHERE w.status <> coalesce(e.to_status, 'new')`);
  problems.push(...warnings.map((w) => w.problem));
  return problems;
}
