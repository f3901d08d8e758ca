/* Chart options (plain echarts option objects) for the analysis views and the report. */
export { latencyHistogramOption } from './histogram.ts';
export type { HistogramMarks } from './histogram.ts';
export { BREAKDOWN_LIMIT, costBreakdownOption, foldBreakdown, trafficCurveOption } from './cost.ts';
export type { BreakdownItem } from './cost.ts';
export { TORNADO_LIMIT, tornadoOption } from './tornado.ts';
export type { ChartOption } from './types.ts';
