import { analyzeCost } from '../../shared/analysis/cost/index.ts';
import { syntheticCostGraph } from '../../shared/analysis/cost/testing/synthetic-graph.ts';
import type { ScenarioGraph } from '../../shared/analysis/graph.ts';
import { percentile, round3 } from './stats.ts';
import type { BenchFigure } from './types.ts';

/*
 * The cost analysis (4 journeys, traffic curve and budget check included) on generated graphs of 2,000 and
 * 20,000 components whose attribute bags hold every attribute at its default, as a document does; the same at
 * 20,000 without attribute bags (the assumption report then finds nothing, which leaves the engine's own
 * arithmetic); and the full analysis as a multiple of one breadth-first traversal of the same graph. Targets:
 * "a few ms" for the cost analysis at 20,000 components, and ≤ 20 breadth-first traversals.
 */

const WARMUP = 8;

function medianMs(run: () => unknown, samples: number): number {
  for (let i = 0; i < WARMUP; i++) run();
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  return percentile(times, 0.5);
}

/** One breadth-first traversal over every connection from the journeys' entries: the yardstick. */
function breadthFirst(graph: ScenarioGraph): number {
  const seen = new Uint8Array(graph.components.length);
  const queue = new Int32Array(graph.components.length);
  let head = 0;
  let tail = 0;
  for (const j of graph.journeys) {
    if (seen[j.entry]) continue;
    seen[j.entry] = 1;
    queue[tail++] = j.entry;
  }
  while (head < tail) {
    const u = queue[head++] as number;
    for (const e of graph.outgoing[u] ?? []) {
      const v = graph.connections[e]?.target ?? u;
      if (seen[v]) continue;
      seen[v] = 1;
      queue[tail++] = v;
    }
  }
  return tail;
}

function withoutBags(graph: ScenarioGraph): ScenarioGraph {
  return {
    ...graph,
    components: graph.components.map((c) => ({ ...c, attributes: {} })),
    connections: graph.connections.map((e) => ({ ...e, attributes: {} })),
  };
}

/** Measures analyzeCost at 2,000 and 20,000 components. */
export async function run(): Promise<BenchFigure[]> {
  const budget = { monthlyUsd: 100_000, per1kInferencesUsd: 0.5 };
  const small = syntheticCostGraph(2_000, 7);
  const large = syntheticCostGraph(20_000, 7);
  const bare = withoutBags(large);
  const smallMs = medianMs(() => analyzeCost(small, { budget }), 60);
  const largeMs = medianMs(() => analyzeCost(large, { budget }), 20);
  const bareMs = medianMs(() => analyzeCost(bare, { budget }), 30);
  const bfsMs = medianMs(() => breadthFirst(large), 200);
  return [
    { bench: 'cost.analyze.2k', value: round3(smallMs), unit: 'ms', target: 5 },
    { bench: 'cost.analyze.20k', value: round3(largeMs), unit: 'ms', target: 10 },
    { bench: 'cost.analyze.20k.no_attribute_bags', value: round3(bareMs), unit: 'ms', target: 10 },
    { bench: 'cost.analyze.20k.vs_bfs', value: round3(largeMs / bfsMs), unit: 'x', target: 20 },
    {
      bench: 'cost.analyze.20k.no_attribute_bags.vs_bfs',
      value: round3(bareMs / bfsMs),
      unit: 'x',
      target: 20,
    },
  ];
}
