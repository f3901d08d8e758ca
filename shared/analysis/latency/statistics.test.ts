import { describe, expect, it } from 'vitest';
import {
  histogramOf,
  meanOf,
  percentileInterval,
  percentileOfSorted,
  roundUpToNiceStep,
  sortedTimes,
} from './statistics.ts';

const oneToHundred = Float64Array.from({ length: 100 }, (_, i) => i + 1);

describe('order statistics', () => {
  it('sorts non-negative times like Float64Array.prototype.sort, ties, zeros and huge values included', () => {
    let state = 7;
    const next = (): number => {
      state = (state * 1103515245 + 12345) % 2147483648;
      return state / 2147483648;
    };
    const values = Float64Array.from({ length: 50_000 }, (_, i) =>
      i % 10 === 0 ? 0 : i % 7 === 0 ? 42 : i % 1000 === 1 ? 1e300 * next() : Math.exp(next() * 12) * 1e-3,
    );
    const copy = values.slice();
    expect(sortedTimes(values)).toEqual(values.slice().sort());
    expect(values).toEqual(copy); // the input is left as it was
    expect(sortedTimes(Float64Array.of(3, 3, 3))).toEqual(Float64Array.of(3, 3, 3));
    expect(sortedTimes(new Float64Array(0))).toEqual(new Float64Array(0));
  });

  it('takes nearest-rank percentiles: rank ⌈qN⌉', () => {
    expect(percentileOfSorted(oneToHundred, 0.5)).toBe(50);
    expect(percentileOfSorted(oneToHundred, 0.95)).toBe(95);
    expect(percentileOfSorted(oneToHundred, 0.999)).toBe(100);
    expect(percentileOfSorted(Float64Array.of(7), 0.99)).toBe(7);
  });

  it('bounds a percentile by the binomial ranks N·q ∓ 1.96·√(N·q·(1−q))', () => {
    // N = 100, q = 0.5: 50 ∓ 1.96·5 = 40.2 … 59.8 → ranks 40 and 60.
    expect(percentileInterval(oneToHundred, 0.5)).toEqual({ lowMs: 40, highMs: 60 });
    // q = 0.95: 95 ∓ 1.96·√4.75 = 95 ∓ 4.27 → ranks 90 and 100.
    expect(percentileInterval(oneToHundred, 0.95)).toEqual({ lowMs: 90, highMs: 100 });
    // q = 0.99: 99 ∓ 1.95 → ranks 97 and 101, clamped to 100.
    expect(percentileInterval(oneToHundred, 0.99)).toEqual({ lowMs: 97, highMs: 100 });
  });

  it('averages without losing small values next to large ones', () => {
    expect(meanOf(oneToHundred)).toBe(50.5);
    const values = new Float64Array(1_000_001).fill(0.1);
    values[0] = 1e9;
    expect(meanOf(values)).toBeCloseTo((1e9 + 100_000) / 1_000_001, 9);
  });
});

describe('histogramOf', () => {
  it('rounds bin widths to 1, 2, 2.5 or 5 × 10ᵏ', () => {
    expect(roundUpToNiceStep(0.3)).toBeCloseTo(0.5, 12);
    expect(roundUpToNiceStep(2.2)).toBe(2.5);
    expect(roundUpToNiceStep(25)).toBe(25);
    expect(roundUpToNiceStep(26)).toBe(50);
    expect(roundUpToNiceStep(30)).toBe(50);
    expect(roundUpToNiceStep(51)).toBe(100);
    expect(roundUpToNiceStep(100)).toBe(100);
  });

  it('bins from 0 up to about the given upper bound and counts the rest as overflow', () => {
    // Upper 100 ms → 100 / 40 = 2.5 ms bins; 40 of them cover [0, 100), so 100 itself overflows.
    const histogram = histogramOf(oneToHundred, 100);
    expect(histogram.binWidthMs).toBe(2.5);
    expect(histogram.counts).toHaveLength(40);
    expect(histogram.counts[0]).toBe(2); // 1, 2
    expect(histogram.counts[1]).toBe(2); // 3, 4 (2.5 ≤ x < 5)
    expect(histogram.counts[2]).toBe(3); // 5, 6, 7
    expect(histogram.overflowCount).toBe(1);
    expect(histogram.counts.reduce((a, b) => a + b, 0) + histogram.overflowCount).toBe(100);
    // Upper 90 → 2.25 rounds to 2.5: floor(90 / 2.5) + 1 = 37 bins reach 92.5.
    expect(histogramOf(oneToHundred, 90).counts).toHaveLength(37);
  });

  it('gives one 1 ms bin when every sample is 0', () => {
    expect(histogramOf(new Float64Array(5), 0)).toEqual({ binWidthMs: 1, counts: [5], overflowCount: 0 });
  });
});
