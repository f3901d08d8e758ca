import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../model/testing/synthetic.ts';
import { buildRequestPath } from '../request-path.ts';
import { buildGraph } from '../testing/graph-spec.ts';
import type { ConnectionSpec, GraphSpec, GroupSpec } from '../testing/graph-spec.ts';
import { BatchSampler } from './batch-sampler.ts';
import { compileLatencyProgram } from './program.ts';
import { Sampler } from './sampler.ts';
import { realisticJourneySpec } from './testing/realistic-journey.ts';

/*
 * The batch sampler must give exactly the scalar sampler's numbers (the scalar one replays the tail with
 * tracing, so the two must agree sample by sample): same draws from each sample's stream, same arithmetic.
 */

interface Run {
  readonly timesMs: Float64Array;
  readonly ttftMs: Float64Array;
  readonly failed: Uint8Array;
}

function runBoth(spec: GraphSpec, samples: number, seed: number): { batch: Run; scalar: Run } | null {
  const graph = buildGraph(spec);
  const journey = graph.journeys[0];
  if (!journey) throw new Error('no journey');
  const path = buildRequestPath(graph, journey);
  if (path.errors.length > 0) return null;
  const compiled = compileLatencyProgram(graph, path);
  if (!compiled.ok) throw new Error(compiled.error);
  const run = (sampler: BatchSampler | Sampler): Run => {
    const result = {
      timesMs: new Float64Array(samples),
      ttftMs: new Float64Array(samples),
      failed: new Uint8Array(samples),
    };
    sampler.run(seed, 0, samples, result.timesMs, result.ttftMs, result.failed);
    return result;
  };
  return { batch: run(new BatchSampler(compiled.program)), scalar: run(new Sampler(compiled.program)) };
}

const llm = {
  ttftP50Ms: 300,
  ttftP95Ms: 900,
  tokensPerSecond: 60,
  avgInTokens: 0,
  avgOutTokens: 90,
  priceInPer1MUsd: 0,
  priceOutPer1MUsd: 0,
};

/** A random small design with every feature the samplers handle, deterministic for `seed`. */
function randomDesign(seed: number): GraphSpec {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const n = 2 + Math.floor(random() * 9);
  const components = Array.from({ length: n }, (_, i) => {
    const p50Ms = pick([0, 1, 5, 20, 100, 1e-9, 2e8]);
    return {
      id: `c${i}`,
      p50Ms,
      p95Ms: p50Ms * pick([1, 1.5, 3, 10]),
      availability: pick([1, 1, 0.95, 0.5, 0]),
      llm: random() < 0.1 ? llm : null,
    };
  });
  const connections: ConnectionSpec[] = [];
  const groups: GroupSpec[] = [];
  for (let i = 0; i < n - 1; i++) {
    const targets = [
      ...new Set(
        Array.from(
          { length: 1 + Math.floor(random() * 3) },
          () => i + 1 + Math.floor(random() * (n - i - 1)),
        ),
      ),
    ];
    const grouped =
      targets.length >= 2 && random() < 0.5 ? pick(['exclusive', 'all', 'any', 'k-of-n'] as const) : null;
    if (grouped) {
      groups.push({
        id: `g${i}`,
        type: grouped === 'exclusive' ? 'exclusive' : 'parallel',
        join: grouped === 'exclusive' ? undefined : grouped,
        k: 2,
      });
    }
    const plain: string[] = [];
    targets.forEach((t, j) => {
      const id = `e${i}-${t}`;
      const common = {
        id,
        from: `c${i}`,
        to: `c${t}`,
        networkP50Ms: pick([0, 1, 2]),
        networkP95Ms: pick([0, 3, 6]),
        timeoutMs: pick([null, null, 5, 30, 150]),
        retries: pick([0, 0, 1, 2]),
        hard: random() < 0.8,
      };
      if (grouped === 'exclusive') {
        connections.push({
          ...common,
          group: `g${i}`,
          probability: j === 0 ? 0.7 : 0.3 / (targets.length - 1),
        });
      } else {
        connections.push({
          ...common,
          ...(grouped ? { group: `g${i}` } : {}),
          probability: pick([1, 1, 0.3]),
          callsPerRequest: pick([1, 1, 2, 1.5, 0]),
          parallelFanOut: random() < 0.3,
        });
        if (!grouped) plain.push(id);
      }
    });
    if (plain.length > 0 && random() < 0.4) {
      const backup = i + 1 + Math.floor(random() * (n - i - 1));
      connections.push({
        id: `f${i}`,
        from: `c${i}`,
        to: `c${backup}`,
        primary: pick(plain),
        timeoutMs: pick([null, 50]),
      });
    }
  }
  return { components, connections, groups, journeys: [{ entry: 'c0' }] };
}

describe('BatchSampler', () => {
  it('gives the scalar sampler’s numbers sample by sample on a realistic journey, across batches', () => {
    const both = runBoth(realisticJourneySpec(50), 3_000, 5);
    expect(both?.batch).toEqual(both?.scalar);
  });

  it('gives the scalar sampler’s numbers on random designs with every feature', () => {
    let compared = 0;
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), (seed) => {
        const both = runBoth(randomDesign(seed), 300, seed);
        if (!both) return;
        compared++;
        expect(both.batch).toEqual(both.scalar);
      }),
      { numRuns: 300, seed: 2024 },
    );
    // Nearly every random design is a valid path (a choice group whose branches vanish is the exception).
    expect(compared).toBeGreaterThan(250);
  });
});
