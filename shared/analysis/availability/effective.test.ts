import { describe, expect, it } from 'vitest';
import { atLeastKOfN, effectiveServiceAvailability } from './effective.ts';

const replicated = (availability: number, replicas: number, replicasNeeded?: number) =>
  effectiveServiceAvailability({
    availability,
    scope: 'per-replica',
    redundancy: 'active-active',
    replicas,
    ...(replicasNeeded === undefined ? {} : { replicasNeeded }),
  });

describe('effectiveServiceAvailability', () => {
  it('takes the figure as is for a whole service or without redundancy', () => {
    const base = { availability: 0.99, replicas: 3, replicasNeeded: 1 } as const;
    expect(
      effectiveServiceAvailability({ ...base, scope: 'whole-service', redundancy: 'active-active' }),
    ).toBe(0.99);
    expect(effectiveServiceAvailability({ ...base, scope: 'per-replica', redundancy: 'none' })).toBe(0.99);
  });

  it('is 1 − (1 − a)ⁿ with one replica needed: two replicas at 0.999 give 0.999999', () => {
    expect(replicated(0.999, 2)).toBeCloseTo(1 - 0.001 ** 2, 15);
    expect(
      effectiveServiceAvailability({
        availability: 0.9,
        scope: 'per-replica',
        redundancy: 'active-passive',
        replicas: 3,
      }),
    ).toBeCloseTo(0.999, 15);
  });

  it('is the binomial tail for k of n: 2 of 3 at 0.9 is 3 × 0.9² × 0.1 + 0.9³ = 0.972', () => {
    expect(replicated(0.9, 3, 2)).toBeCloseTo(0.972, 15);
    expect(replicated(0.9, 3, 3)).toBeCloseTo(0.729, 15);
    expect(replicated(0.9, 2, 5)).toBe(0); // needs more replicas than it has
  });
});

describe('atLeastKOfN', () => {
  it('keeps the digits of small answers: all 3 of 3 at 0.001 is 1e-9', () => {
    expect(atLeastKOfN(0.001, 3, 3) / 1e-9).toBeCloseTo(1, 12);
  });

  it('keeps the digits of small unavailabilities near 1', () => {
    // 1 − (1 − 0.99)^1000 = 1 − e^{1000 ln 0.99}; and three replicas at 0.9999: unavailability 1e-12.
    expect(1 - atLeastKOfN(0.01, 1, 1000)).toBeCloseTo(Math.exp(1000 * Math.log(0.99)), 15);
    expect((1 - atLeastKOfN(0.9999, 1, 3)) / 1e-12).toBeCloseTo(1, 3);
  });

  it('neither overflows nor underflows for thousands of replicas (symmetry of a fair binomial)', () => {
    // P(X ≥ 1000) + P(X ≥ 1001) = P(X ≥ 1000) + P(X ≤ 999) = 1 for X ~ Bin(2000, 1/2).
    const sum = atLeastKOfN(0.5, 1000, 2000) + atLeastKOfN(0.5, 1001, 2000);
    expect(sum).toBeCloseTo(1, 12);
    expect(atLeastKOfN(0.5, 1000, 2000)).toBeCloseTo(0.5089, 4);
  });

  it('handles the edges: k ≤ 0, a = 0 and a = 1', () => {
    expect(atLeastKOfN(0.3, 0, 4)).toBe(1);
    expect(atLeastKOfN(0, 1, 4)).toBe(0);
    expect(atLeastKOfN(1, 4, 4)).toBe(1);
  });
});
