import type { EChartsOption } from 'echarts';
import { formatDate } from '@/lib/format';
import { AXIS_COLOR, CHART_FONT } from '../theme';

/** What a downloaded chart says about itself: on the page the card around it says so, in a file nothing else does. */
export interface ChartCaption {
  title: string;
  /** 截止日期, YYYY-MM-DD */
  asOf: string;
  /** the unit of the chart's values: 万元, %, 条 */
  unit: string;
}

/** Height added above the chart for the title (15 px) and its subtitle (12 px), their gap and padding. */
export const EXPORT_HEADER_HEIGHT = 52;

export const EXPORT_BACKGROUND = '#ffffff';

/** The line under the title: 截至 2018-10-31 · 单位：万元. */
export function exportSubtitle(caption: ChartCaption): string {
  return `截至 ${formatDate(caption.asOf)} · 单位：${caption.unit}`;
}

/** `<title>_<截止日期>.png|svg`, without the characters Windows refuses in a file name. */
export function exportFileName(caption: ChartCaption, ext: 'png' | 'svg'): string {
  return `${caption.title.replace(/[\\/:*?"<>|]/g, '_')}_${formatDate(caption.asOf)}.${ext}`;
}

interface Positioned {
  top?: unknown;
}

/** Moves a component (or each of a list) down by the header; our options place legend and grid at a number of px
 * (components/charts/options/common.ts), and any other top could not be moved without overlapping the title. */
function lowered<T extends Positioned>(component: T | T[]): T | T[] {
  if (Array.isArray(component)) return component.map((c) => lowered(c) as T);
  if (typeof component.top !== 'number') throw new Error(`图表导出需要以像素给出的 top，实为 ${String(component.top)}`);
  return { ...component, top: component.top + EXPORT_HEADER_HEIGHT };
}

/**
 * The picture a chart downloads as (PNG and SVG alike): the chart's own option with its title and 截止日期 · unit above
 * it, on white, everything else moved down by the header, and no animation so the first frame is the finished chart.
 * Draw it EXPORT_HEADER_HEIGHT px taller than the chart on screen.
 */
export function exportOption(option: EChartsOption, caption: ChartCaption): EChartsOption {
  return {
    ...option,
    animation: false,
    backgroundColor: EXPORT_BACKGROUND,
    title: {
      text: caption.title,
      subtext: exportSubtitle(caption),
      left: 0,
      top: 0,
      itemGap: 6,
      textStyle: { fontFamily: CHART_FONT, fontSize: 15, fontWeight: 'bold', color: '#0f172a' },
      subtextStyle: { fontFamily: CHART_FONT, fontSize: 12, color: AXIS_COLOR },
    },
    ...(option.grid && { grid: lowered(option.grid) }),
    ...(option.legend && { legend: lowered(option.legend) }),
  };
}
