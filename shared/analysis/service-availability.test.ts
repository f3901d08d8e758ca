import { describe, expect, it } from 'vitest';
import { kOfNAvailability, serviceAvailability } from './service-availability.ts';

describe('serviceAvailability', () => {
  const base = { availability: 0.999, replicas: 3, replicasNeeded: 1 } as const;

  it('takes a whole-service figure or a component without redundancy as typed', () => {
    expect(serviceAvailability({ ...base, scope: 'whole-service', redundancy: 'active-active' })).toBe(0.999);
    expect(serviceAvailability({ ...base, scope: 'per-replica', redundancy: 'none' })).toBe(0.999);
  });

  it('combines redundant replicas: 1 − (1 − a)ⁿ for one needed, the binomial tail for k of n', () => {
    const r = serviceAvailability({ ...base, scope: 'per-replica', redundancy: 'active-passive' });
    expect(1 - r).toBeCloseTo(1e-9, 15);
    // 2 of 3 at 0.9: 3 · 0.9² · 0.1 + 0.9³ = 0.243 + 0.729 = 0.972.
    expect(kOfNAvailability(0.9, 3, 2)).toBeCloseTo(0.972, 14);
    expect(kOfNAvailability(0.9, 3, 3)).toBeCloseTo(0.729, 14);
    expect(kOfNAvailability(0.5, 4, 1)).toBeCloseTo(1 - 1 / 16, 14);
  });

  it('is exact at the edges', () => {
    expect(kOfNAvailability(1, 5, 3)).toBe(1);
    expect(kOfNAvailability(0, 5, 1)).toBe(0);
    expect(kOfNAvailability(0.9, 2, 3)).toBe(0);
  });
});
