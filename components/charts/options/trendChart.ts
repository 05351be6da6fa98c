import type { EChartsOption } from 'echarts';
import type { MonthPoint } from '@/queries/overview';
import { formatMonth, formatPercent, rateToPercentNumber } from '@/lib/format';
import { SERIES_COLORS } from '../theme';
import { baseOption, categoryAxisStyle, grid, legend, tooltipBase, valueAxisStyle } from './common';

export interface TrendChartData {
  months: string[];
  /** Cumulative 支出进度 in % per month (null after the as-of date). */
  spendRate: (number | null)[];
  /** 序时进度 in % per month (null after the as-of date). */
  timeProgress: (number | null)[];
}

/** Twelve months 1月..12月; each month with a point gets its rates in % (one decimal). */
export function trendChartData(points: MonthPoint[]): TrendChartData {
  const byMonth = new Map(points.map((p) => [p.month, p]));
  const data: TrendChartData = { months: [], spendRate: [], timeProgress: [] };
  for (let month = 1; month <= 12; month++) {
    const p = byMonth.get(month);
    data.months.push(formatMonth(month));
    data.spendRate.push(p ? rateToPercentNumber(p.spend_rate) : null);
    data.timeProgress.push(p ? rateToPercentNumber(p.time_progress) : null);
  }
  return data;
}

const rateTooltip = { valueFormatter: (v: unknown) => (typeof v === 'number' ? formatPercent(v, 1) : '—') };

/** Cumulative 支出进度 (solid, shaded) against 序时进度 (dashed) by month, y axis in %. */
export function trendChartOption(points: MonthPoint[]): EChartsOption {
  const d = trendChartData(points);
  const max = Math.max(100, ...d.spendRate.map((v) => v ?? 0));
  return {
    ...baseOption,
    color: [SERIES_COLORS.paid, SERIES_COLORS.timeProgress],
    legend: { ...legend, data: ['支出进度（累计）', '序时进度'] },
    tooltip: { ...tooltipBase },
    grid: grid(),
    xAxis: { type: 'category', data: d.months, boundaryGap: false, ...categoryAxisStyle },
    yAxis: {
      type: 'value',
      min: 0,
      max: Math.ceil(max / 20) * 20,
      interval: 20,
      ...valueAxisStyle,
      axisLabel: { ...valueAxisStyle.axisLabel, formatter: (v: number) => formatPercent(v, 0) },
    },
    series: [
      {
        name: '支出进度（累计）',
        type: 'line',
        data: d.spendRate,
        symbol: 'circle',
        symbolSize: 6,
        lineStyle: { width: 2.5 },
        areaStyle: { opacity: 0.08 },
        tooltip: rateTooltip,
      },
      {
        name: '序时进度',
        type: 'line',
        data: d.timeProgress,
        symbol: 'none',
        lineStyle: { width: 1.5, type: 'dashed' },
        tooltip: rateTooltip,
      },
    ],
  };
}
