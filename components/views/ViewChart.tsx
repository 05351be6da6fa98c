'use client';

import { useMemo } from 'react';
import type { EChartsOption } from 'echarts';
import type { ViewChartKind, ViewRow } from '@/lib/views/types';
import { EChart } from '../charts/EChart';
import { idleBucketChartOption } from '../charts/options/idleBucketChart';
import { warningWeeksChartOption } from '../charts/options/warningWeeksChart';

/** Each chart kind a view may declare (ViewDef.chart) and the option builder that draws it. */
const OPTIONS: Record<ViewChartKind, (rows: ViewRow[]) => EChartsOption> = {
  idle_buckets: idleBucketChartOption,
  warning_weeks: warningWeeksChartOption,
};

/** A view's chart from its summary rows (queries/views/run.ts runViewChart); builds the option in the browser so
 * tooltips can format values. */
export function ViewChart({ kind, rows, label, height = 260 }: { kind: ViewChartKind; rows: ViewRow[]; label: string; height?: number }) {
  const option = useMemo(() => OPTIONS[kind](rows), [kind, rows]);
  return <EChart option={option} height={height} label={label} />;
}
