import { describe, expect, it } from 'vitest';
import type { GraphJourney } from '../graph.ts';
import { buildRequestPath } from '../request-path.ts';
import { buildGraph } from '../testing/graph-spec.ts';
import type { GraphSpec } from '../testing/graph-spec.ts';
import { analyzeJourneyAvailability } from './analyze.ts';
import { monteCarloAvailability, seededUniform, wilsonInterval } from './monte-carlo.ts';

function both(spec: GraphSpec, seed: number) {
  const graph = buildGraph(spec);
  const journey = graph.journeys[0] as GraphJourney;
  const path = buildRequestPath(graph, journey);
  return {
    exact: analyzeJourneyAvailability(graph, path, journey).value as number,
    // z = 3.29 (99.9 %): a 95 % interval would miss one design in twenty by design.
    sampled: monteCarloAvailability(graph, path, { samples: 200_000, seed, z: 3.29 }),
    again: () => monteCarloAvailability(graph, path, { samples: 1_000, seed }),
  };
}

const designs: Record<string, GraphSpec> = {
  'shared auth behind two replicas': {
    components: [
      { id: 'gw' },
      { id: 'r1', availability: 0.9 },
      { id: 'r2', availability: 0.9 },
      { id: 'auth', availability: 0.95 },
    ],
    groups: [{ id: 'any', type: 'parallel', join: 'any' }],
    connections: [
      { from: 'gw', to: 'r1', group: 'any' },
      { from: 'gw', to: 'r2', group: 'any' },
      { from: 'r1', to: 'auth' },
      { from: 'r2', to: 'auth' },
    ],
    journeys: [{ entry: 'gw' }],
  },
  'choice, cache miss and fallback': {
    components: [
      { id: 'gw', availability: 0.99 },
      { id: 'a', availability: 0.8 },
      { id: 'b', availability: 0.7 },
      { id: 'cache', availability: 0.95 },
      { id: 'db', availability: 0.6 },
      { id: 'backup', availability: 0.5 },
    ],
    groups: [{ id: 'ab', type: 'exclusive' }],
    connections: [
      { from: 'gw', to: 'a', group: 'ab', probability: 0.7 },
      { from: 'gw', to: 'b', group: 'ab', probability: 0.3 },
      { from: 'a', to: 'cache' },
      { id: 'miss', from: 'cache', to: 'db', probability: 0.4 },
      { from: 'cache', to: 'backup', primary: 'miss' },
      { from: 'b', to: 'db' },
    ],
    journeys: [{ entry: 'gw' }],
  },
  '2 of 3 with a soft branch': {
    components: [
      { id: 'gw' },
      { id: 'x', availability: 0.7 },
      { id: 'y', availability: 0.8 },
      { id: 'z', availability: 0.6 },
    ],
    groups: [{ id: 'k', type: 'parallel', join: 'k-of-n', k: 2 }],
    connections: [
      { from: 'gw', to: 'x', group: 'k' },
      { from: 'gw', to: 'y', group: 'k', hard: false },
      { from: 'gw', to: 'z', group: 'k', probability: 0.5 },
    ],
    journeys: [{ entry: 'gw' }],
  },
};

describe('monteCarloAvailability', () => {
  for (const [name, spec] of Object.entries(designs)) {
    it(`brackets the exact value in its Wilson interval: ${name}`, () => {
      const { exact, sampled } = both(spec, 7);
      expect(sampled.low).toBeLessThanOrEqual(exact);
      expect(sampled.high).toBeGreaterThanOrEqual(exact);
      expect(sampled.high - sampled.low).toBeLessThan(0.01);
    });
  }

  it('is deterministic for a seed', () => {
    const { again } = both(designs['choice, cache miss and fallback'] as GraphSpec, 11);
    expect(again()).toEqual(again());
  });
});

describe('wilsonInterval', () => {
  it('matches the textbook interval for 8 successes out of 10 at 95 %', () => {
    const { low, high } = wilsonInterval(8, 10);
    expect(low).toBeCloseTo(0.4902, 4);
    expect(high).toBeCloseTo(0.9433, 4);
  });

  it('stays inside [0, 1] at the extremes', () => {
    expect(wilsonInterval(0, 50).low).toBe(0);
    expect(wilsonInterval(50, 50).high).toBe(1);
    expect(wilsonInterval(50, 50).low).toBeCloseTo(50 / (50 + 1.96 ** 2), 12);
  });
});

describe('seededUniform', () => {
  it('repeats its stream for a seed and stays in [0, 1)', () => {
    const a = seededUniform(42);
    const b = seededUniform(42);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(xs).toEqual(Array.from({ length: 1000 }, () => b()));
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(seededUniform(43)()).not.toBe(xs[0]);
  });
});
