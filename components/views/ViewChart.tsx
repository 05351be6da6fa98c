'use client';

import { useMemo } from 'react';
import type { EChartsOption } from 'echarts';
import type { ViewChartKind, ViewRow } from '@/lib/views/types';
import { EChart } from '../charts/EChart';
import { idleBucketChartOption } from '../charts/options/idleBucketChart';
import { warningWeeksChartOption } from '../charts/options/warningWeeksChart';

/** The dates a view's chart may run to: the filter's 截止日期, or China's today. */
export interface ViewChartDates {
  asOf: string;
  today: string;
}

/**
 * Each chart kind a view may declare (ViewDef.chart): the option builder that draws it, the unit of its values, and
 * the date its rows run to, which its downloads carry — the weekly warnings count the twelve weeks up to today
 * (queries/warnings/weekly.sql), not up to the 截止日期.
 */
const CHARTS: Record<ViewChartKind, { option: (rows: ViewRow[]) => EChartsOption; unit: string; upTo: keyof ViewChartDates }> = {
  idle_buckets: { option: idleBucketChartOption, unit: '万元', upTo: 'asOf' },
  warning_weeks: { option: warningWeeksChartOption, unit: '条', upTo: 'today' },
};

/** A view's chart from its summary rows (queries/views/run.ts runViewChart); builds the option in the browser so
 * tooltips can format values. Its label is also the title of its downloads. */
export function ViewChart({ kind, rows, label, dates, height = 260 }: { kind: ViewChartKind; rows: ViewRow[]; label: string; dates: ViewChartDates; height?: number }) {
  const chart = CHARTS[kind];
  const option = useMemo(() => chart.option(rows), [chart, rows]);
  return <EChart option={option} height={height} label={label} caption={{ title: label, asOf: dates[chart.upTo], unit: chart.unit }} />;
}
