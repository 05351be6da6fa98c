'use client';

import ReactEChartsCore from 'echarts-for-react/lib/core';
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import type { EChartsOption } from 'echarts';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export interface EChartProps {
  option: EChartsOption;
  /** Fixed height in px, so the page does not jump while the chart mounts. */
  height: number;
  /** What the chart shows, for screen readers. */
  label: string;
}

/** The one ECharts wrapper: draws an option with the SVG renderer (crisp when printed or exported). No data access. */
export function EChart({ option, height, label }: EChartProps) {
  return (
    <div role="img" aria-label={label} style={{ height }}>
      <ReactEChartsCore
        echarts={echarts}
        option={option}
        notMerge
        lazyUpdate
        opts={{ renderer: 'svg' }}
        style={{ height, width: '100%' }}
      />
    </div>
  );
}
