import { useEffect, useRef } from 'react';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';

import { CanvasRenderer } from 'echarts/renderers';
import type { ChartOption } from '../../../../shared/analysis/charts/index.ts';

// Only what the analysis charts draw; the canvas renderer sets no style attributes (the CSP forbids them).
echarts.use([
  BarChart,
  LineChart,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
  CanvasRenderer,
]);

interface EChartProps {
  readonly option: ChartOption;
  /** What the chart shows, for screen readers (the canvas itself says nothing). */
  readonly label: string;
  readonly className?: string;
}

/** Draws an option from shared/analysis/charts with echarts on a canvas; resizes with its box. */
export function EChart({ option, label, className }: EChartProps) {
  const boxRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<echarts.EChartsType | null>(null);

  useEffect(() => {
    const box = boxRef.current;
    if (!box) return;
    const chart = echarts.init(box, null, { renderer: 'canvas' });
    chartRef.current = chart;
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(box);
    return () => {
      observer.disconnect();
      chart.dispose();
      chartRef.current = null;
    };
  }, []);

  useEffect(() => {
    chartRef.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <div ref={boxRef} className={className ?? 'analysis-chart'} role="img" aria-label={label} />;
}
