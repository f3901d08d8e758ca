/*
 * Order statistics of the simulated times: nearest-rank percentiles with a distribution-free 95 % confidence
 * interval (the ranks where a binomial(N, q) count lies within ±1.96 standard deviations), the mean, and a
 * histogram with round bin widths for a chart.
 */

/** A 95 % confidence interval of a percentile, ms. */
export interface PercentileInterval {
  readonly lowMs: number;
  readonly highMs: number;
}

/** A histogram from 0 ms: bin i counts samples in [i × binWidthMs, (i + 1) × binWidthMs). */
export interface LatencyHistogram {
  readonly binWidthMs: number;
  readonly counts: number[];
  /** Samples at or beyond the last bin's upper edge. */
  readonly overflowCount: number;
}

const Z_95_TWO_SIDED = 1.959963984540054;
export const HISTOGRAM_BINS = 40;

function rankValue(sorted: Float64Array, rank: number): number {
  const r = Math.min(sorted.length, Math.max(1, rank));
  return sorted[r - 1] as number;
}

/** The q-quantile (0-1) of ascending `sorted` by the nearest-rank method, ms. */
export function percentileOfSorted(sorted: Float64Array, q: number): number {
  return rankValue(sorted, Math.ceil(q * sorted.length));
}

/** The 95 % order-statistic interval of the q-quantile of ascending `sorted`. */
export function percentileInterval(sorted: Float64Array, q: number): PercentileInterval {
  const n = sorted.length;
  const centre = n * q;
  const spread = Z_95_TWO_SIDED * Math.sqrt(n * q * (1 - q));
  return {
    lowMs: rankValue(sorted, Math.floor(centre - spread)),
    highMs: rankValue(sorted, Math.ceil(centre + spread)),
  };
}

/** The arithmetic mean of `values`, ms (Kahan-summed: 10⁶ samples lose no digits). */
export function meanOf(values: Float64Array): number {
  let sum = 0;
  let carry = 0;
  for (let i = 0; i < values.length; i++) {
    const y = (values[i] as number) - carry;
    const t = sum + y;
    carry = t - sum - y;
    sum = t;
  }
  return values.length > 0 ? sum / values.length : 0;
}

/** The smallest 1, 2, 2.5 or 5 × 10ᵏ that is ≥ `value` (> 0). */
export function roundUpToNiceStep(value: number): number {
  const power = 10 ** Math.floor(Math.log10(value));
  for (const factor of [1, 2, 2.5, 5, 10]) {
    // Tolerate float noise: 0.3 / 0.1 is 2.9999999999999996.
    if (factor * power >= value * (1 - 1e-12)) return factor * power;
  }
  return 10 * power;
}

/** A histogram of `values` up to about `upperMs` (e.g. the p99.9) in at most HISTOGRAM_BINS round bins. */
export function histogramOf(values: Float64Array, upperMs: number): LatencyHistogram {
  const binWidthMs = upperMs > 0 ? roundUpToNiceStep(upperMs / HISTOGRAM_BINS) : 1;
  const bins = Math.max(1, Math.min(HISTOGRAM_BINS, Math.floor(upperMs / binWidthMs) + 1));
  const counts = new Array<number>(bins).fill(0);
  let overflowCount = 0;
  for (let i = 0; i < values.length; i++) {
    const bin = Math.floor((values[i] as number) / binWidthMs);
    if (bin < bins) counts[bin] = (counts[bin] as number) + 1;
    else overflowCount++;
  }
  return { binWidthMs, counts, overflowCount };
}
