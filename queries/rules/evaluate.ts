import type { Db, Params } from '../db';
import { sqlFile, usedParams } from '../sql';
import { getSettings } from '../settings';
import { NOT_NARROWED } from '../overview';
import { scopeParams } from '@/lib/auth/roles';
import type { RuleDef, RuleHit } from '@/lib/rules/types';

/**
 * A rule's query as of `asOf` (YYYY-MM-DD): its SQL file wrapped to the columns of RuleHit, typed, and the values it
 * may name — $as_of, the bureau's measure settings ($tp_mode, the gap bands' lower bounds $band_green … $band_orange,
 * docs/measures.md) and its thresholds, the defaults overridden by `params` (the rule's settings). A rule that
 * continues shared CTE files (RuleDef.after) sees them for the whole county, unnarrowed, in the budget year of `asOf`.
 * Whoever runs it passes usedParams(its statement, values): DuckDB refuses a value the statement does not name.
 */
export async function ruleQuery(db: Db, rule: RuleDef, asOf: string, params: Record<string, number> = {}): Promise<{ select: string; values: Params }> {
  const settings = await getSettings(db);
  const t = settings.thresholds;
  const values: Params = {
    as_of: asOf, year: Number(asOf.slice(0, 4)), ...scopeParams({ kind: 'all' }), ...NOT_NARROWED,
    tp_mode: settings.timeProgressMode, band_green: t.green, band_blue: t.blue, band_yellow: t.yellow, band_orange: t.orange,
  };
  for (const [name, p] of Object.entries(rule.params)) values[name] = params[name] ?? p.value;
  const select = `SELECT subject_type, subject_id::VARCHAR AS subject_id, unit_id::INTEGER AS unit_id,
    amount::DECIMAL(18,2) AS amount, severity, evidence::JSON::VARCHAR AS evidence
  FROM (\n${[...(rule.after ?? []), rule.sql].map(sqlFile).join('\n')}\n)`;
  return { select, values };
}

/** A rule's hits as of `asOf` (see ruleQuery), sorted by subject, so a run is reproducible. */
export async function evaluateRule(db: Db, rule: RuleDef, asOf: string, params: Record<string, number> = {}): Promise<RuleHit[]> {
  const { select, values } = await ruleQuery(db, rule, asOf, params);
  const sql = `SELECT * REPLACE (amount::VARCHAR AS amount) FROM (${select}) ORDER BY subject_type, subject_id`;
  const rows = await db.all<Omit<RuleHit, 'evidence'> & { evidence: string | null }>(sql, usedParams(sql, values));
  return rows.map((r) => ({ ...r, evidence: r.evidence ? JSON.parse(r.evidence) : {} }));
}
