import type { EChartsOption } from 'echarts';
import { formatCount, formatNumber, yuanToWanNumber } from '@/lib/format';
import type { ViewRow } from '@/lib/views/types';
import { SERIES_COLORS } from '../theme';
import { baseOption, categoryAxisStyle, grid, tooltipBase, valueAxisStyle } from './common';

export interface IdleBucketChartData {
  buckets: string[];
  /** 滞留余额 per bucket in 万元 */
  balance: number[];
  /** how many balances per bucket */
  count: number[];
}

/** The 滞留资金 chart's rows (queries/views/stalled_buckets.sql: bucket, balances, balance in 元), oldest bucket last. */
export function idleBucketChartData(rows: ViewRow[]): IdleBucketChartData {
  return {
    buckets: rows.map((r) => String(r.bucket)),
    balance: rows.map((r) => yuanToWanNumber(String(r.balance))),
    count: rows.map((r) => Number(r.balances)),
  };
}

/** A bucket's label above its bar and its tooltip: how many balances. */
export const idleBucketLabel = (d: IdleBucketChartData, index: number) => `${formatCount(d.count[index])}笔`;

export function idleBucketTooltip(d: IdleBucketChartData, index: number): string {
  return `<b>${d.buckets[index]}</b><br/>滞留余额　${formatNumber(d.balance[index], 2)}万元<br/>${idleBucketLabel(d, index)}`;
}

/** 滞留资金 by aging bucket (docs/stalled-and-velocity.md): one bar of balance (万元) per bucket, its count above it. */
export function idleBucketChartOption(rows: ViewRow[]): EChartsOption {
  const d = idleBucketChartData(rows);
  return {
    ...baseOption,
    color: [SERIES_COLORS.paid],
    tooltip: {
      ...tooltipBase,
      axisPointer: { type: 'shadow' },
      formatter: (params: unknown) => idleBucketTooltip(d, ((Array.isArray(params) ? params[0] : params) as { dataIndex: number }).dataIndex),
    },
    grid: grid(36),
    xAxis: { type: 'category', data: d.buckets, ...categoryAxisStyle },
    yAxis: {
      type: 'value',
      name: '万元',
      ...valueAxisStyle,
      axisLabel: { ...valueAxisStyle.axisLabel, formatter: (v: number) => formatNumber(v, 0) },
    },
    series: [{
      name: '滞留余额',
      type: 'bar',
      data: d.balance,
      barMaxWidth: 48,
      label: { show: true, position: 'top', formatter: (p: { dataIndex: number }) => idleBucketLabel(d, p.dataIndex) },
    }],
  };
}
