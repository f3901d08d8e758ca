import { describe, expect, it } from 'vitest';
import {
  costBreakdownOption,
  foldBreakdown,
  latencyHistogramOption,
  tornadoOption,
  trafficCurveOption,
} from './index.ts';

interface Series {
  data: unknown[];
  markLine?: { data: { name?: string; xAxis: number }[] };
  stack?: string;
}
const seriesOf = (option: Record<string, unknown>) => option.series as Series[];

describe('latencyHistogramOption', () => {
  const histogram = { binWidthMs: 10, counts: [10, 30, 40, 10], overflowCount: 10 };

  it('draws each bin at its centre as a share of all requests, overflow included', () => {
    const [bars] = seriesOf(latencyHistogramOption(histogram, { p95Ms: null, sloMs: null }));
    // 100 requests in all: 10 %, 30 %, 40 %, 10 %, and 10 % beyond the last bin.
    expect(bars?.data).toEqual([
      [5, 10],
      [15, 30],
      [25, 40],
      [35, 10],
    ]);
    const option = latencyHistogramOption(histogram, { p95Ms: null, sloMs: null });
    expect((option.xAxis as { name: string }).name).toBe('ms (10.00 % beyond)');
  });

  it('marks the p95 and the SLO where they are, and stretches the axis to an SLO beyond the bins', () => {
    const option = latencyHistogramOption(histogram, { p95Ms: 33, sloMs: 55 });
    // Labels name the values rounded as the tables do: 97.44 reads 97.4.
    const rounded = seriesOf(latencyHistogramOption(histogram, { p95Ms: 97.44, sloMs: null }))[0];
    expect(rounded?.markLine?.data[0]?.name).toBe('p95 97.4 ms');
    const lines = seriesOf(option)[0]?.markLine?.data;
    expect(lines?.map((l) => [l.name, l.xAxis])).toEqual([
      ['p95 33 ms', 33],
      ['SLO 55 ms', 55],
    ]);
    expect((option.xAxis as { max: number }).max).toBe(60);
  });
});

describe('cost charts', () => {
  it('keeps the most expensive items and folds the rest into Other', () => {
    const items = Array.from({ length: 15 }, (_, i) => ({ label: `c${i}`, monthlyUsd: i }));
    const folded = foldBreakdown(items, 4);
    // c0 costs nothing and is left out; c14, c13, c12 kept; c1…c11 summed: 66.
    expect(folded).toEqual([
      { label: 'c14', monthlyUsd: 14 },
      { label: 'c13', monthlyUsd: 13 },
      { label: 'c12', monthlyUsd: 12 },
      { label: 'Other (11)', monthlyUsd: 66 },
    ]);
  });

  it('draws the breakdown most expensive at the top (echarts draws categories bottom-up)', () => {
    const option = costBreakdownOption([
      { label: 'a', monthlyUsd: 1.234 },
      { label: 'b', monthlyUsd: 5 },
    ]);
    expect((option.yAxis as { data: string[] }).data).toEqual(['a', 'b']);
    expect(seriesOf(option)[0]?.data).toEqual([1.23, 5]);
  });

  it('plots the traffic curve on both axes and marks the chosen multiple', () => {
    const curve = [
      { multiplier: 1, monthlyUsd: 100, fixedUsd: 50, variableUsd: 50, per1kInferencesUsd: 2 },
      { multiplier: 2, monthlyUsd: 150, fixedUsd: 50, variableUsd: 100, per1kInferencesUsd: 1.5 },
    ];
    const [total, per1k] = seriesOf(trafficCurveOption(curve, 2));
    expect(total?.data).toEqual([
      [1, 100],
      [2, 150],
    ]);
    expect(per1k?.data).toEqual([
      [1, 2],
      [2, 1.5],
    ]);
    expect(total?.markLine?.data).toEqual([{ xAxis: 2 }]);
  });
});

describe('tornadoOption', () => {
  it('draws both sides as changes from the base, largest swing on top', () => {
    const option = tornadoOption(
      {
        metric: 'monthly-cost',
        base: 1000,
        method: '',
        bars: [
          { componentId: 'a', name: 'A', input: '', low: 800, high: 1200 },
          { componentId: 'b', name: 'B', input: '', low: 990, high: 1010 },
        ],
      },
      'USD',
    );
    expect((option.yAxis as { data: string[] }).data).toEqual(['B', 'A']);
    const [down, up] = seriesOf(option);
    expect(down?.data).toEqual([-10, -200]);
    expect(up?.data).toEqual([10, 200]);
    expect(down?.stack).toBe(up?.stack);
    expect((option.xAxis as { name: string }).name).toBe('change from 1000 USD');
  });
});
