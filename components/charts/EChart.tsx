'use client';

import { useRef } from 'react';
import ReactEChartsCore from 'echarts-for-react/lib/core';
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer, SVGRenderer } from 'echarts/renderers';
import type { EChartsOption } from 'echarts';
import { ChartMenu } from './ChartMenu';
import type { ChartCaption } from './options/exportOption';

// The title and the canvas renderer serve the downloads only (ChartMenu): the page draws with SVG and no title.
echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TitleComponent, TooltipComponent, SVGRenderer, CanvasRenderer]);

export interface EChartProps {
  option: EChartsOption;
  /** Fixed height in px, so the page does not jump while the chart mounts. */
  height: number;
  /** What the chart shows, for screen readers. */
  label: string;
  /** The title, 截止日期 and unit a downloaded picture carries (components/charts/options/exportOption.ts). */
  caption: ChartCaption;
}

/**
 * The one ECharts wrapper: draws an option with the SVG renderer (crisp when printed or exported), with its download
 * menu beside it (outside the role="img" element, whose children screen readers do not reach). No data access.
 */
export function EChart({ option, height, label, caption }: EChartProps) {
  const chart = useRef<HTMLDivElement>(null);
  return (
    <div className="relative">
      <div ref={chart} role="img" aria-label={label} style={{ height }} data-testid="chart-area">
        <ReactEChartsCore
          echarts={echarts}
          option={option}
          notMerge
          lazyUpdate
          opts={{ renderer: 'svg' }}
          style={{ height, width: '100%' }}
        />
      </div>
      <ChartMenu option={option} caption={caption} chart={chart} />
    </div>
  );
}
