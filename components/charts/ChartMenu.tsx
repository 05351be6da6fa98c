'use client';

import { useEffect, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import * as echarts from 'echarts/core';
import type { EChartsOption } from 'echarts';
import { EXPORT_BACKGROUND, EXPORT_HEADER_HEIGHT, exportFileName, exportOption, type ChartCaption } from './options/exportOption';

type Format = 'png' | 'svg';
const FORMATS: Format[] = ['png', 'svg'];

/**
 * The export picture drawn by an offscreen instance as wide as the chart on screen, then disposed: the canvas renderer
 * for PNG at 2× (a canvas needs an element, kept out of sight), the SVG renderer's string for SVG. Both renderers are
 * registered in EChart.tsx.
 */
function picture(option: EChartsOption, width: number, height: number, format: Format): string {
  if (format === 'svg') {
    const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
    try {
      chart.setOption(option);
      return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(chart.renderToSVGString())}`;
    } finally {
      chart.dispose();
    }
  }
  const host = document.createElement('div');
  host.style.cssText = `position:fixed;left:-100000px;top:0;width:${width}px;height:${height}px`;
  document.body.append(host);
  const chart = echarts.init(host, null, { renderer: 'canvas', width, height });
  try {
    chart.setOption(option);
    return chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: EXPORT_BACKGROUND });
  } finally {
    chart.dispose();
    host.remove();
  }
}

function save(href: string, fileName: string) {
  const link = document.createElement('a');
  link.href = href;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
}

/**
 * The download menu at a chart's top right (下载PNG, 下载SVG): a button that opens a menu, arrow keys move between its
 * items, Escape closes it and gives the focus back; hidden in print.
 */
export function ChartMenu({ option, caption, chart }: { option: EChartsOption; caption: ChartCaption; chart: RefObject<HTMLDivElement | null> }) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const items = useRef<(HTMLButtonElement | null)[]>([]);

  useEffect(() => {
    if (!open) return;
    items.current[0]?.focus();
    const outside = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', outside);
    return () => document.removeEventListener('pointerdown', outside);
  }, [open]);

  const close = () => {
    setOpen(false);
    button.current?.focus();
  };

  const download = (format: Format) => {
    close();
    const element = chart.current;
    if (!element) return;
    save(picture(exportOption(option, caption), element.clientWidth, element.clientHeight + EXPORT_HEADER_HEIGHT, format), exportFileName(caption, format));
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (!open) return;
    if (e.key === 'Escape') {
      e.preventDefault();
      close();
    } else if (e.key === 'Tab') {
      setOpen(false);
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const at = items.current.findIndex((item) => item === document.activeElement);
      const next = (at + (e.key === 'ArrowDown' ? 1 : FORMATS.length - 1)) % FORMATS.length;
      items.current[next]?.focus();
    }
  };

  return (
    <div ref={root} className="absolute right-0 top-0 z-10 print:hidden" onKeyDown={onKeyDown}>
      <button
        ref={button}
        type="button"
        aria-label={`下载图表：${caption.title}`}
        title="下载图表"
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
        className="grid h-7 w-7 place-items-center rounded text-slate-500 hover:bg-slate-100 hover:text-slate-800"
        data-testid="chart-menu"
      >
        <svg aria-hidden="true" viewBox="0 0 16 16" className="h-4 w-4" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round">
          <path d="M8 2.5v7.5M4.75 6.75 8 10l3.25-3.25M2.5 12.5v1h11v-1" />
        </svg>
      </button>
      {open && (
        <div role="menu" aria-label={`下载图表：${caption.title}`} className="absolute right-0 mt-1 w-28 rounded-md border border-slate-200 bg-white py-1 text-sm shadow-md">
          {FORMATS.map((format, i) => (
            <button
              key={format}
              ref={(el) => { items.current[i] = el; }}
              type="button"
              role="menuitem"
              tabIndex={-1}
              onClick={() => download(format)}
              className="block w-full px-3 py-1.5 text-left text-slate-700 hover:bg-slate-100"
              data-testid={`chart-download-${format}`}
            >
              下载{format.toUpperCase()}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
