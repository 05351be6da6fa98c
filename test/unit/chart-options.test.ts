import { describe, expect, it } from 'vitest';
import type { LevelRow, MonthPoint } from '@/queries/overview';
import { levelChartData, levelChartOption, levelTooltip } from '@/components/charts/options/levelChart';
import { trendChartData, trendChartOption } from '@/components/charts/options/trendChart';
import { splitRanking } from '@/components/overview/ranking';
import type { ViewRow } from '@/lib/views/types';
import { warningWeeksChartData, warningWeeksChartOption, warningWeeksTooltip } from '@/components/charts/options/warningWeeksChart';

// Amounts in 元 as the database returns them; expected 万元 values computed by hand (÷ 10,000, two decimals).
const levels: LevelRow[] = [
  // province before central on purpose: the chart orders 中央, 省级, 市级, 县级 itself
  { level: 'province', total: '5000000.00', allocated: '2500000.00', paid: '1000000.00', alloc_rate: 0.5, spend_rate: 0.2, gap_points: -55, gap_amount: '-2750000.00' },
  { level: 'central', total: '12345678.90', allocated: '10000000.00', paid: '6172839.45', alloc_rate: 0.81, spend_rate: 0.5, gap_points: -25, gap_amount: '-3086419.73' },
  { level: 'county', total: '150.00', allocated: '0.00', paid: '49.99', alloc_rate: 0, spend_rate: 0.33326666, gap_points: -41.67, gap_amount: '-62.51' },
  { level: null, total: '17345828.90', allocated: '12500000.00', paid: '7172889.44', alloc_rate: 0.72, spend_rate: 0.41, gap_points: -34, gap_amount: '-5836482.23' },
];

describe('levelChartOption', () => {
  it('puts the four 级次 in order with amounts in 万元 and 支出进度 in %', () => {
    const d = levelChartData(levels);
    expect(d.categories).toEqual(['中央', '省级', '市级', '县级']);
    // 12,345,678.90 元 = 1,234.56789 万元 → 1234.57; 5,000,000 元 = 500 万元; 市级 has no row → 0; 150 元 → 0.02
    expect(d.total).toEqual([1234.57, 500, 0, 0.02]);
    expect(d.allocated).toEqual([1000, 250, 0, 0]);
    // 6,172,839.45 元 = 617.283945 万元 → 617.28; 49.99 元 = 0.004999 万元 → 0
    expect(d.paid).toEqual([617.28, 100, 0, 0]);
    // 0.5 → 50.0 %, 0.2 → 20.0 %, none for 市级, 0.33326666 → 33.3 %
    expect(d.spendRate).toEqual([50, 20, null, 33.3]);
  });

  it('builds three bar series in 万元 and writes each 支出进度 under its group', () => {
    const option = levelChartOption(levels);
    const series = option.series as { name: string; type: string; data: unknown[] }[];
    expect(series.map((s) => [s.name, s.type])).toEqual([
      ['指标总额', 'bar'],
      ['已分配', 'bar'],
      ['已支付', 'bar'],
    ]);
    expect(series[0].data).toEqual([1234.57, 500, 0, 0.02]);
    expect(series[2].data).toEqual([617.28, 100, 0, 0]);
    const xAxis = option.xAxis as { data: string[]; axisLabel: { formatter: (v: string, i: number) => string } };
    expect(xAxis.data).toEqual(['中央', '省级', '市级', '县级']);
    expect(xAxis.axisLabel.formatter('中央', 0)).toBe('{name|中央}\n{rate|50.0%}');
    expect(xAxis.axisLabel.formatter('市级', 2)).toBe('{name|市级}\n{rate|—}');
    expect(xAxis.axisLabel.formatter('县级', 3)).toBe('{name|县级}\n{rate|33.3%}');
  });

  it('writes a tooltip with the amounts in 万元 and the 支出进度', () => {
    const d = levelChartData(levels);
    const html = levelTooltip(d, [
      { dataIndex: 0, seriesName: '指标总额', value: 1234.57 },
      { dataIndex: 0, seriesName: '已支付', value: 617.28 },
    ]);
    expect(html).toBe('<b>中央</b><br/>指标总额　1,234.57万元<br/>已支付　617.28万元<br/>支出进度　50.0%');
  });
});

describe('trendChartOption', () => {
  const points: MonthPoint[] = [
    { month: 1, month_end: '2018-01-31', total: '1000000.00', paid: '0.00', spend_rate: 0, time_progress: 1 / 12 },
    { month: 2, month_end: '2018-02-28', total: '2000000.00', paid: '250000.00', spend_rate: 0.125, time_progress: 2 / 12 },
    { month: 3, month_end: '2018-03-15', total: '2000000.00', paid: '1234567.00', spend_rate: 0.6172835, time_progress: 3 / 12 },
  ];

  it('spans 1月..12月 with rates in % up to the as-of month', () => {
    const d = trendChartData(points);
    expect(d.months).toEqual(['1月', '2月', '3月', '4月', '5月', '6月', '7月', '8月', '9月', '10月', '11月', '12月']);
    // 0 → 0.0; 0.125 → 12.5; 0.6172835 → 61.7
    expect(d.spendRate).toEqual([0, 12.5, 61.7, null, null, null, null, null, null, null, null, null]);
    // 1/12 = 8.33… → 8.3; 2/12 = 16.66… → 16.7; 3/12 = 25.0
    expect(d.timeProgress).toEqual([8.3, 16.7, 25, null, null, null, null, null, null, null, null, null]);
  });

  it('draws 支出进度 and 序时进度 as two lines on a % axis', () => {
    const option = trendChartOption(points);
    const series = option.series as { name: string; type: string; data: unknown[] }[];
    expect(series.map((s) => s.name)).toEqual(['支出进度（累计）', '序时进度']);
    expect(series.every((s) => s.type === 'line')).toBe(true);
    expect(series[0].data.slice(0, 3)).toEqual([0, 12.5, 61.7]);
    expect(series[1].data.slice(0, 3)).toEqual([8.3, 16.7, 25]);
    expect((option.yAxis as { max: number }).max).toBe(100);
  });

  it('raises the axis above 100% when spending exceeds the budget', () => {
    const over = trendChartOption([{ ...points[0], spend_rate: 1.234 }]);
    // 123.4 % → next multiple of 20 = 140
    expect((over.yAxis as { max: number }).max).toBe(140);
  });
});

describe('splitRanking', () => {
  // A view's lines arrive ranked and sorted by its SQL; the overview only splits them.
  const line = (id: number): ViewRow => ({ id, name: `单位${id}`, rank: id });

  it('lists up to ten lines once, in the view\'s order', () => {
    const r = splitRanking([line(1), line(2), line(3)]);
    expect(r).toEqual({ kind: 'all', rows: [line(1), line(2), line(3)] });
  });

  it('splits more than ten into the five best and the five worst (worst first)', () => {
    const rows = Array.from({ length: 12 }, (_, i) => line(i + 1)); // line 1 best, line 12 worst
    const r = splitRanking(rows);
    expect(r.kind).toBe('split');
    if (r.kind === 'split') {
      expect(r.best.map((x) => x.id)).toEqual([1, 2, 3, 4, 5]);
      expect(r.worst.map((x) => x.id)).toEqual([12, 11, 10, 9, 8]);
      expect(r.count).toBe(12);
      // The lines between the best and the worst five stay reachable (展开全部).
      expect(r.all.map((x) => x.id)).toEqual(rows.map((x) => x.id));
    }
  });
});

describe('levelChartOption with nothing received yet', () => {
  it('treats the NULL sums of an empty grand total as zero', () => {
    const empty = [{ level: null, total: null, allocated: null, paid: null, alloc_rate: 0, spend_rate: 0, gap_points: 0, gap_amount: null }] as unknown as LevelRow[];
    const d = levelChartData(empty);
    expect(d.total).toEqual([0, 0, 0, 0]);
    expect(d.spendRate).toEqual([null, null, null, null]);
  });
});

describe('warningWeeksChartOption', () => {
  const rows: ViewRow[] = [
    { week: '11-23', found: 0, settled: 0 },
    { week: '11-30', found: 2487, settled: 1 },
  ];

  it('draws each week\'s found and settled warnings side by side, oldest week first', () => {
    const option = warningWeeksChartOption(rows) as { xAxis: { data: string[] }; series: { name: string; data: number[] }[] };
    expect(option.xAxis.data).toEqual(['11-23', '11-30']);
    expect(option.series.map((s) => [s.name, s.data])).toEqual([['新发现', [0, 2487]], ['已办结', [0, 1]]]);
  });

  it('says the week and both counts in the tooltip', () => {
    expect(warningWeeksTooltip(warningWeeksChartData(rows), 1)).toBe('<b>11-30 当周</b><br/>新发现　2,487条<br/>已办结　1条');
  });
});
