import type { EChartsOption } from 'echarts';
import { formatCount } from '@/lib/format';
import type { ViewRow } from '@/lib/views/types';
import { SERIES_COLORS } from '../theme';
import { baseOption, categoryAxisStyle, grid, legend, tooltipBase, valueAxisStyle } from './common';

export interface WarningWeeksChartData {
  /** each week's Monday, MM-DD */
  weeks: string[];
  found: number[];
  settled: number[];
}

/** 预警总览's weekly rows (queries/warnings/weekly.sql: week, found, settled), oldest week first. */
export function warningWeeksChartData(rows: ViewRow[]): WarningWeeksChartData {
  return {
    weeks: rows.map((r) => String(r.week)),
    found: rows.map((r) => Number(r.found)),
    settled: rows.map((r) => Number(r.settled)),
  };
}

export function warningWeeksTooltip(d: WarningWeeksChartData, index: number): string {
  return `<b>${d.weeks[index]} 当周</b><br/>新发现　${formatCount(d.found[index])}条<br/>已办结　${formatCount(d.settled[index])}条`;
}

/** How many warnings each week found and how many it settled (通过/销号 or 认定正常), side by side. */
export function warningWeeksChartOption(rows: ViewRow[]): EChartsOption {
  const d = warningWeeksChartData(rows);
  return {
    ...baseOption,
    color: [SERIES_COLORS.allocated, SERIES_COLORS.paid],
    legend: { ...legend, data: ['新发现', '已办结'] },
    tooltip: {
      ...tooltipBase,
      axisPointer: { type: 'shadow' },
      formatter: (params: unknown) => warningWeeksTooltip(d, ((Array.isArray(params) ? params[0] : params) as { dataIndex: number }).dataIndex),
    },
    grid: grid(),
    xAxis: { type: 'category', data: d.weeks, ...categoryAxisStyle },
    yAxis: { type: 'value', name: '条', minInterval: 1, ...valueAxisStyle },
    series: [
      { name: '新发现', type: 'bar', data: d.found, barMaxWidth: 24 },
      { name: '已办结', type: 'bar', data: d.settled, barMaxWidth: 24 },
    ],
  };
}
