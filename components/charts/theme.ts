/**
 * Chart colours. Red, orange, yellow, blue and green belong to the gap bands (docs/measures.md), so the series
 * here use slate greys, navy and violet, which carry no judgement.
 */
/** Single-quoted names: ECharts' server-side SVG writes the list into a double-quoted style attribute unescaped, so
 * double quotes here would end the attribute and leave an SVG that no XML reader (Word, resvg) opens. */
export const CHART_FONT =
  "'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', system-ui, sans-serif";

export const SERIES_COLORS = {
  total: '#cbd5e1', // 指标 slate-300
  allocated: '#64748b', // 已分配 slate-500
  paid: '#1e3a5f', // 已支付 navy
  spendRate: '#6d28d9', // 支出进度 violet-700
  timeProgress: '#94a3b8', // 序时进度 slate-400, dashed
} as const;

export const AXIS_COLOR = '#64748b';
export const GRID_LINE_COLOR = '#e2e8f0';
export const TEXT_COLOR = '#334155';
