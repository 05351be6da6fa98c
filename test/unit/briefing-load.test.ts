import { describe, expect, it } from 'vitest';
import { loadBriefing } from '@/queries/briefing/load';
import { runView } from '@/queries/views/run';
import { EMPTY_VIEW_FILTER } from '@/lib/views/filter';
import { viewById } from '@/lib/views/registry';
import { renderChartSvg } from '@/lib/charts/ssr';
import { useFixtureDb } from '../helpers/fixture';
import { VIEWS_FIXTURE } from '../fixtures/views';

// The 通报's data (docs/briefing.md) on the views' hand-computed county (test/fixtures/views.ts), as of 2018-06-30.
describe('loadBriefing', () => {
  const ctx = useFixtureDb(VIEWS_FIXTURE);

  it('reads the headline and every ranking as the views give them, and says it in a briefing’s words', async () => {
    const b = await loadBriefing(ctx.db, 2018, '2018-06-30', { kind: 'county' });
    // 农财所 1,200,000 + 教科文股 500,000 = 1,700,000 received; 320,000.25 + 95,000 = 415,000.25 paid:
    // 415,000.25 / 1,700,000 = 24.41 %, against 序时进度 6/12 = 50 %: 25.59 points behind.
    expect(b.timeProgress).toBe(0.5);
    expect(b.summary[0]).toMatch(/^截至6月30日，全县扶贫资金共170.00万元，已支付41.50万元，支出进度为24.4%，序时进度为50.0%，低于序时进度25.6个百分点；/);
    for (const id of ['sections', 'towns', 'departments'] as const) {
      const { rows } = await runView(ctx.db, viewById(id)!, { filter: { ...EMPTY_VIEW_FILTER, year: 2018, asOf: '2018-06-30' }, sort: { key: 'rank', dir: 'asc' }, page: null }, { kind: 'all' });
      expect(b.rankings[id], id).toEqual(rows);
    }
    expect(b.rankings.towns.map((r) => r.name)).toEqual(['甲镇', '乙镇']);
  });

  it('gives the same hash for the same data, another after the data changed; a 股室 report has only its own lines', async () => {
    const first = await loadBriefing(ctx.db, 2018, '2018-06-30', { kind: 'county' });
    expect((await loadBriefing(ctx.db, 2018, '2018-06-30', { kind: 'county' })).dataHash).toBe(first.dataHash);
    const own = await loadBriefing(ctx.db, 2018, '2018-06-30', { kind: 'section', unitId: 4 });
    expect(own.scopeName).toBe('农财所');
    expect(own.rankings.sections.map((r) => r.name)).toEqual(['农财所']);
    expect(own.rankings.towns).toEqual([]);
    // 农财所: 320,000.25 of 1,200,000 = 26.7 %.
    expect(own.summary[0]).toContain('支出进度为26.7%');
    await ctx.db.run("UPDATE payments SET amount = amount + 1 WHERE voucher_no = (SELECT min(voucher_no) FROM payments)");
    await ctx.db.run('DELETE FROM payment_days');
    await ctx.db.run('INSERT INTO payment_days SELECT batch_id, indicator_id, unit_id, town_id, pay_date, sum(amount), count(*) FROM payments GROUP BY ALL');
    expect((await loadBriefing(ctx.db, 2018, '2018-06-30', { kind: 'county' })).dataHash).not.toBe(first.dataHash);
  });
});

describe('renderChartSvg', () => {
  it('draws an option on the server as an SVG document holding its labels', () => {
    const svg = renderChartSvg({ xAxis: { type: 'category', data: ['甲镇', '乙镇'] }, yAxis: { type: 'value' }, series: [{ type: 'bar', data: [3, 5] }] }, 400, 300);
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('甲镇');
    expect(svg).toContain('width="400"');
  });
});
