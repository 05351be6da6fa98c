import { describe, expect, it } from 'vitest';
import { EMPTY_VIEW_FILTER } from '@/lib/views/filter';
import { viewById } from '@/lib/views/registry';
import { runView, runViewChart, type ViewQuery } from '@/queries/views/run';
import { useFixtureDb } from '../helpers/fixture';

// 逾期 counts from China's today, passed as $today, and an answer counts on its day in China; timestamps are stored in
// UTC (China = UTC + 8 h). Today is 2018-06-05 in China. Four doubts sent to 甲镇 (101):
//   W1 deadline 06-04, unanswered: yesterday in China → 逾期 (it would be "today" by a UTC clock at 20:00 on 06-04)
//   W2 deadline 06-05, unanswered: due today → not 逾期
//   W3 deadline 06-04, answered 06-04 17:00 UTC = 06-05 01:00 China → answered late, 逾期
//   W4 deadline 06-04, answered 06-04 15:00 UTC = 06-04 23:00 China → on time
// First found: W1 at 06-03 17:00 UTC = Monday 06-04 01:00 China (the week of 06-04), the others on 05-30 (week of 05-28).
const FIXTURE = `
INSERT INTO units (id, kind, name) VALUES (101, 'town', '甲镇');
INSERT INTO warnings (id, rule_id, key, subject_type, subject_id, unit_id, amount, severity, status, assigned_unit_id, deadline, first_seen, last_seen) VALUES
  (1, 'BAD_MEMO', 'BAD_MEMO:payment:P1', 'payment', 'P1', 101, 10.00, 'blue', 'sent', 101, '2018-06-04', '2018-06-03 17:00:00', '2018-06-03 17:00:00'),
  (2, 'BAD_MEMO', 'BAD_MEMO:payment:P2', 'payment', 'P2', 101, 10.00, 'blue', 'sent', 101, '2018-06-05', '2018-05-30 00:00:00', '2018-05-30 00:00:00'),
  (3, 'BAD_MEMO', 'BAD_MEMO:payment:P3', 'payment', 'P3', 101, 10.00, 'blue', 'verified', 101, '2018-06-04', '2018-05-30 00:00:00', '2018-05-30 00:00:00'),
  (4, 'BAD_MEMO', 'BAD_MEMO:payment:P4', 'payment', 'P4', 101, 10.00, 'blue', 'verified', 101, '2018-06-04', '2018-05-30 00:00:00', '2018-05-30 00:00:00');
INSERT INTO warning_events (warning_id, actor, action, from_status, to_status, happened_at) VALUES
  (3, 'town', 'verify', 'sent', 'verified', '2018-06-04 17:00:00'),
  (4, 'town', 'verify', 'sent', 'verified', '2018-06-04 15:00:00')
`;

const query = (view: string, today: string): ViewQuery => ({
  filter: { ...EMPTY_VIEW_FILTER, year: 2018, asOf: '2018-10-31' }, sort: viewById(view)!.defaultSort, page: null, today,
});

describe("逾期 and the weekly trend count China's days ($today, queries/warnings/*.sql)", () => {
  const ctx = useFixtureDb(FIXTURE);

  it('预警列表: a deadline of yesterday in China is 逾期, one of today is not, an answer counts on its China day', async () => {
    const { rows } = await runView(ctx.db, viewById('warnings')!, query('warnings', '2018-06-05'), { kind: 'all' });
    const overdue = Object.fromEntries(rows.map((r) => [Number(r.id), r.overdue]));
    expect(overdue).toEqual({ 1: '逾期', 2: null, 3: '逾期', 4: null });
    // The day first found is China's too.
    expect(rows.find((r) => Number(r.id) === 1)?.first_seen).toBe('2018-06-04');
    // A day earlier (06-04 in China) W1 is due today: not yet 逾期.
    const before = await runView(ctx.db, viewById('warnings')!, query('warnings', '2018-06-04'), { kind: 'all' });
    expect(before.rows.find((r) => Number(r.id) === 1)?.overdue).toBeNull();
  });

  it('预警总览 by unit: 逾期 = W1 + W3 = 2 of 4 sent; 2 answered', async () => {
    const { rows } = await runView(ctx.db, viewById('warnings_by_unit')!, query('warnings_by_unit', '2018-06-05'), { kind: 'all' });
    expect(rows.map((r) => [r.name, r.sent, r.answered, r.overdue])).toEqual([['甲镇', 4, 2, 2]]);
  });

  it("the weekly chart ends at China's week of $today, with W1 found in it", async () => {
    const weeks = await runViewChart(ctx.db, viewById('warnings_by_rule')!, query('warnings_by_rule', '2018-06-05'), { kind: 'all' });
    expect(weeks).toHaveLength(12);
    // 2018-06-05 is a Tuesday: its week begins Monday 06-04; the week before, 05-28, holds W2–W4.
    expect(weeks.slice(-2)).toEqual([{ week: '05-28', found: 3, settled: 0 }, { week: '06-04', found: 1, settled: 0 }]);
  });
});
