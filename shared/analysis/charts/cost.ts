import type { TrafficPoint } from '../cost/index.ts';
import type { ChartOption } from './types.ts';
import { AXIS_COLOUR, CHART_COLOURS, GRID } from './types.ts';

export interface BreakdownItem {
  readonly label: string;
  readonly monthlyUsd: number;
}

/** Most this chart draws; the rest are summed into "Other" so a large design stays readable. */
export const BREAKDOWN_LIMIT = 12;

/** Items most expensive first, the tail beyond `limit` − 1 folded into one "Other (n)" item. */
export function foldBreakdown(items: readonly BreakdownItem[], limit = BREAKDOWN_LIMIT): BreakdownItem[] {
  const sorted = [...items].filter((i) => i.monthlyUsd > 0).sort((a, b) => b.monthlyUsd - a.monthlyUsd);
  if (sorted.length <= limit) return sorted;
  const kept = sorted.slice(0, limit - 1);
  const rest = sorted.slice(limit - 1);
  const other = rest.reduce((sum, i) => sum + i.monthlyUsd, 0);
  return [...kept, { label: `Other (${rest.length})`, monthlyUsd: other }];
}

/** The echarts option of a monthly cost breakdown: horizontal bars, USD/month, most expensive at the top. */
export function costBreakdownOption(items: readonly BreakdownItem[]): ChartOption {
  const folded = foldBreakdown(items).reverse();
  return {
    animation: false,
    grid: GRID,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'value', name: 'USD / month', axisLine: { lineStyle: { color: AXIS_COLOUR } } },
    yAxis: { type: 'category', data: folded.map((i) => i.label) },
    series: [
      {
        type: 'bar',
        name: 'Monthly cost',
        data: folded.map((i) => Math.round(i.monthlyUsd * 100) / 100),
        itemStyle: { color: CHART_COLOURS.primary },
      },
    ],
  };
}

/**
 * The echarts option of the traffic curve: monthly total (left axis, USD) and cost per 1,000 inferences
 * (right axis, USD) against the traffic multiple on a log axis, with the chosen multiple marked.
 */
export function trafficCurveOption(curve: readonly TrafficPoint[], currentMultiplier: number): ChartOption {
  return {
    animation: false,
    grid: { ...GRID, right: 64 },
    tooltip: { trigger: 'axis' },
    legend: { data: ['Monthly total', 'Per 1k inferences'], top: 0 },
    xAxis: {
      type: 'log',
      logBase: 10,
      name: '× traffic',
      nameLocation: 'middle',
      nameGap: 24,
      axisLine: { lineStyle: { color: AXIS_COLOUR } },
    },
    yAxis: [
      { type: 'value', name: 'USD / month' },
      { type: 'value', name: 'USD / 1k', splitLine: { show: false } },
    ],
    series: [
      {
        type: 'line',
        name: 'Monthly total',
        data: curve.map((p) => [p.multiplier, p.monthlyUsd]),
        itemStyle: { color: CHART_COLOURS.primary },
        markLine: {
          symbol: 'none',
          silent: true,
          label: { formatter: `×${currentMultiplier}` },
          lineStyle: { color: CHART_COLOURS.accent },
          data: [{ xAxis: currentMultiplier }],
        },
      },
      {
        type: 'line',
        name: 'Per 1k inferences',
        yAxisIndex: 1,
        data: curve
          .filter((p) => p.per1kInferencesUsd !== null)
          .map((p) => [p.multiplier, p.per1kInferencesUsd]),
        itemStyle: { color: CHART_COLOURS.secondary },
      },
    ],
  };
}
