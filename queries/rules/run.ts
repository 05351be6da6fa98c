import { performance } from 'node:perf_hooks';
import type { DuckDBConnection } from '@duckdb/node-api';
import { connRows, type Db } from '../db';
import { namedSql, usedParams } from '../sql';
import { dataExtent } from '../overview';
import { ruleQuery } from './evaluate';
import { ruleChoice, ruleSettings } from './settings';
import { serialized } from '@/lib/import/load/serialize';
import { parseIsoDate } from '@/lib/url-params';
import { todayInChina } from '@/lib/format';
import { RULES } from '@/lib/rules/registry';
import type { RuleDef } from '@/lib/rules/types';
import { failpoint } from '@/lib/faults/failpoint';
import { ReadOnlyError } from '@/lib/faults/read-only';

const sql = () => namedSql('queries/rules/run.sql');

export interface RunRulesOptions {
  /** 截止日期 YYYY-MM-DD; default the newest data date (newestDataDate). */
  asOf?: string;
  /** Only these rules; default every rule. A rule the admin disabled is never run. */
  ruleIds?: string[];
  /** Who runs: a user name, cli:<user>, or import:#<batch>. */
  actor: string;
}

export interface RuleRunItem {
  id: string;
  rows: number;
  new: number;
  cleared: number;
  /** The hits' amounts summed, 元, exact. */
  amount_yuan: string;
  ms: number;
}

export interface RuleRunResult {
  run_id: number;
  as_of: string;
  rules: RuleRunItem[];
}

/** The last date with data in the newest budget year (queries/overview/extent.sql), or China's today when there is none. */
export async function newestDataDate(db: Db): Promise<string> {
  const extent = await dataExtent(db);
  if (extent.years.length) return extent.lastDate[extent.years[0]];
  return todayInChina();
}

/** The rules a run takes, in the registry's order; an unknown id is refused naming the known ones. */
export function chooseRules(rules: RuleDef[], ruleIds: string[] | undefined): RuleDef[] {
  const unknown = (ruleIds ?? []).filter((id) => !rules.some((r) => r.id === id));
  if (unknown.length) throw new Error(`没有规则 ${unknown.join(', ')}；可用：${rules.map((r) => r.id).join(', ') || '（无）'}`);
  return ruleIds ? rules.filter((r) => ruleIds.includes(r.id)) : rules;
}

/**
 * Runs the enabled rules as of a 截止日期 and keeps what they find as warnings (docs/rules.md "Running the rules").
 * Each rule's hits go into the connection's temporary table first — the long reads, outside the write queue, so
 * logins and other writes do not wait on them — then ONE transaction upserts the warnings by their stable key, marks
 * those no longer found 数据已消除 (cleared_at; never deleted, status untouched) and records the run with one item per
 * rule. Runs and imports take turns (serialize.ts): a run never sees half an import.
 */
export async function runRules(db: Db, options: RunRulesOptions, rules: RuleDef[] = RULES): Promise<RuleRunResult> {
  // Refused before the rules' long reads (docs/reliability.md "Read-only database").
  if (db.readOnly) throw new ReadOnlyError();
  const chosen = chooseRules(rules, options.ruleIds);
  if (options.asOf !== undefined && parseIsoDate(options.asOf) !== options.asOf) throw new Error(`截止日期 ${options.asOf} 不是 YYYY-MM-DD 格式的日期`);
  return serialized(db, async () => {
    const asOf = options.asOf ?? (await newestDataDate(db));
    const settings = await ruleSettings(db);
    const running = chosen.map((rule) => ({ rule, ...ruleChoice(rule, settings.get(rule.id)) })).filter((r) => r.enabled);
    return db.withConnection(async (conn) => {
      const q = sql();
      const { now: startedAt, run_id: runId } = (await connRows<{ now: string; run_id: number }>(conn, q.now))[0];
      const t0 = performance.now();
      await conn.run(q.hits_table);
      const evaluateMs = new Map<string, number>();
      for (const { rule, params } of running) {
        const t = performance.now();
        const { select, values } = await ruleQuery(db, rule, asOf, params);
        const statement = `${q.collect} (\n${select}\n)`;
        await conn.run(statement, usedParams(statement, { ...values, run_rule_id: rule.id }));
        evaluateMs.set(rule.id, performance.now() - t);
      }
      const items = await db.transactionOn(conn, async () => {
        const out: RuleRunItem[] = [];
        for (const { rule } of running) out.push(await keepHits(conn, runId, rule.id, evaluateMs.get(rule.id)!));
        const sum = (key: 'rows' | 'new' | 'cleared') => out.reduce((s, i) => s + i[key], 0);
        await conn.run(q.run, {
          run: runId, started_at: startedAt, ms: Math.round(performance.now() - t0), actor: options.actor, as_of: asOf,
          rule_ids: JSON.stringify(running.map((r) => r.rule.id)), rows: sum('rows'), new: sum('new'), cleared: sum('cleared'),
        });
        await failpoint('rules-before-commit');
        return out;
      });
      return { run_id: runId, as_of: asOf, rules: items };
    });
  });
}

/** One rule's hits into the warnings, inside the run's transaction, and its item of the run record. */
async function keepHits(conn: DuckDBConnection, runId: number, ruleId: string, evaluateMs: number): Promise<RuleRunItem> {
  const q = sql();
  const t = performance.now();
  const ids = { run: runId, rule: ruleId };
  const found = (await connRows<{ rows: number; amount: string; twice: string | null }>(conn, q.found, { rule: ruleId }))[0];
  if (found.twice !== null) throw new Error(`规则 ${ruleId} 对同一对象返回了多行（${found.twice}），本次运行已撤回`);
  await conn.run(q.update_found, ids);
  const inserted = (await conn.run(q.insert_new, ids)).rowsChanged;
  const cleared = (await conn.run(q.clear_gone, { rule: ruleId })).rowsChanged;
  const item: RuleRunItem = {
    id: ruleId, rows: found.rows, new: inserted, cleared, amount_yuan: found.amount, ms: Math.round(evaluateMs + performance.now() - t),
  };
  await conn.run(q.item, { ...ids, rows: item.rows, new: item.new, cleared: item.cleared, amount: item.amount_yuan, ms: item.ms });
  return item;
}
