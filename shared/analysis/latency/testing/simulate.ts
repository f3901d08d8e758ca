import { buildRequestPath } from '../../request-path.ts';
import { buildGraph } from '../../testing/graph-spec.ts';
import type { GraphSpec } from '../../testing/graph-spec.ts';
import { simulateJourneyLatency } from '../simulation.ts';
import type { JourneyLatency, LatencyOptions } from '../types.ts';

/** Builds `spec` and simulates its journey number `journey` (the first by default). */
export function simulateSpec(spec: GraphSpec, options: LatencyOptions = {}, journey = 0): JourneyLatency {
  const graph = buildGraph(spec);
  const j = graph.journeys[journey];
  if (!j) throw new Error(`simulateSpec: no journey ${journey}`);
  return simulateJourneyLatency(graph, buildRequestPath(graph, j), j, options);
}

/** The percentiles of a result, for compact assertions. */
export function percentiles(result: JourneyLatency): [number | null, number | null, number | null] {
  return [result.p50Ms, result.p95Ms, result.p99Ms];
}
