import type { EChartsOption } from 'echarts';
import type { LevelRow } from '@/queries/overview';
import { formatNumber, formatPercent, rateToPercentNumber, isZeroYuan, yuanToWanNumber } from '@/lib/format';
import { LEVEL_LABELS, LEVELS } from '@/components/labels';
import { AXIS_COLOR, SERIES_COLORS, TEXT_COLOR } from '../theme';
import { baseOption, categoryAxisStyle, grid, legend, tooltipBase, valueAxisStyle } from './common';

export interface LevelChartData {
  categories: string[];
  total: number[];
  allocated: number[];
  paid: number[];
  /** 支出进度 in % (one decimal); null where a level received nothing. */
  spendRate: (number | null)[];
}

/** The four 级次 in fixed order (a level without indicators shows zero bars and no rate), amounts in 万元. */
export function levelChartData(rows: LevelRow[]): LevelChartData {
  const byLevel = new Map(rows.filter((r) => r.level !== null).map((r) => [r.level, r]));
  const data: LevelChartData = { categories: [], total: [], allocated: [], paid: [], spendRate: [] };
  for (const level of LEVELS) {
    const found = byLevel.get(level);
    const row = found && !isZeroYuan(found.total) ? found : undefined;
    data.categories.push(LEVEL_LABELS[level]);
    data.total.push(row ? yuanToWanNumber(row.total) : 0);
    data.allocated.push(row ? yuanToWanNumber(row.allocated) : 0);
    data.paid.push(row ? yuanToWanNumber(row.paid) : 0);
    data.spendRate.push(row ? rateToPercentNumber(row.spend_rate) : null);
  }
  return data;
}

interface TooltipItem {
  dataIndex: number;
  marker?: unknown;
  seriesName?: string;
  value?: unknown;
}

/** Tooltip of one group: its three amounts in 万元 and its 支出进度. Labels are our own constants, so HTML is safe. */
export function levelTooltip(d: LevelChartData, items: TooltipItem[]): string {
  const index = items[0]?.dataIndex ?? 0;
  const rate = d.spendRate[index];
  const lines = items.map(
    (p) => `${typeof p.marker === 'string' ? p.marker : ''}${p.seriesName ?? ''}　${typeof p.value === 'number' ? formatNumber(p.value, 2) : '—'}万元`,
  );
  return [`<b>${d.categories[index]}</b>`, ...lines, `支出进度　${rate === null ? '—' : formatPercent(rate, 1)}`].join('<br/>');
}

/** The category label under each group: the 级次 and, on a second line, its 支出进度. */
export function levelAxisLabel(d: LevelChartData, index: number): string {
  const rate = d.spendRate[index];
  return `{name|${d.categories[index]}}\n{rate|${rate === null ? '—' : formatPercent(rate, 1)}}`;
}

/**
 * Grouped bars 指标总额/已分配/已支付 (万元) per 级次; each group's 支出进度 is written under it, so the chart has
 * one axis and nothing covers the bars.
 */
export function levelChartOption(rows: LevelRow[]): EChartsOption {
  const d = levelChartData(rows);
  return {
    ...baseOption,
    color: [SERIES_COLORS.total, SERIES_COLORS.allocated, SERIES_COLORS.paid],
    legend: { ...legend, data: ['指标总额', '已分配', '已支付'] },
    tooltip: {
      ...tooltipBase,
      axisPointer: { type: 'shadow' },
      formatter: (params: unknown) => levelTooltip(d, (Array.isArray(params) ? params : [params]) as TooltipItem[]),
    },
    grid: grid(),
    xAxis: {
      type: 'category',
      data: d.categories,
      ...categoryAxisStyle,
      axisLabel: {
        ...categoryAxisStyle.axisLabel,
        interval: 0,
        formatter: (_value: string, index: number) => levelAxisLabel(d, index),
        rich: {
          name: { fontSize: 13, color: TEXT_COLOR, fontWeight: 'bold', lineHeight: 20 },
          rate: { fontSize: 12, color: AXIS_COLOR, lineHeight: 18 },
        },
      },
    },
    yAxis: {
      type: 'value',
      name: '万元',
      minInterval: 1,
      ...valueAxisStyle,
      axisLabel: { ...valueAxisStyle.axisLabel, formatter: (v: number) => formatNumber(v, 0) },
    },
    series: [
      { name: '指标总额', type: 'bar', data: d.total, barMaxWidth: 28 },
      { name: '已分配', type: 'bar', data: d.allocated, barMaxWidth: 28 },
      { name: '已支付', type: 'bar', data: d.paid, barMaxWidth: 28 },
    ],
  };
}
