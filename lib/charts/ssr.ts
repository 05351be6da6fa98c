import * as echarts from 'echarts';
import type { EChartsOption } from 'echarts';

/**
 * An ECharts option drawn on the server as an SVG document (ECharts' server-side rendering), for what leaves the browser:
 * the 通报's PDF and .docx, and a chart's SVG download. Animation is off: the first frame is the finished chart.
 */
export function renderChartSvg(option: EChartsOption, width: number, height: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ ...option, animation: false });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
