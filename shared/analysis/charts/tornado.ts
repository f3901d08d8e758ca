import type { Tornado } from '../sensitivity.ts';
import type { ChartOption } from './types.ts';
import { AXIS_COLOUR, CHART_COLOURS, GRID } from './types.ts';

/** Most bars a tornado chart draws (the largest swings). */
export const TORNADO_LIMIT = 10;

/**
 * The echarts option of a tornado: for each component, the change of the metric from its base value when the
 * input moves down and when it moves up, largest swing at the top. Drawn as differences from the base so both
 * sides grow from one centre line; the base value is in the axis name.
 */
export function tornadoOption(tornado: Tornado, unit: string): ChartOption {
  const bars = tornado.bars.slice(0, TORNADO_LIMIT).reverse();
  const base = tornado.base ?? 0;
  return {
    animation: false,
    grid: GRID,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { data: ['Input down', 'Input up'], top: 0 },
    xAxis: {
      type: 'value',
      name: `change from ${formatBase(base, unit)}`,
      nameLocation: 'middle',
      nameGap: 24,
      axisLine: { lineStyle: { color: AXIS_COLOUR } },
    },
    yAxis: { type: 'category', data: bars.map((b) => b.name) },
    series: [
      {
        type: 'bar',
        name: 'Input down',
        stack: 'swing',
        data: bars.map((b) => b.low - base),
        itemStyle: { color: CHART_COLOURS.good },
      },
      {
        type: 'bar',
        name: 'Input up',
        stack: 'swing',
        data: bars.map((b) => b.high - base),
        itemStyle: { color: CHART_COLOURS.bad },
      },
    ],
  };
}

function formatBase(value: number, unit: string): string {
  return `${Number(value.toPrecision(6))} ${unit}`.trim();
}
