import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemoFile } from '@/lib/cli/demo';
import { LEDGER_RULES } from '@/lib/rules/ledger-rules';
import { ruleById } from '@/lib/rules/registry';
import type { RuleHit } from '@/lib/rules/types';
import { Db } from '@/queries/db';
import { evaluateRule } from '@/queries/rules/evaluate';
import { useFixtureDb } from '../helpers/fixture';
import {
  ALLOCATION_FIXTURE, IDLE_FIXTURE, OVER_FIXTURE, PROJECT_FIXTURE, RUSH_FIXTURE, SPEND_LAG_FIXTURE,
} from '../fixtures/rules-ledger';

// The ledger and project rules (docs/rules.md) on the fixtures of test/fixtures/rules-ledger.ts; every expected value
// is worked out by hand in the comments. Day counts to 2018-06-30: 03-01 → 121, 05-01 → 60, 02-01 → 149, 05-30 → 31,
// 05-31 → 30, 2017-11-01 → 241, 03-15 → 107.

const AS_OF = '2018-06-30';

async function run(db: Db, id: string, asOf = AS_OF, params: Record<string, number> = {}): Promise<RuleHit[]> {
  return evaluateRule(db, ruleById(id)!, asOf, params);
}
/** subject, unit, amount and severity of each hit, in the rule's order (by subject). */
const brief = (hits: RuleHit[]) => hits.map((h) => [h.subject_type, h.subject_id, h.unit_id, h.amount, h.severity]);
const ids = (hits: RuleHit[]) => hits.map((h) => h.subject_id);

describe('ALLOC_OVERDUE and NOT_ALLOCATED', () => {
  const ctx = useFixtureDb(ALLOCATION_FIXTURE);

  it('ALLOC_OVERDUE: what was not allocated within 30 days, allocated late or not yet', async () => {
    const hits = await run(ctx.db, 'ALLOC_OVERDUE');
    expect(brief(hits)).toEqual([
      // A1 allocated on day 30: on time. A2 allocated on day 31: all 100,000 late, all allocated now → blue.
      ['indicator', 'A2', 4, '100000.00', 'blue'],
      // A3: 150,000 on time, 50,000 unallocated, received 60 days ago → yellow.
      ['indicator', 'A3', 2, '50000.00', 'yellow'],
      // A4: 100,000 on time, 100,000 late (05-01), 100,000 unallocated (07-10 is after the 截止日期); 149 days → orange.
      ['indicator', 'A4', 4, '200000.00', 'orange'],
      // A6: day 31, nothing allocated (fund 128 → 农财所) → yellow. A5 is on its day 30: not yet due.
      ['indicator', 'A6', 4, '90000.00', 'yellow'],
      // A7: 241 days, nothing allocated; A8: 107 days, allocated only on 07-05 → both orange. A9 not yet received.
      ['indicator', 'A7', 2, '500000.00', 'orange'],
      ['indicator', 'A8', 4, '70000.00', 'orange'],
    ]);
    expect(hits.find((h) => h.subject_id === 'A4')!.evidence).toEqual({
      fund: '中央财政专项扶贫资金', received_date: '2018-02-01', indicator_amount: 300000, on_time: 100000, late: 100000,
      unallocated: 100000, days_held: 149, limit_days: 30,
    });
  });

  it('ALLOC_OVERDUE: a past 截止日期 does not see later allocations or indicators; the period is a setting', async () => {
    // 2018-04-14: A2 late (04-01) → blue; A4 72 days, 100,000 on time, 200,000 not yet allocated → yellow; A7 164
    // days → orange; A8 is on its day 30.
    expect(brief(await run(ctx.db, 'ALLOC_OVERDUE', '2018-04-14'))).toEqual([
      ['indicator', 'A2', 4, '100000.00', 'blue'],
      ['indicator', 'A4', 4, '200000.00', 'yellow'],
      ['indicator', 'A7', 2, '500000.00', 'orange'],
    ]);
    // 20 days: A1 (day 30) is late now and A5 (30 days old) is due.
    expect(ids(await run(ctx.db, 'ALLOC_OVERDUE', AS_OF, { days: 20 }))).toEqual(['A1', 'A2', 'A3', 'A4', 'A5', 'A6', 'A7', 'A8']);
  });

  it('NOT_ALLOCATED: received more than 30 days ago, nothing allocated by the 截止日期', async () => {
    expect(brief(await run(ctx.db, 'NOT_ALLOCATED'))).toEqual([
      ['indicator', 'A6', 4, '90000.00', 'yellow'], // 31 days
      ['indicator', 'A7', 2, '500000.00', 'red'], // 241 days > 180
      ['indicator', 'A8', 4, '70000.00', 'orange'], // 107 days > 90; its allocation (07-05) is after the 截止日期
    ]);
    // 2018-04-15: A8 is 31 days old; A7 165 days → orange; A6 not yet received.
    expect(brief(await run(ctx.db, 'NOT_ALLOCATED', '2018-04-15'))).toEqual([
      ['indicator', 'A7', 2, '500000.00', 'orange'],
      ['indicator', 'A8', 4, '70000.00', 'yellow'],
    ]);
    // After A8's allocation it is no longer unallocated.
    expect(ids(await run(ctx.db, 'NOT_ALLOCATED', '2018-07-31'))).toEqual(['A5', 'A6', 'A7']);
    expect(ids(await run(ctx.db, 'NOT_ALLOCATED', AS_OF, { days: 120 }))).toEqual(['A7']);
  });
});

describe('SPEND_LAG', () => {
  const ctx = useFixtureDb(SPEND_LAG_FIXTURE);

  it('funds, 股室, 部门 and 镇 more than 10 points behind 序时进度 (50 %), with the band as severity', async () => {
    const hits = await run(ctx.db, 'SPEND_LAG');
    expect(brief(hits)).toEqual([
      // fund 128: 20,000 / 200,000 = 10 % → −40 points (red); behind (0.5 − 0.1) × 200,000 = 80,000.
      ['fund', '128', 4, '80000.00', 'red'],
      // fund 43: 399,900 / 1,000,000 = 39.99 % → −10.01 (yellow); 0.1001 × 1,000,000 = 100,100. Fund 22 at 40 %,
      // −10.00, is not below −10.
      ['fund', '43', 2, '100100.00', 'yellow'],
      // 乙镇 spends fund 128's 200,000: −40 (red).
      ['unit', '102', 102, '80000.00', 'red'],
      // 教科文股 = fund 43.
      ['unit', '2', 2, '100100.00', 'yellow'],
      // 县水利局: 60,000 / 300,000 = 20 % → −30.00 (orange); 0.3 × 300,000 = 90,000.
      ['unit', '203', 203, '90000.00', 'orange'],
      // 农财所: funds 22 and 128, (400,000 + 20,000) / 1,200,000 = 35 % → −15 (yellow); 0.15 × 1,200,000 = 180,000.
      ['unit', '4', 4, '180000.00', 'yellow'],
      // Not: 甲镇 (200,000 + its body's 40,000) / 600,000 = 40 % (−16.67 without the body); 县教育局 160,000 /
      // 400,000 = 40 % (its 07-05 payment is after the 截止日期, its 2017 allocation not of the year); 县交通运输局
      // 339,900 / 700,000 = 48.6 %.
    ]);
    expect(hits[1].evidence).toEqual({
      kind: '资金', name: '中小学公用经费补助资金', total: 1000000, paid: 399900, spend_rate: 0.3999, time_progress: 0.5,
      gap_points: -10.01,
    });
  });

  it('the threshold is a setting', async () => {
    // −20: only the −40 and −30 lines.
    expect(ids(await run(ctx.db, 'SPEND_LAG', AS_OF, { gap: -20 }))).toEqual(['128', '102', '203']);
  });
});

describe('IDLE_FUNDS', () => {
  const ctx = useFixtureDb(IDLE_FIXTURE);

  it('balances with no payment for 90 days or more, one per (indicator, unit), keyed by the first allocation', async () => {
    const hits = await run(ctx.db, 'IDLE_FUNDS');
    expect(brief(hits)).toEqual([
      // I1 × 甲镇 (its body 111 included): 600,000 − 250,000 = 350,000, last paid 04-01 → 90 days (yellow); the pair's
      // first allocation is L2 (01-15, to the body).
      ['allocation', 'L2', 101, '350000.00', 'yellow'],
      // I3 × 甲镇: 200,000 left, last paid 2016-06-01 → 759 days (red).
      ['allocation', 'L4', 101, '200000.00', 'red'],
      // I4 × 乙镇: 180,000 left, last paid 2017-12-20 → 192 days (orange).
      ['allocation', 'L5', 102, '180000.00', 'orange'],
      // I1 × 乙镇: never paid, allocated 02-09 → 141 days (yellow). I2 × 县教育局 (L3) last paid 04-02: 89 days.
      ['allocation', 'L6', 102, '200000.00', 'yellow'],
    ]);
    expect(hits[1].evidence).toMatchObject({ indicator_id: 'I3', balance: 200000, idle_days: 759, reclaim: '收回统筹' });
    expect(hits[2].evidence).toMatchObject({ idle_days: 192, last_paid: '2017-12-20', reclaim: null });
  });

  it('a past 截止日期 does not see later payments; the days are a setting', async () => {
    // 2018-07-01: L3 is 90 days idle, its 07-05 payment not yet made: 300,000 − 100,000.
    expect(brief(await run(ctx.db, 'IDLE_FUNDS', '2018-07-01')).find((h) => h[1] === 'L3')).toEqual(
      ['allocation', 'L3', 201, '200000.00', 'yellow']);
    expect(ids(await run(ctx.db, 'IDLE_FUNDS', '2018-07-10'))).not.toContain('L3');
    expect(ids(await run(ctx.db, 'IDLE_FUNDS', AS_OF, { days: 89 }))).toEqual(['L2', 'L3', 'L4', 'L5', 'L6']);
  });
});

describe('OVER_INDICATOR', () => {
  const ctx = useFixtureDb(OVER_FIXTURE);

  it('payments beyond the indicator, by the 截止日期', async () => {
    // O1 paid exactly 100,000; O2 paid 100,000.01 (over on 05-02); O3's second payment is after the 截止日期.
    const hits = await run(ctx.db, 'OVER_INDICATOR');
    expect(brief(hits)).toEqual([['indicator', 'O2', 2, '0.01', 'red']]);
    expect(hits[0].evidence).toMatchObject({ indicator_amount: 100000, paid: 100000.01, excess: 0.01, over_date: '2018-05-02' });
    // 2018-07-31: O3 paid 60,000 of 50,000, over on 07-05.
    const later = await run(ctx.db, 'OVER_INDICATOR', '2018-07-31');
    expect(brief(later)).toEqual([['indicator', 'O2', 2, '0.01', 'red'], ['indicator', 'O3', 4, '10000.00', 'red']]);
    expect(later[1].evidence).toMatchObject({ over_date: '2018-07-05' });
  });
});

describe('YEAR_END_RUSH', () => {
  const ctx = useFixtureDb(RUSH_FIXTURE);

  it('December over 30 % of a finished year, per fund and per paying unit', async () => {
    const hits = await run(ctx.db, 'YEAR_END_RUSH');
    expect(brief(hits)).toEqual([
      // fund 43: 300,100 / 1,000,000 = 30.01 % (yellow). Fund 22 at exactly 30 % is not.
      ['fund', '43:2017', 2, '300100.00', 'yellow'],
      // 甲镇 with its body: 120,000 / 220,000 = 54.5 % (orange), payments without an indicator included.
      ['unit', '101:2017', 101, '120000.00', 'orange'],
      ['unit', '202:2017', 202, '300100.00', 'yellow'],
      // Not: 县水利局 and fund 128, 80,000 of 90,000 (under 100,000 元 in the year); 2018, not finished.
    ]);
    expect(hits[1].evidence).toEqual({ name: '甲镇', year: 2017, total: 220000, december: 120000, share: 120000 / 220000 });
  });

  it('the current year counts once its December is over; share and floor are settings', async () => {
    expect(ids(await run(ctx.db, 'YEAR_END_RUSH', '2018-12-30'))).toEqual(['43:2017', '101:2017', '202:2017']);
    // 2018-12-31: fund 22 and 县教育局 paid 200,000 of 400,000 in December 2018 (50 % → orange).
    expect(brief(await run(ctx.db, 'YEAR_END_RUSH', '2018-12-31')).filter((h) => String(h[1]).endsWith(':2018'))).toEqual([
      ['fund', '22:2018', 4, '200000.00', 'orange'],
      ['unit', '201:2018', 201, '200000.00', 'orange'],
    ]);
    expect(ids(await run(ctx.db, 'YEAR_END_RUSH', AS_OF, { share: 20 }))).toEqual(['22:2017', '43:2017', '101:2017', '201:2017', '202:2017']);
    expect(ids(await run(ctx.db, 'YEAR_END_RUSH', AS_OF, { min_total: 50000 }))).toEqual(['128:2017', '43:2017', '101:2017', '202:2017', '203:2017']);
  });
});

describe('project rules', () => {
  const ctx = useFixtureDb(PROJECT_FIXTURE);

  it('PROJECT_OVERDUE: past the planned end and not finished by the 截止日期', async () => {
    expect(brief(await run(ctx.db, 'PROJECT_OVERDUE'))).toEqual([
      // P1: 1 day late; 300,000 allocated − 100,000 paid; the implementing unit answers.
      ['project', 'P1', 201, '200000.00', 'yellow'],
      // P3: finished only on 07-15, 150 days late on 06-30; nothing allocated → planned 500,000; its town answers.
      ['project', 'P3', 101, '500000.00', 'orange'],
      // P5: still 入库 211 days after its planned end, its 100,000 all paid.
      ['project', 'P5', 101, '0.00', 'red'],
      // Not: P2 (ends on the 截止日期), P4 (验收, finished before its end).
    ]);
    // 2018-07-31: P3 is finished; P2 is 31 days late.
    expect(brief(await run(ctx.db, 'PROJECT_OVERDUE', '2018-07-31'))).toEqual([
      ['project', 'P1', 201, '200000.00', 'yellow'],
      ['project', 'P2', 102, '100000.00', 'yellow'],
      ['project', 'P5', 101, '0.00', 'red'],
    ]);
  });

  it('NO_PERF_TARGET: funded by the 截止日期, no targets', async () => {
    // P1: 300,000 allocated, 100,000 paid → orange. P6's allocation (07-10) comes later; P5 and P7 have targets.
    expect(brief(await run(ctx.db, 'NO_PERF_TARGET'))).toEqual([['project', 'P1', 201, '300000.00', 'orange']]);
    expect(brief(await run(ctx.db, 'NO_PERF_TARGET', '2018-07-31'))).toEqual([
      ['project', 'P1', 201, '300000.00', 'orange'],
      ['project', 'P6', 102, '50000.00', 'yellow'],
    ]);
  });

  it('PERF_DEVIATION: a target more than 20 points behind the project’s own time progress (50 %)', async () => {
    const hits = await run(ctx.db, 'PERF_DEVIATION');
    expect(brief(hits)).toEqual([
      // P7: 30 % is 20.00 points behind (not more), 29.99 % is 20.01 (yellow); 80,000 allocated.
      ['project', 'P7', 101, '80000.00', 'yellow'],
      // P8: an upper bound of 100 at 400 → 100 / 400 = 25 % → 25 points (yellow); the '=' target is reported later.
      ['project', 'P8', 202, '0.00', 'yellow'],
      // P9: 10 / 200 = 5 % → 45 points, over 2 × 20 (orange).
      ['project', 'P9', 101, '0.00', 'orange'],
    ]);
    expect(hits[0].evidence).toMatchObject({ target: '培训人次', completion: 0.2999, time_progress: 0.5, lag_points: 20.01, lagging_targets: 1 });
    expect(hits[1].evidence).toMatchObject({ target: '饲料成本', comparator: '<=', completion: 0.25, lag_points: 25 });
    // 2018-07-31: time progress 121 / 180 = 67.22 %. P8's '=' target (0 of 10) is known now: 67.22 points (red), its
    // worst of two; P9 62.22 (red); P7 37.23 and 37.22 (yellow, two lagging).
    const later = await run(ctx.db, 'PERF_DEVIATION', '2018-07-31');
    expect(brief(later).map((h) => h[4])).toEqual(['yellow', 'red', 'red']);
    expect(later[0].evidence).toMatchObject({ target: '培训人次', lag_points: 37.23, lagging_targets: 2 });
    expect(later[1].evidence).toMatchObject({ target: '存栏数', lag_points: 67.22, lagging_targets: 2 });
    expect(ids(await run(ctx.db, 'PERF_DEVIATION', AS_OF, { points: 30 }))).toEqual(['P9']);
  });
});

describe('on the demo county (20,000 payments, seed 3)', () => {
  let dir: string;
  let db: Db;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'fund-monitor-rules-ledger-'));
    const file = path.join(dir, 'demo.duckdb');
    await buildDemoFile(file, { payments: 20_000, year: 2018, seed: 3 });
    db = await Db.open(file, { readOnly: true });
  }, 120_000);
  afterAll(() => {
    db?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /**
   * The subject a rule reports for each planted case. The manifest names an idle allocation; the rule reports its
   * (indicator, unit) balance by the pair's first allocation. It names a rushed fund and the year in its note; the
   * rule's subject is `fund:year`.
   */
  const EXPECTED_SUBJECT: Record<string, string> = {
    IDLE_FUNDS: `SELECT 'allocation' AS subject_type, first(p.id ORDER BY p.alloc_date, p.id) AS subject_id
      FROM demo_manifest d
      JOIN allocations a ON a.id = d.subject_id JOIN measured_units() ma ON ma.id = a.unit_id
      JOIN allocations p ON p.indicator_id = a.indicator_id JOIN measured_units() mp ON mp.id = p.unit_id AND mp.measured_id = ma.measured_id
      WHERE d.rule_id = $rule GROUP BY d.subject_id`,
    YEAR_END_RUSH: `SELECT subject_type, subject_id || ':' || note AS subject_id FROM demo_manifest WHERE rule_id = $rule`,
  };
  const PLAIN = `SELECT subject_type, subject_id FROM demo_manifest WHERE rule_id = $rule`;

  it('finds every planted case of the ledger and project rules', async () => {
    const counts: Record<string, { hits: number; planted: number; extra: number }> = {};
    for (const rule of LEDGER_RULES) {
      const hits = await evaluateRule(db, rule, '2018-10-31');
      const found = new Set(hits.map((h) => `${h.subject_type} ${h.subject_id}`));
      const planted = await db.all<{ subject_type: string; subject_id: string }>(EXPECTED_SUBJECT[rule.id] ?? PLAIN, { rule: rule.id });
      expect(planted.length, rule.id).toBeGreaterThan(0);
      expect(planted.filter((p) => !found.has(`${p.subject_type} ${p.subject_id}`)), rule.id).toEqual([]);
      const plantedKeys = new Set(planted.map((p) => `${p.subject_type} ${p.subject_id}`));
      counts[rule.id] = { hits: hits.length, planted: plantedKeys.size, extra: [...found].filter((k) => !plantedKeys.has(k)).length };
    }
    console.table(counts);
  }, 120_000);
});
