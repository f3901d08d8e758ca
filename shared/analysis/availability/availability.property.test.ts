import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { GraphJourney, ScenarioGraph } from '../graph.ts';
import { buildRequestPath } from '../request-path.ts';
import type { RequestPath, Step } from '../request-path.ts';
import { buildGraph } from '../testing/graph-spec.ts';
import type { GraphSpec } from '../testing/graph-spec.ts';
import { analyzeJourneyAvailability } from './analyze.ts';
import { bruteForceAvailability, bruteForceCutSets } from './testing/brute-force.ts';
import { randomDesign } from './testing/random-design.ts';

function setup(spec: GraphSpec): { graph: ScenarioGraph; journey: GraphJourney; path: RequestPath } {
  const graph = buildGraph(spec);
  const journey = graph.journeys[0] as GraphJourney;
  return { graph, journey, path: buildRequestPath(graph, journey) };
}

/** The same path with every fallback taken away. */
function withoutFallbacks(path: RequestPath): RequestPath {
  const strip = (step: Step): Step =>
    step.type === 'call'
      ? { ...step, call: { ...step.call, fallbacks: [] } }
      : { ...step, branches: step.branches.map((b) => ({ ...b, fallbacks: [] })) };
  return { ...path, steps: path.steps.map((list) => list.map(strip)) };
}

/** The graph with one component's service availability replaced. */
function withAvailability(graph: ScenarioGraph, component: number, value: number): ScenarioGraph {
  return {
    ...graph,
    components: graph.components.map((c) =>
      c.index === component ? { ...c, serviceAvailability: value } : c,
    ),
  };
}

describe('analyzeJourneyAvailability (properties)', () => {
  it('equals brute-force enumeration of all component states and branch outcomes', () => {
    fc.assert(
      fc.property(randomDesign({ maxComponents: 16, maxEnumeration: 2 ** 18 }), (spec) => {
        const { graph, journey, path } = setup(spec);
        expect(path.errors).toEqual([]);
        const result = analyzeJourneyAvailability(graph, path, journey);
        expect(result.errors).toEqual([]);
        const brute = bruteForceAvailability(graph, path);
        expect(Math.abs((result.value as number) - brute.availability)).toBeLessThanOrEqual(1e-12);
        const downtime = (1 - brute.availability) * 730 * 60;
        expect(Math.abs((result.downtimeMinutesPerMonth as number) - downtime)).toBeLessThanOrEqual(1e-8);
        // Degraded mode: what the fallbacks add over the same path without them.
        const plain = bruteForceAvailability(graph, withoutFallbacks(path)).availability;
        expect(
          Math.abs((result.degradedProbability as number) - (brute.availability - plain)),
        ).toBeLessThanOrEqual(1e-12);
      }),
      { numRuns: 500 },
    );
  });

  it('lists exactly the minimal cut sets of order ≤ 3 that enumeration finds, with their conditions', () => {
    fc.assert(
      fc.property(randomDesign({ maxComponents: 10, maxEnumeration: 2 ** 14 }), (spec) => {
        const { graph, journey, path } = setup(spec);
        const result = analyzeJourneyAvailability(graph, path, journey, { cutSetLimit: 100_000 });
        const brute = bruteForceCutSets(bruteForceAvailability(graph, path), 3);
        const key = (ids: readonly string[]): string => [...ids].sort().join(',');
        const idOf = (u: number): string => graph.components[u]?.id ?? '?';
        const expected = new Map(brute.map((s) => [key(s.members.map(idOf)), s.conditional]));
        const actual = new Map(result.cutSets.map((s) => [key(s.componentIds), s.conditional]));
        expect(actual).toEqual(expected);
        expect(result.cutSetsTruncated).toBe(false);
        expect(new Set(result.singlePointsOfFailure)).toEqual(
          new Set(brute.filter((s) => s.members.length === 1).map((s) => idOf(s.members[0] as number))),
        );
        for (const set of result.cutSets) {
          const product = set.componentIds.reduce((p, id) => {
            const c = graph.components[graph.componentIndex.get(id) as number];
            return p * (1 - (c?.serviceAvailability ?? 0));
          }, 1);
          expect(set.probability).toBeCloseTo(product, 15);
        }
        // By order, then probability descending.
        for (let i = 1; i < result.cutSets.length; i++) {
          const a = result.cutSets[i - 1] as (typeof result.cutSets)[number];
          const b = result.cutSets[i] as (typeof result.cutSets)[number];
          expect(a.order < b.order || (a.order === b.order && a.probability >= b.probability)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('gives Birnbaum importance equal to P(success | up) − P(success | down) by enumeration', () => {
    fc.assert(
      fc.property(randomDesign({ maxComponents: 8, maxEnumeration: 2 ** 12 }), (spec) => {
        const { graph, journey, path } = setup(spec);
        const result = analyzeJourneyAvailability(graph, path, journey);
        expect(result.importance.map((i) => i.componentId).sort()).toEqual(
          path.order.map((u) => graph.components[u]?.id as string).sort(),
        );
        for (const { componentId, birnbaum } of result.importance) {
          const u = graph.componentIndex.get(componentId) as number;
          const up = bruteForceAvailability(withAvailability(graph, u, 1), path).availability;
          const down = bruteForceAvailability(withAvailability(graph, u, 0), path).availability;
          expect(Math.abs(birnbaum - (up - down))).toBeLessThanOrEqual(1e-12);
        }
      }),
      { numRuns: 100 },
    );
  });
});
