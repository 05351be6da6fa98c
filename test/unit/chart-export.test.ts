import { describe, expect, it } from 'vitest';
import type { EChartsOption } from 'echarts';
import { Resvg } from '@resvg/resvg-js';
import type { LevelRow } from '@/queries/overview';
import type { ViewRow } from '@/lib/views/types';
import { renderChartSvg } from '@/lib/charts/ssr';
import { levelChartOption } from '@/components/charts/options/levelChart';
import { idleBucketChartOption } from '@/components/charts/options/idleBucketChart';
import { EXPORT_HEADER_HEIGHT, exportFileName, exportOption, type ChartCaption } from '@/components/charts/options/exportOption';

const levels: LevelRow[] = [
  { level: 'central', total: '12345678.90', allocated: '10000000.00', paid: '6172839.45', alloc_rate: 0.81, spend_rate: 0.5, gap_points: -25, gap_amount: '-3086419.73' },
];
const buckets: ViewRow[] = [{ bucket: '90天以上', balances: 12, balance: '5400000.00' }];
const caption: ChartCaption = { title: '分级次资金执行', asOf: '2018-10-31', unit: '万元' };

type Titled = { title: { text: string; subtext: string }; grid: { top: number }; legend: { top: number } };

describe('exportOption', () => {
  it('writes the title, and the 截止日期 and unit under it', () => {
    const option = exportOption(levelChartOption(levels), caption) as unknown as Titled;
    expect(option.title.text).toBe('分级次资金执行');
    expect(option.title.subtext).toBe('截至 2018-10-31 · 单位：万元');
  });

  it('draws on white without animation, so the first frame is the finished picture', () => {
    const option = exportOption(levelChartOption(levels), caption);
    expect(option.backgroundColor).toBe('#ffffff');
    expect(option.animation).toBe(false);
  });

  it('moves the legend and the grid down by the header and leaves the data alone', () => {
    const chart = levelChartOption(levels);
    const option = exportOption(chart, caption) as unknown as Titled & EChartsOption;
    // grid(): top 44 on screen → 44 + 52 = 96; the legend at 0 → 52
    expect(EXPORT_HEADER_HEIGHT).toBe(52);
    expect(option.grid.top).toBe(96);
    expect(option.legend.top).toBe(52);
    expect(option.series).toBe(chart.series);
    // the chart on screen keeps its own layout
    expect((chart.grid as { top: number }).top).toBe(44);
  });

  it('adds no legend to a chart without one', () => {
    const option = exportOption(idleBucketChartOption(buckets), { ...caption, title: '滞留资金账龄分布' });
    // grid(36) → 36 + 52 = 88
    expect((option.grid as { top: number }).top).toBe(88);
    expect('legend' in option).toBe(false);
  });

  it('moves each of several grids, and refuses a top it cannot move', () => {
    const two = exportOption({ grid: [{ top: 10 }, { top: 200 }] }, caption);
    expect((two.grid as { top: number }[]).map((g) => g.top)).toEqual([62, 252]);
    expect(() => exportOption({ grid: { top: '10%' } }, caption)).toThrow(/top/);
  });

  it('renders as a well-formed SVG holding the title and the subtitle, twice as wide as PNG at 2×', () => {
    const svg = renderChartSvg(exportOption(levelChartOption(levels), caption), 640, 300 + EXPORT_HEADER_HEIGHT);
    expect(svg).toContain('>分级次资金执行</text>');
    expect(svg).toContain('>截至 2018-10-31 · 单位：万元</text>');
    // resvg parses the SVG as XML: a font family's double quotes inside style="…" would make it throw here
    const png = new Resvg(svg, { fitTo: { mode: 'zoom', value: 2 } }).render();
    // 640 × 352 px at 2× → 1280 × 704
    expect([png.width, png.height]).toEqual([1280, 704]);
  });
});

describe('exportFileName', () => {
  it('names the file after the title and the 截止日期', () => {
    expect(exportFileName({ title: '滞留资金账龄分布：各账龄段笔数与余额', asOf: '2018-10-31', unit: '万元' }, 'png'))
      .toBe('滞留资金账龄分布：各账龄段笔数与余额_2018-10-31.png');
  });

  it('replaces what a file name may not hold', () => {
    expect(exportFileName({ title: '支出/序时 "进度"', asOf: '2018-06-30', unit: '%' }, 'svg')).toBe('支出_序时 _进度__2018-06-30.svg');
  });
});
