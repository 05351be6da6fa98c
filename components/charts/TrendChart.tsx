'use client';

import { useMemo } from 'react';
import type { MonthPoint } from '@/queries/overview';
import { EChart } from './EChart';
import { trendChartOption } from './options/trendChart';

/** Cumulative 支出进度 against 序时进度 by month. */
export function TrendChart({ points, title, asOf, height = 300 }: { points: MonthPoint[]; title: string; asOf: string; height?: number }) {
  const option = useMemo(() => trendChartOption(points), [points]);
  return <EChart option={option} height={height} label="逐月累计支出进度与序时进度" caption={{ title, asOf, unit: '%' }} />;
}
