import { describe, expect, it } from 'vitest';
import type { GraphSpec } from '../testing/graph-spec.ts';
import { realisticJourneySpec } from './testing/realistic-journey.ts';
import { simulateSpec } from './testing/simulate.ts';
import type { Contribution, JourneyLatency } from './types.ts';

function byId(list: readonly Contribution[] | undefined): Record<string, number> {
  return Object.fromEntries((list ?? []).map((c) => [c.id, c.meanTailMs]));
}

function tailTotalMs(result: JourneyLatency): number {
  const all = [...(result.contributions?.components ?? []), ...(result.contributions?.connections ?? [])];
  return all.reduce((sum, c) => sum + c.meanTailMs, 0);
}

describe('critical path', () => {
  it('follows the dominant branch of a parallel group down to its leaf', () => {
    const result = simulateSpec(
      {
        components: [
          { id: 'gw', p50Ms: 2, p95Ms: 4 },
          { id: 'side', p50Ms: 5, p95Ms: 8 },
          { id: 'slow', p50Ms: 100, p95Ms: 150 },
          { id: 'deep', p50Ms: 50, p95Ms: 80 },
          { id: 'fast', p50Ms: 10, p95Ms: 15 },
        ],
        groups: [{ id: 'fanout', type: 'parallel', join: 'all' }],
        connections: [
          { from: 'gw', to: 'side' },
          { from: 'gw', to: 'slow', group: 'fanout' },
          { from: 'gw', to: 'fast', group: 'fanout' },
          { from: 'slow', to: 'deep', networkP50Ms: 1, networkP95Ms: 3 },
        ],
        journeys: [{ entry: 'gw' }],
      },
      { samples: 20_000 },
    );
    expect(result.criticalPath?.componentIds).toEqual(['gw', 'slow', 'deep']);
    expect(result.criticalPath?.connectionIds).toEqual(['gw>slow', 'slow>deep']);
    const hops = result.criticalPath?.hops ?? [];
    expect(hops[0]?.meanTailMs).toBeCloseTo(tailTotalMs(result), 6);
    // Each hop is part of the one before it.
    for (let i = 1; i < hops.length; i++) {
      expect(hops[i]?.meanTailMs).toBeLessThanOrEqual(hops[i - 1]?.meanTailMs as number);
    }
  });

  it('goes where the tail is, not where the average is: the rare slow branch of a choice', () => {
    // 90 % of requests take 10 ms through "usual", 10 % take 500 ms through "rare": every request ranked
    // 94–96 % took the rare branch.
    const result = simulateSpec(
      {
        components: [
          { id: 'gw', p50Ms: 1 },
          { id: 'usual', p50Ms: 10, p95Ms: 12 },
          { id: 'rare', p50Ms: 500, p95Ms: 600 },
        ],
        groups: [{ id: 'ab', type: 'exclusive' }],
        connections: [
          { from: 'gw', to: 'usual', group: 'ab', probability: 0.9 },
          { from: 'gw', to: 'rare', group: 'ab', probability: 0.1 },
        ],
        journeys: [{ entry: 'gw' }],
      },
      { samples: 20_000 },
    );
    expect(result.criticalPath?.componentIds).toEqual(['gw', 'rare']);
    expect(byId(result.contributions?.components).usual).toBe(0);
  });

  it('goes into the fallback when the primary fails in the tail', () => {
    const result = simulateSpec(
      {
        components: [
          { id: 'svc' },
          { id: 'model', p50Ms: 10, p95Ms: 20, availability: 0.9 },
          { id: 'rules', p50Ms: 200, p95Ms: 300 },
        ],
        connections: [
          { id: 'main', from: 'svc', to: 'model' },
          { id: 'backup', from: 'svc', to: 'rules', primary: 'main' },
        ],
        journeys: [{ entry: 'svc' }],
      },
      { samples: 20_000 },
    );
    expect(result.criticalPath?.componentIds).toEqual(['svc', 'rules']);
    expect(result.criticalPath?.connectionIds).toEqual(['backup']);
  });
});

describe('contributions to the tail', () => {
  it('splits a request without spread into its service times and network delays', () => {
    const result = simulateSpec(
      {
        components: [
          { id: 'gw', p50Ms: 10 },
          { id: 'a', p50Ms: 20 },
          { id: 'b', p50Ms: 30 },
        ],
        connections: [
          { from: 'gw', to: 'a', networkP50Ms: 5 },
          { from: 'a', to: 'b' },
        ],
        journeys: [{ entry: 'gw' }],
      },
      { samples: 2_000 },
    );
    expect(result.p95Ms).toBe(65);
    expect(byId(result.contributions?.components)).toEqual({ gw: 10, a: 20, b: 30 });
    expect(byId(result.contributions?.connections)).toEqual({ 'gw>a': 5, 'a>b': 0 });
    expect(result.contributions?.components.find((c) => c.id === 'b')?.shareOfP95).toBeCloseTo(30 / 65, 12);
  });

  it('credits only the branch that decided a join, and a timed-out wait to its connection', () => {
    const spec: GraphSpec = {
      components: [
        { id: 'o' },
        { id: 'a', p50Ms: 10 },
        { id: 'b', p50Ms: 30 },
        { id: 'slow', p50Ms: 100 },
        { id: 'quick', p50Ms: 5 },
      ],
      groups: [{ id: 'g', type: 'parallel', join: 'all' }],
      connections: [
        { from: 'o', to: 'a', group: 'g' },
        { from: 'o', to: 'b', group: 'g' },
        { id: 'main', from: 'o', to: 'slow', timeoutMs: 30, retries: 1 },
        { from: 'o', to: 'quick', primary: 'main' },
      ],
      journeys: [{ entry: 'o' }],
    };
    const result = simulateSpec(spec, { samples: 2_000 });
    // 30 (b decides the join) + 2 × 30 (timeouts) + 5 (fallback)
    expect(result.p95Ms).toBe(95);
    expect(byId(result.contributions?.components)).toEqual({ o: 0, a: 0, b: 30, slow: 0, quick: 5 });
    expect(byId(result.contributions?.connections)).toMatchObject({ main: 60 });
  });

  it('adds up to the mean time of the tail samples on a realistic journey', () => {
    const result = simulateSpec(realisticJourneySpec(40), { samples: 20_000 });
    const tailMeanMs = result.criticalPath?.hops[0]?.meanTailMs as number;
    expect(tailTotalMs(result)).toBeCloseTo(tailMeanMs, 6);
    // The tail around p95 averages about the p95 itself.
    expect(Math.abs(tailMeanMs - (result.p95Ms as number)) / (result.p95Ms as number)).toBeLessThan(0.05);
    const shares = result.contributions?.components.map((c) => c.shareOfP95) ?? [];
    expect(Math.max(...shares)).toBeGreaterThan(0.3);
    expect(result.criticalPath?.componentIds[0]).toBe('gw');
  });
});
