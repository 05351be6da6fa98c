import { AXIS_COLOR, CHART_FONT, GRID_LINE_COLOR, TEXT_COLOR } from '../theme';

/** Shared pieces of every chart option: font, grid that keeps axis labels and names inside, quiet axes. */
export const baseOption = {
  animation: false,
  textStyle: { fontFamily: CHART_FONT, color: TEXT_COLOR, fontSize: 12 },
} as const;

export function grid(top = 44) {
  return { left: 8, right: 8, top, bottom: 4, outerBoundsMode: 'same', outerBoundsContain: 'all' } as const;
}

export const valueAxisStyle = {
  axisLine: { show: false },
  axisTick: { show: false },
  axisLabel: { color: AXIS_COLOR },
  nameTextStyle: { color: AXIS_COLOR, align: 'left' },
  splitLine: { lineStyle: { color: GRID_LINE_COLOR } },
} as const;

export const categoryAxisStyle = {
  axisLine: { lineStyle: { color: GRID_LINE_COLOR } },
  axisTick: { show: false },
  axisLabel: { color: TEXT_COLOR },
} as const;

export const legend = {
  top: 0,
  left: 0,
  itemWidth: 14,
  itemHeight: 8,
  textStyle: { color: TEXT_COLOR },
} as const;

export const tooltipBase = {
  trigger: 'axis',
  confine: true,
  textStyle: { fontFamily: CHART_FONT, fontSize: 12 },
} as const;
