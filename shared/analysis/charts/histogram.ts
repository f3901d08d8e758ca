import type { LatencyHistogram } from '../latency/index.ts';
import type { ChartOption } from './types.ts';
import { AXIS_COLOUR, CHART_COLOURS, GRID } from './types.ts';

/** What the latency histogram marks on its time axis, ms; null leaves a mark out. */
export interface HistogramMarks {
  readonly p95Ms: number | null;
  readonly sloMs: number | null;
}

/**
 * The echarts option of a journey's latency histogram: share of requests per bin (%) against time (ms), with
 * the p95 and the p95 SLO as vertical lines. Bars stand at bin centres on a value axis so the lines fall at
 * their true times; the overflow beyond the last bin is said in the axis name, not drawn.
 */
export function latencyHistogramOption(histogram: LatencyHistogram, marks: HistogramMarks): ChartOption {
  const total = histogram.counts.reduce((a, b) => a + b, 0) + histogram.overflowCount;
  const width = histogram.binWidthMs;
  const data = histogram.counts.map((count, i) => [(i + 0.5) * width, total > 0 ? (100 * count) / total : 0]);
  const lines: Record<string, unknown>[] = [];
  if (marks.p95Ms !== null) {
    lines.push({
      name: `p95 ${roundMs(marks.p95Ms)} ms`,
      xAxis: marks.p95Ms,
      lineStyle: { color: CHART_COLOURS.accent, type: 'solid' },
    });
  }
  if (marks.sloMs !== null) {
    lines.push({
      name: `SLO ${roundMs(marks.sloMs)} ms`,
      xAxis: marks.sloMs,
      lineStyle: { color: CHART_COLOURS.bad, type: 'dashed' },
    });
  }
  const upper = Math.max(histogram.counts.length * width, marks.sloMs ?? 0, marks.p95Ms ?? 0);
  const overflow = total > 0 ? (100 * histogram.overflowCount) / total : 0;
  return {
    animation: false,
    grid: GRID,
    tooltip: { trigger: 'axis' },
    xAxis: {
      type: 'value',
      min: 0,
      max: Math.ceil(upper / width) * width,
      name: overflow > 0 ? `ms (${overflow.toFixed(2)} % beyond)` : 'ms',
      nameLocation: 'middle',
      nameGap: 24,
      axisLine: { lineStyle: { color: AXIS_COLOUR } },
    },
    yAxis: { type: 'value', name: '% of requests', axisLine: { lineStyle: { color: AXIS_COLOUR } } },
    series: [
      {
        type: 'bar',
        name: 'Requests',
        data,
        barWidth: '90%',
        itemStyle: { color: CHART_COLOURS.primary },
        markLine: {
          symbol: 'none',
          silent: true,
          label: { formatter: '{b}' },
          data: lines,
        },
      },
    ],
  };
}

function roundMs(ms: number): number {
  return ms >= 100 ? Math.round(ms) : Math.round(ms * 10) / 10;
}
