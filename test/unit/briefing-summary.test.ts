import { describe, expect, it } from 'vitest';
import { loadBriefing } from '@/queries/briefing/load';
import { briefingSummary } from '@/lib/briefing/summary';
import { useFixtureDb } from '../helpers/fixture';
import { BRIEFING_FIXTURE } from '../fixtures/briefing';

// The 通报's summary (lib/briefing/summary.ts) on the views' hand-computed county with six warnings (test/fixtures/briefing.ts),
// as of 2018-06-30: 序时进度 6/12 = 50 %, compared with 2018-05-31.
describe('briefingSummary', () => {
  const ctx = useFixtureDb(BRIEFING_FIXTURE);

  it('writes the county’s 通报 paragraph by paragraph, every number from the data', async () => {
    const b = await loadBriefing(ctx.db, 2018, '2018-06-30', { kind: 'county' });
    expect(b.summary).toEqual([
      // 415,000.25 / 1,700,000 = 24.41 %, 25.59 points behind 50 %. On 05-31 P5 (100,000, paid 06-30) was not yet paid:
      // 315,000.25 / 1,700,000 = 18.53 %; 24.412 − 18.529 = 5.88 points up.
      '截至6月30日，全县扶贫资金共170.00万元，已支付41.50万元，支出进度为24.4%，序时进度为50.0%，低于序时进度25.6个百分点；较5月31日（18.5%）提高5.9个百分点。',
      // central I1: (150,000 + 60,000.25) / 1,000,000 = 21.0 %, −29.0; province I2: 95,000 / 500,000 = 19.0 %, −31.0;
      // county I3: (100,000 + 10,000) / 200,000 = 55.0 %, +5.0.
      '分级次看，中央资金支出进度21.0%，低于序时进度29.0个百分点；省级资金支出进度19.0%，低于序时进度31.0个百分点；县级资金支出进度55.0%，高于序时进度5.0个百分点。中央、省级资金支出进度滞后于序时进度。',
      // 农财所 (I1 + I3): 320,000.25 / 1,200,000 = 26.7 %, −23.3 (orange, from −30 to −20); 教科文股 19.0 %, −31.0 (red, below −30).
      '各股室中，农财所支出进度最高（26.7%），教科文股最低（19.0%）；教科文股支出进度低于序时进度30个百分点以上，农财所支出进度低于序时进度20个百分点以上。',
      // 县农业农村局 110,000 / 150,000 = 73.3 % (green); 县教育局 95,000 / 300,000 = 31.7 %, −18.3 (yellow): behind, not orange.
      '各部门中，县农业农村局支出进度最高（73.3%），县教育局最低（31.7%）；县教育局支出进度低于序时进度。',
      // 甲镇 (A1 + A2, P1 + P2) 210,000.25 / 500,000 = 42.0 %; 乙镇 0 / 200,000 = 0.0 %, −50 (red).
      '各镇（中心）中，甲镇支出进度最高（42.0%），乙镇最低（0.0%）；乙镇支出进度低于序时进度30个百分点以上。',
      // 甲镇 I1: 500,000 − 210,000.25 = 289,999.75, last paid 04-01, 90 days; 乙镇 I1: 200,000 unpaid since 01-25;
      // 甲镇 I4 (2017): 80,000 − 5,000 = 75,000. Sum 564,999.75 = 56.50 万元.
      '闲置90天以上的滞留资金共3笔、56.50万元，其中最大一笔为甲镇的中央财政专项扶贫资金（指标I1）余额29.00万元，已滞留90天。',
      // 6 found, W5 dismissed: 5 open. Sent W1 W2 W3 W6 = 4; answered W2 W3: 2/4 = 50 %; rectified W2: 1/4 = 25 %;
      // overdue W1 (unanswered past 06-10) and W3 (answered 06-25 after 06-20) = 2; 乙镇 left W1 and W6 unanswered.
      '共发现预警6条，其中未办结5条；下发核实4条，已答复2条，处理率50.0%，已整改1条，整改率25.0%，逾期2条；未答复最多的是乙镇（2条）。',
    ]);
    expect(b.stalledTotal).toEqual({ count: 3, balance: '564999.75' });
  });

  it('writes a 股室’s own report without rankings of others', async () => {
    const own = await loadBriefing(ctx.db, 2018, '2018-06-30', { kind: 'section', unitId: 4 });
    // 农财所: I1 and I3. 320,000.25 / 1,200,000 = 26.7 %; on 05-31 220,000.25 / 1,200,000 = 18.3 %: 8.3 points up.
    expect(own.summary[0]).toBe('截至6月30日，农财所扶贫资金共120.00万元，已支付32.00万元，支出进度为26.7%，序时进度为50.0%，低于序时进度23.3个百分点；较5月31日（18.3%）提高8.3个百分点。');
    // No ranking paragraph: its one line ranks nothing.
    expect(own.summary.some((p) => p.startsWith('各'))).toBe(false);
    expect(own.summary[1]).toBe('分级次看，中央资金支出进度21.0%，低于序时进度29.0个百分点；县级资金支出进度55.0%，高于序时进度5.0个百分点。中央资金支出进度滞后于序时进度。');
  });

  it('says so when every level lags, or none', async () => {
    const b = await loadBriefing(ctx.db, 2018, '2018-06-30', { kind: 'county' });
    const withGap = (points: number) => briefingSummary({ ...b, levels: b.levels.map((l) => ({ ...l, gap_points: points })) })[1];
    expect(withGap(-1)).toMatch(/。各级次资金支出进度均滞后于序时进度。$/);
    expect(withGap(0)).toMatch(/。各级次资金支出进度均达到序时进度。$/);
  });

  it('says so when a year has no indicators', async () => {
    const empty = await loadBriefing(ctx.db, 2019, '2019-03-31', { kind: 'county' });
    expect(empty.summary).toEqual(['截至3月31日，全县2019年度尚无扶贫资金指标。']);
  });
});
