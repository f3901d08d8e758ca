import { describe, expect, it } from 'vitest';
import { realisticJourneySpec } from './testing/realistic-journey.ts';
import { simulateSpec } from './testing/simulate.ts';

describe('Monte Carlo accuracy', () => {
  it('brackets the percentiles of a 1,000,000-sample run with the intervals of a 100,000-sample run', () => {
    // A realistic journey: shared auth, a cache miss, a parallel group, an A/B choice, timeouts, retries,
    // fallbacks and an LLM. Independent seeds, so the long run is an independent, sharper estimate.
    const spec = realisticJourneySpec(24);
    const standard = simulateSpec(spec, { samples: 100_000, seed: 11 });
    const long = simulateSpec(spec, { samples: 1_000_000, seed: 12 });
    for (const q of ['p50', 'p95', 'p99'] as const) {
      const interval = standard.intervals?.[q];
      const value = long[`${q}Ms`] as number;
      expect(interval?.lowMs, q).toBeLessThanOrEqual(value);
      expect(interval?.highMs, q).toBeGreaterThanOrEqual(value);
      // The long run's own interval is about √10 ≈ 3.2 times narrower.
      const longWidth = (long.intervals?.[q].highMs as number) - (long.intervals?.[q].lowMs as number);
      const width = (interval?.highMs as number) - (interval?.lowMs as number);
      expect(width / longWidth, q).toBeGreaterThan(2);
    }
    expect(Math.abs((standard.failedShare as number) - (long.failedShare as number))).toBeLessThan(0.003);
  });
});
