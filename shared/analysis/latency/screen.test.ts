import { describe, expect, it } from 'vitest';
import { buildRequestPath } from '../request-path.ts';
import { buildGraph } from '../testing/graph-spec.ts';
import type { GraphSpec } from '../testing/graph-spec.ts';
import { sumOfP95sMs } from './screen.ts';

function screen(spec: GraphSpec): number {
  const graph = buildGraph(spec);
  const journey = graph.journeys[0];
  if (!journey) throw new Error('no journey');
  return sumOfP95sMs(graph, buildRequestPath(graph, journey));
}

const llm = {
  ttftP50Ms: 300,
  ttftP95Ms: 900,
  tokensPerSecond: 80,
  avgInTokens: 0,
  avgOutTokens: 120,
  priceInPer1MUsd: 0,
  priceOutPer1MUsd: 0,
};

describe('sumOfP95sMs', () => {
  it('adds p95s and network p95s along the path by the rules of the screen', () => {
    const total = screen({
      components: [
        { id: 'gw', p50Ms: 2, p95Ms: 6 },
        { id: 'a', p50Ms: 10, p95Ms: 30 },
        { id: 'b', p50Ms: 2, p95Ms: 5 },
        { id: 'fb', p50Ms: 500, p95Ms: 1000 },
        { id: 'x', p50Ms: 20, p95Ms: 50 },
        { id: 'y', p50Ms: 10, p95Ms: 20 },
        { id: 'm1', p50Ms: 20, p95Ms: 40 },
        { id: 'm2', p50Ms: 50, p95Ms: 100 },
        { id: 'c', p50Ms: 5, p95Ms: 10 },
        { id: 'llm', kind: 'llm-endpoint', llm },
        { id: 'shard', p50Ms: 4, p95Ms: 7 },
        { id: 'half', p50Ms: 1, p95Ms: 3 },
      ],
      groups: [
        { id: 'any', type: 'parallel', join: 'any' },
        { id: 'ab', type: 'exclusive' },
      ],
      connections: [
        { from: 'gw', to: 'a', networkP50Ms: 1, networkP95Ms: 3, callsPerRequest: 2 },
        { id: 'a>b', from: 'a', to: 'b' },
        { from: 'a', to: 'fb', primary: 'a>b' },
        { from: 'gw', to: 'x', group: 'any' },
        { from: 'gw', to: 'y', group: 'any', networkP50Ms: 1 },
        { from: 'gw', to: 'm1', group: 'ab', probability: 0.95 },
        { from: 'gw', to: 'm2', group: 'ab', probability: 0.05 },
        { from: 'gw', to: 'c', probability: 0.1 },
        { from: 'gw', to: 'llm' },
        { from: 'gw', to: 'shard', callsPerRequest: 3, parallelFanOut: true },
        { from: 'gw', to: 'half', callsPerRequest: 1.5 },
      ],
      journeys: [{ entry: 'gw' }],
    });
    const expected =
      6 + // gw
      2 * (3 + 30 + 5) + // two sequential calls to a, which calls b (its fallback is left out)
      Math.min(50, 1 + 20) + // join any
      Math.max(40, 100) + // an exclusive choice counts its largest branch
      10 + // a Bernoulli call counts in full
      (900 + (120 / 80) * 1000) + // TTFT p95 + generation
      7 + // a parallel fan-out counts once
      2 * 3; // 1.5 calls: one more call with probability 0.5, counted in full
    expect(total).toBe(expected);
  });

  it('takes the k-th smallest branch of a k-of-n group and the largest of join all', () => {
    const spec = (join: 'all' | 'k-of-n'): GraphSpec => ({
      components: [{ id: 'o' }, { id: 'a', p50Ms: 10 }, { id: 'b', p50Ms: 30 }, { id: 'c', p50Ms: 20 }],
      groups: [{ id: 'g', type: 'parallel', join, k: 2 }],
      connections: ['a', 'b', 'c'].map((to) => ({ from: 'o', to, group: 'g' })),
      journeys: [{ entry: 'o' }],
    });
    expect(screen(spec('k-of-n'))).toBe(20);
    expect(screen(spec('all'))).toBe(30);
  });
});
