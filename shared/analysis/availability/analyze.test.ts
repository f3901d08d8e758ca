import { describe, expect, it } from 'vitest';
import type { GraphSpec } from '../testing/graph-spec.ts';
import { analyzeSpec as analyze, cutSetIds as cuts, MINUTES_PER_MONTH } from './testing/analyze-spec.ts';

const value = (spec: GraphSpec): number => analyze(spec).value as number;

describe('analyzeJourneyAvailability: shared dependencies (DOMAIN.md §2.3)', () => {
  // Two replicas (0.999) of a service, both depending on one auth service (0.9995).
  const replicas: GraphSpec = {
    components: [
      { id: 'gw' },
      { id: 'r1', availability: 0.999 },
      { id: 'r2', availability: 0.999 },
      { id: 'auth', availability: 0.9995 },
    ],
    groups: [{ id: 'any', type: 'parallel', join: 'any' }],
    connections: [
      { from: 'gw', to: 'r1', group: 'any' },
      { from: 'gw', to: 'r2', group: 'any' },
      { from: 'r1', to: 'auth' },
      { from: 'r2', to: 'auth' },
    ],
    journeys: [{ entry: 'gw' }],
  };

  it('is exact: 0.9995 × (1 − 0.001²), not the naive product of independent replicas', () => {
    const exact = 0.9995 * (1 - 0.001 ** 2);
    expect(exact).toBeCloseTo(0.9994990005, 13);
    const naive = 1 - (1 - 0.999 * 0.9995) ** 2;
    expect(naive).toBeCloseTo(0.9999977515, 10);
    const result = analyze(replicas);
    expect(result.value).toBeCloseTo(exact, 13);
    expect(Math.abs((result.value as number) - naive)).toBeGreaterThan(4e-4);
    expect(result.downtimeMinutesPerMonth).toBeCloseTo((1 - exact) * MINUTES_PER_MONTH, 9);
  });

  it('gives the same answer when the second replica is a fallback of the first', () => {
    const spec: GraphSpec = {
      ...replicas,
      groups: [],
      connections: [
        { id: 'primary', from: 'gw', to: 'r1' },
        { from: 'gw', to: 'r2', primary: 'primary' },
        { from: 'r1', to: 'auth' },
        { from: 'r2', to: 'auth' },
      ],
    };
    expect(value(spec)).toBeCloseTo(0.9995 * (1 - 0.001 ** 2), 13);
  });

  it('finds the shared dependency as the single point of failure and the replica pair as an order-2 cut', () => {
    const result = analyze(replicas);
    expect(cuts(result)).toEqual(['auth', 'gw', 'r1+r2']);
    expect(result.cutSets.map((s) => s.probability)).toEqual([
      expect.closeTo(0.0005, 15),
      0, // the gateway is 100 % available here: a structural single point with no weight
      expect.closeTo(1e-6, 18),
    ]);
    expect(result.cutSets.every((s) => !s.conditional)).toBe(true);
    expect(result.singlePointsOfFailure).toEqual(['gw', 'auth']);
  });
});

describe('analyzeJourneyAvailability: fallbacks', () => {
  const fallback = (extra: Partial<GraphSpec['connections']> = []): GraphSpec => ({
    components: [{ id: 'entry' }, { id: 'primary', availability: 0.99 }, { id: 'backup', availability: 0.9 }],
    connections: [
      { id: 'call', from: 'entry', to: 'primary' },
      { from: 'entry', to: 'backup', primary: 'call' },
      ...(extra as NonNullable<GraphSpec['connections']>),
    ],
    journeys: [{ entry: 'entry' }],
  });

  it('A = a_p + (1 − a_p)·a_f, with the fallback-served share reported as degraded', () => {
    const result = analyze(fallback());
    expect(result.value).toBeCloseTo(0.99 + 0.01 * 0.9, 14); // 0.999
    expect(result.downtimeMinutesPerMonth).toBeCloseTo(0.001 * MINUTES_PER_MONTH, 9); // 43.8 min
    expect(result.degradedProbability).toBeCloseTo(0.01 * 0.9, 14); // 0.009
    expect(result.degradedMinutesPerMonth).toBeCloseTo(0.009 * MINUTES_PER_MONTH, 9); // 394.2 min
    expect(cuts(result)).toEqual(['entry', 'primary+backup']);
    expect(result.cutSets[1]?.probability).toBeCloseTo(0.01 * 0.1, 15);
  });

  it('ignores a fallback connection’s own probability and criticality', () => {
    const spec = fallback();
    const connections = spec.connections as NonNullable<GraphSpec['connections']>;
    connections[1] = { ...connections[1], probability: 0.1, hard: false } as (typeof connections)[number];
    expect(value(spec)).toBeCloseTo(0.999, 14);
  });

  it('tries a chain of fallbacks in order: 1 − 0.1 × 0.2 × 0.5', () => {
    const result = analyze({
      components: [
        { id: 'entry' },
        { id: 'p', availability: 0.9 },
        { id: 'f1', availability: 0.8 },
        { id: 'f2', availability: 0.5 },
      ],
      connections: [
        { id: 'call', from: 'entry', to: 'p' },
        { id: 'fb1', from: 'entry', to: 'f1', primary: 'call' },
        { from: 'entry', to: 'f2', primary: 'fb1' },
      ],
      journeys: [{ entry: 'entry' }],
    });
    expect(result.value).toBeCloseTo(1 - 0.1 * 0.2 * 0.5, 14); // 0.99
    expect(result.degradedProbability).toBeCloseTo(0.99 - 0.9, 14);
    expect(cuts(result)).toEqual(['entry', 'p+f1+f2']);
  });
});

describe('analyzeJourneyAvailability: branches', () => {
  it('weights an exclusive choice by its shares: 0.999 × (0.95 × 0.99 + 0.05 × 0.9)', () => {
    const result = analyze({
      components: [
        { id: 'entry', availability: 0.999 },
        { id: 'A', availability: 0.99 },
        { id: 'B', availability: 0.9 },
      ],
      groups: [{ id: 'ab', type: 'exclusive' }],
      connections: [
        { from: 'entry', to: 'A', group: 'ab', probability: 0.95 },
        { from: 'entry', to: 'B', group: 'ab', probability: 0.05 },
      ],
      journeys: [{ entry: 'entry' }],
    });
    expect(result.value).toBeCloseTo(0.999 * 0.9855, 14); // 0.9845145
    // B and A fail the request only on their own branch.
    expect(result.cutSets.map((s) => [s.componentIds[0], s.probability, s.conditional])).toEqual([
      ['B', expect.closeTo(0.1, 14), true],
      ['A', expect.closeTo(0.01, 14), true],
      ['entry', expect.closeTo(0.001, 14), false],
    ]);
  });

  it('encodes a three-way choice exactly: 0.5 × 0.9 + 0.3 × 0.8 + 0.2 × 0.5', () => {
    const result = analyze({
      components: [
        { id: 'entry' },
        { id: 'x', availability: 0.9 },
        { id: 'y', availability: 0.8 },
        { id: 'z', availability: 0.5 },
      ],
      groups: [{ id: 'xyz', type: 'exclusive' }],
      connections: [
        { from: 'entry', to: 'x', group: 'xyz', probability: 0.5 },
        { from: 'entry', to: 'y', group: 'xyz', probability: 0.3 },
        { from: 'entry', to: 'z', group: 'xyz', probability: 0.2 },
      ],
      journeys: [{ entry: 'entry' }],
    });
    expect(result.value).toBeCloseTo(0.45 + 0.24 + 0.1, 14); // 0.79
  });

  it('takes a probabilistic call as a Bernoulli draw: 0.999 × (0.6 + 0.4 × 0.99)', () => {
    const result = analyze({
      components: [{ id: 'entry' }, { id: 'cache', availability: 0.999 }, { id: 'db', availability: 0.99 }],
      connections: [
        { from: 'entry', to: 'cache' },
        { from: 'cache', to: 'db', probability: 0.4 },
      ],
      journeys: [{ entry: 'entry' }],
    });
    expect(result.value).toBeCloseTo(0.999 * 0.996, 14); // 0.995004
    expect(result.cutSets.map((s) => [s.componentIds[0], s.conditional])).toEqual([
      ['db', true],
      ['cache', false],
      ['entry', false],
    ]);
  });

  it('never fails a request on a soft dependency', () => {
    const result = analyze({
      components: [
        { id: 'entry', availability: 0.99 },
        { id: 'recs', availability: 0.5 },
      ],
      connections: [{ from: 'entry', to: 'recs', hard: false }],
      journeys: [{ entry: 'entry' }],
    });
    expect(result.value).toBeCloseTo(0.99, 14);
    expect(cuts(result)).toEqual(['entry']);
    expect(result.importance.find((i) => i.componentId === 'recs')?.birnbaum).toBe(0);
  });

  it('is unchanged by fan-out and retries: the same component state answers every call', () => {
    const spec = (callsPerRequest: number, retries: number, parallelFanOut: boolean): GraphSpec => ({
      components: [{ id: 'entry' }, { id: 'svc', availability: 0.95 }, { id: 'db', availability: 0.98 }],
      connections: [
        { from: 'entry', to: 'svc', callsPerRequest, retries, parallelFanOut },
        { from: 'svc', to: 'db', callsPerRequest: 3 },
      ],
      journeys: [{ entry: 'entry' }],
    });
    expect(value(spec(1, 0, false))).toBeCloseTo(0.95 * 0.98, 14);
    expect(value(spec(5, 3, false))).toBeCloseTo(0.95 * 0.98, 14);
    expect(value(spec(8, 0, true))).toBeCloseTo(0.95 * 0.98, 14);
  });
});

describe('analyzeJourneyAvailability: parallel groups', () => {
  const group = (join: 'all' | 'any' | 'k-of-n', branches: GraphSpec['components'], extra: object = {}) => ({
    components: [{ id: 'entry' }, ...branches],
    groups: [{ id: 'g', type: 'parallel' as const, join, k: 2 }],
    connections: branches.map((b) => ({ from: 'entry', to: b.id, group: 'g', ...extra })),
    journeys: [{ entry: 'entry' }],
  });
  const three = [
    { id: 'b1', availability: 0.9 },
    { id: 'b2', availability: 0.9 },
    { id: 'b3', availability: 0.9 },
  ];

  it('k-of-n needs k answers: 2 of 3 at 0.9 is 3 × 0.81 × 0.1 + 0.729', () => {
    const result = analyze(group('k-of-n', three));
    expect(result.value).toBeCloseTo(0.972, 14);
    expect(cuts(result)).toEqual(['entry', 'b1+b2', 'b1+b3', 'b2+b3']);
  });

  it('counts soft branches in a k-of-n like any other, and a group of soft branches only cannot fail', () => {
    expect(value(group('k-of-n', three, { hard: false }))).toBe(1);
    const spec = group('k-of-n', three);
    spec.connections[0] = { ...spec.connections[0], hard: false } as (typeof spec.connections)[number];
    expect(value(spec)).toBeCloseTo(0.972, 14);
  });

  it('lists no cut sets, and says why, when the request can fail with every component up', () => {
    // 2 of 2 where one branch is only taken half the time: A = 0.5 × 0.9 × 0.9.
    const spec = group('k-of-n', three.slice(0, 2));
    spec.connections[0] = { ...spec.connections[0], probability: 0.5 } as (typeof spec.connections)[number];
    const result = analyze(spec);
    expect(result.value).toBeCloseTo(0.405, 14);
    expect(result.cutSets).toEqual([]);
    expect(result.warnings).toEqual([expect.stringMatching(/can fail with every component up/)]);
  });

  it('join all needs every hard branch; a soft branch does not count', () => {
    const spec = group('all', [
      { id: 'h', availability: 0.9 },
      { id: 's', availability: 0.5 },
    ]);
    spec.connections[1] = { ...spec.connections[1], hard: false } as (typeof spec.connections)[number];
    expect(value(spec)).toBeCloseTo(0.9, 14);
  });

  it('join any with a probabilistic branch: 1 − (1 − 0.5 × 0.9)(1 − 0.8)', () => {
    const spec = group('any', [
      { id: 'b1', availability: 0.9 },
      { id: 'b2', availability: 0.8 },
    ]);
    spec.connections[0] = { ...spec.connections[0], probability: 0.5 } as (typeof spec.connections)[number];
    expect(value(spec)).toBeCloseTo(1 - 0.55 * 0.2, 14); // 0.89
  });
});
