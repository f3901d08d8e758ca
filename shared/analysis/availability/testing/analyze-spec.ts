import type { GraphJourney, ScenarioGraph } from '../../graph.ts';
import { buildRequestPath } from '../../request-path.ts';
import { buildGraph } from '../../testing/graph-spec.ts';
import type { GraphSpec } from '../../testing/graph-spec.ts';
import { analyzeJourneyAvailability } from '../analyze.ts';
import type { AvailabilityOptions, JourneyAvailability } from '../types.ts';

/** Minutes in the 730-hour month, written out so tests do not reuse the constant they check. */
export const MINUTES_PER_MONTH = 730 * 60;

/** Availability of the first journey of a hand-written design; `transform` edits the built graph. */
export function analyzeSpec(
  spec: GraphSpec,
  options?: AvailabilityOptions,
  transform: (graph: ScenarioGraph) => ScenarioGraph = (graph) => graph,
): JourneyAvailability {
  const graph = transform(buildGraph(spec));
  const journey = graph.journeys[0] as GraphJourney;
  return analyzeJourneyAvailability(graph, buildRequestPath(graph, journey), journey, options);
}

/** Cut sets as "a+b" strings, in the order returned. */
export function cutSetIds(result: JourneyAvailability): string[] {
  return result.cutSets.map((s) => s.componentIds.join('+'));
}
