'use client';

import { useMemo } from 'react';
import type { LevelRow } from '@/queries/overview';
import { EChart } from './EChart';
import { levelChartOption } from './options/levelChart';

/** 指标/已分配/已支付 by 级次 with 支出进度; builds its option in the browser so tooltips can format values. */
export function LevelChart({ rows, title, asOf, height = 300 }: { rows: LevelRow[]; title: string; asOf: string; height?: number }) {
  const option = useMemo(() => levelChartOption(rows), [rows]);
  return <EChart option={option} height={height} label="分级次指标、分配、支付金额与支出进度" caption={{ title, asOf, unit: '万元' }} />;
}
