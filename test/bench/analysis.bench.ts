import { analyzeJourneyAvailability } from '../../shared/analysis/availability/index.ts';
import { buildScenarioGraph } from '../../shared/analysis/build-graph.ts';
import { compareScenarios } from '../../shared/analysis/compare.ts';
import { analyzeCost } from '../../shared/analysis/cost/index.ts';
import type { ScenarioReport } from '../../shared/analysis/report.ts';
import { buildRequestPath } from '../../shared/analysis/request-path.ts';
import type { Design } from '../../shared/model/document.ts';
import { defaultComparisonCriteria } from '../../shared/model/document.ts';
import { syntheticDesign } from '../../shared/model/testing/synthetic.ts';
import { percentile, round3 } from './stats.ts';
import type { BenchFigure } from './types.ts';

/*
 * The analysis budget, end to end from a Design: build the scenario graph, then cost, availability of
 * every journey (exact, with cut sets to order 3 and importance) and the scenario comparison, on synthetic
 * designs of 2,000 and 20,000 components (shared/model/testing/synthetic.ts: 1.6 connections per component, one
 * journey per 500 components). Targets: ≤ 50 ms at 2,000; ≤ 1 s at 20,000; and at 20,000 ≤ 20× one
 * breadth-first traversal of the same design, measured in the same run: adjacency built from the design's
 * connections and every component visited once (what any analysis of the document must at least do).
 * Latency (Monte Carlo) has its own figures in latency.bench.ts.
 */

function time(runs: number, work: () => void): number {
  work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    work();
    times.push(performance.now() - start);
  }
  return percentile(times, 0.5);
}

/** One breadth-first traversal of the design's graph, adjacency built from its connections. */
function breadthFirst(design: Design): number {
  const index = new Map<string, number>();
  design.components.forEach((c, i) => index.set(c.id, i));
  const outgoing: number[][] = design.components.map(() => []);
  for (const e of design.connections)
    outgoing[index.get(e.sourceId) as number]?.push(index.get(e.targetId) as number);
  const seen = new Uint8Array(design.components.length);
  let visited = 0;
  for (let root = 0; root < design.components.length; root++) {
    if (seen[root]) continue;
    const queue = [root];
    seen[root] = 1;
    for (let head = 0; head < queue.length; head++) {
      visited += 1;
      for (const v of outgoing[queue[head] as number] ?? []) {
        if (!seen[v]) {
          seen[v] = 1;
          queue.push(v);
        }
      }
    }
  }
  return visited;
}

/** Cost, availability (with cut sets) and compare of the design's only scenario. */
function analyse(design: Design): void {
  const scenario = design.scenarios[0];
  if (!scenario) throw new Error('no scenario');
  const graph = buildScenarioGraph(design, scenario.id);
  const cost = analyzeCost(graph, { budget: design.meta.settings.budget });
  const journeys = graph.journeys.map((j) => {
    const path = buildRequestPath(graph, j);
    const a = analyzeJourneyAvailability(graph, path, j);
    return { j, a };
  });
  const report = {
    id: scenario.id,
    name: scenario.name,
    cost: { monthlyUsd: cost.monthlyUsd, per1kInferencesUsd: cost.per1kInferencesUsd },
    journeys: journeys.map(({ a }) => ({
      latencyMs: { p95: null, p99: null },
      availability: { value: a.value },
    })),
  } as unknown as ScenarioReport;
  compareScenarios([report, report], defaultComparisonCriteria());
}

function measure(components: number, runs: number): { ms: number; bfsMs: number } {
  const design = syntheticDesign({ components, connections: Math.round(components * 1.6), seed: components });
  const ms = time(runs, () => analyse(design));
  const bfsMs = time(runs * 5, () => breadthFirst(design));
  return { ms, bfsMs };
}

export async function run(): Promise<BenchFigure[]> {
  const small = measure(2_000, 15);
  const large = measure(20_000, 5);
  return [
    { bench: 'analysis.cost_availability_compare.2k', value: round3(small.ms), unit: 'ms', target: 50 },
    { bench: 'analysis.cost_availability_compare.20k', value: round3(large.ms), unit: 'ms', target: 1000 },
    { bench: 'analysis.bfs.20k', value: round3(large.bfsMs), unit: 'ms', target: large.bfsMs },
    {
      bench: 'analysis.ratio_to_bfs.20k',
      value: Math.round((large.ms / large.bfsMs) * 10) / 10,
      unit: 'x',
      target: 20,
    },
  ];
}
