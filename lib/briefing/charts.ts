import type { EChartsOption } from 'echarts';
import { levelChartOption } from '@/components/charts/options/levelChart';
import { trendChartOption } from '@/components/charts/options/trendChart';
import { renderChartSvg } from '@/lib/charts/ssr';
import type { Briefing } from './types';

/** A 通报 chart drawn on the server: its caption and its SVG at its size in CSS pixels. */
export interface BriefingChart {
  title: string;
  svg: string;
  width: number;
  height: number;
}

/** The charts' size in CSS pixels: about an A4 text column (16 cm) at 96 dpi, on the page, in the PDF and in Word. */
const WIDTH = 640;
const HEIGHT = 280;

const chart = (title: string, option: EChartsOption): BriefingChart => ({ title, svg: renderChartSvg(option, WIDTH, HEIGHT), width: WIDTH, height: HEIGHT });

/**
 * The 通报's charts (docs/briefing.md), from the same option builders as the dashboards' (components/charts/options/):
 * 支出进度 by 级次 and the year's curve against 序时进度. The page, the PDF and the .docx draw these alike.
 */
export function briefingCharts(b: Briefing): BriefingChart[] {
  return [
    chart('各级次指标、分配与支付（万元）及支出进度', levelChartOption(b.levels)),
    chart('全年累计支出进度与序时进度', trendChartOption(b.monthly)),
  ];
}
