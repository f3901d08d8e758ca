/** The p-th percentile (0-1) of `samples` by the nearest-rank method. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(p * sorted.length)));
  return sorted[rank - 1] as number;
}

/** Rounds a duration for printing: 3 significant decimals are plenty for milliseconds. */
export function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}
