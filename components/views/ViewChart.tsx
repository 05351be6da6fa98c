'use client';

import { useMemo } from 'react';
import type { EChartsOption } from 'echarts';
import type { ViewChartKind, ViewRow } from '@/lib/views/types';
import { EChart } from '../charts/EChart';
import { idleBucketChartOption } from '../charts/options/idleBucketChart';
import { warningWeeksChartOption } from '../charts/options/warningWeeksChart';

/** Each chart kind a view may declare (ViewDef.chart), the option builder that draws it and the unit of its values. */
const CHARTS: Record<ViewChartKind, { option: (rows: ViewRow[]) => EChartsOption; unit: string }> = {
  idle_buckets: { option: idleBucketChartOption, unit: '万元' },
  warning_weeks: { option: warningWeeksChartOption, unit: '条' },
};

/** A view's chart from its summary rows (queries/views/run.ts runViewChart); builds the option in the browser so
 * tooltips can format values. Its label is also the title of its downloads. */
export function ViewChart({ kind, rows, label, asOf, height = 260 }: { kind: ViewChartKind; rows: ViewRow[]; label: string; asOf: string; height?: number }) {
  const option = useMemo(() => CHARTS[kind].option(rows), [kind, rows]);
  return <EChart option={option} height={height} label={label} caption={{ title: label, asOf, unit: CHARTS[kind].unit }} />;
}
