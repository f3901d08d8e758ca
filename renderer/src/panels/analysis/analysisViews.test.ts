import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../../../shared/model/document.ts';
import { withWeight } from './compareView.ts';
import { multiplierAt, pointAt, positionOf } from './costView.ts';
import { formatPercent, ninesOf } from './format.ts';

describe('traffic slider', () => {
  it('maps 0…100 onto ×0.1…×10 on a log scale, ×1 in the middle', () => {
    expect([multiplierAt(0), multiplierAt(50), multiplierAt(100)]).toEqual([0.1, 1, 10]);
    expect(positionOf(multiplierAt(75))).toBe(75);
  });

  it('reads the curve at its points and linearly between them', () => {
    // 1,000 requests a month at ×1: per 1k = total.
    const curve = [
      { multiplier: 1, monthlyUsd: 100, fixedUsd: 60, variableUsd: 40, per1kInferencesUsd: 100 },
      { multiplier: 2, monthlyUsd: 140, fixedUsd: 60, variableUsd: 80, per1kInferencesUsd: 70 },
    ];
    expect(pointAt(curve, 2)).toBe(curve[1]);
    const mid = pointAt(curve, 1.5);
    expect(mid?.monthlyUsd).toBeCloseTo(120, 9);
    expect(mid?.variableUsd).toBeCloseTo(60, 9);
    // 1,500 requests: 1000 × 120 / 1500 = 80.
    expect(mid?.per1kInferencesUsd).toBeCloseTo(80, 9);
    expect(pointAt(curve, 5)).toBe(curve[1]);
    expect(pointAt([], 1)).toBeNull();
  });
});

describe('weights', () => {
  const settings = defaultSettings();

  it('sets one weight, adds a metric not weighed yet, and refuses what is out of range or unchanged', () => {
    const next = withWeight(settings, 'availability', 40);
    expect(next?.comparison.criteria.find((c) => c.metric === 'availability')?.weight).toBe(40);
    const added = withWeight(settings, 'latency-p99', 10);
    expect(added?.comparison.criteria.at(-1)).toEqual({ metric: 'latency-p99', weight: 10 });
    expect(withWeight(settings, 'availability', 25)).toBeNull();
    expect(withWeight(settings, 'availability', 101)).toBeNull();
    expect(withWeight(settings, 'availability', Number.NaN)).toBeNull();
    expect(withWeight(settings, 'latency-p99', 0)).toBeNull();
  });
});

describe('availability format', () => {
  it('writes enough digits to show the nines', () => {
    expect(ninesOf(0.999)).toBeCloseTo(3, 9);
    expect(formatPercent(0.999)).toBe('99.90 %');
    expect(formatPercent(0.99940005)).toBe('99.940 %');
    expect(formatPercent(0.99995)).toBe('99.9950 %');
    expect(formatPercent(1)).toBe('100 %');
  });
});
