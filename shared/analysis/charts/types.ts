/*
 * Chart options as plain objects: the app feeds them to echarts' canvas renderer and a report can render the
 * same objects to SVG on the server. Nothing here imports echarts; colours are fixed so both look alike.
 */

/** An echarts option object (the subset these builders write). */
export type ChartOption = Record<string, unknown>;

export const CHART_COLOURS = {
  primary: '#4f7cff',
  secondary: '#9aa7c7',
  accent: '#f0a020',
  bad: '#e0483e',
  good: '#2e9e5b',
} as const;

export const AXIS_COLOUR = '#8a93a6';
export const GRID = { left: 56, right: 24, top: 28, bottom: 40, containLabel: true } as const;
