import type { ScenarioGraph } from '../graph.ts';
import type { RequestPath } from '../request-path.ts';
import type { LatencyProgram } from './program.ts';
import type { TraceTotals } from './sampler.ts';

/*
 * What the tail is made of, from the traced samples around p95: the critical path (descend from the entry
 * into the call with the largest mean tail time until a leaf) and each component's and connection's
 * contribution (its mean time on the binding chain; these add up to the mean tail time, about the p95).
 */

/** One hop of the critical path. */
export interface CriticalPathHop {
  readonly componentId: string;
  /** The connection the hop arrives by; null for the entry. */
  readonly connectionId: string | null;
  /** Mean time of this call (the whole request for the entry) in the tail samples, ms. */
  readonly meanTailMs: number;
}

export interface CriticalPath {
  /** Components from the entry to the leaf, for highlighting. */
  readonly componentIds: string[];
  readonly connectionIds: string[];
  readonly hops: CriticalPathHop[];
}

/** What one component or connection adds to the tail. */
export interface Contribution {
  readonly id: string;
  /** Mean time on the binding chain in the tail samples, ms (service time; network and waits for connections). */
  readonly meanTailMs: number;
  /** meanTailMs ÷ p95 (0 when the p95 is 0). */
  readonly shareOfP95: number;
}

/** The critical path through the traced tail samples. */
export function criticalPathOf(
  graph: ScenarioGraph,
  program: LatencyProgram,
  trace: TraceTotals,
  tailMeanMs: number,
): CriticalPath {
  const m = Math.max(1, trace.samples);
  const entry = program.visitComponent[0] as number;
  const hops: CriticalPathHop[] = [
    { componentId: graph.components[entry]?.id ?? '?', connectionId: null, meanTailMs: tailMeanMs },
  ];
  let site = 0;
  // A tree has no cycles, but a bound keeps a damaged program from looping.
  for (let guard = 0; guard < program.visitComponent.length; guard++) {
    let best = -1;
    let bestMs = 0;
    for (let s = program.visitStepStart[site] as number; s < (program.visitStepEnd[site] as number); s++) {
      for (let c = program.stepCallStart[s] as number; c < (program.stepCallEnd[s] as number); c++) {
        if ((trace.callMs[c] as number) > bestMs) {
          bestMs = trace.callMs[c] as number;
          best = c;
        }
      }
    }
    if (best < 0) break;
    // Into the call's own target, or into the fallback that took longer in the tail.
    let chosen = best;
    let chosenMs = trace.attemptMs[best] as number;
    for (
      let f = program.callFallbackStart[best] as number;
      f < (program.callFallbackEnd[best] as number);
      f++
    ) {
      if ((trace.callMs[f] as number) > chosenMs) {
        chosen = f;
        chosenMs = trace.callMs[f] as number;
      }
    }
    const edge = graph.connections[program.callEdge[chosen] as number];
    site = program.callTarget[chosen] as number;
    const component = graph.components[program.visitComponent[site] as number];
    hops.push({ componentId: component?.id ?? '?', connectionId: edge?.id ?? '?', meanTailMs: chosenMs / m });
  }
  return {
    componentIds: hops.map((h) => h.componentId),
    connectionIds: hops.flatMap((h) => (h.connectionId === null ? [] : [h.connectionId])),
    hops,
  };
}

/** Contributions of the path's components and sync connections to the tail, in path order. */
export function contributionsOf(
  graph: ScenarioGraph,
  path: RequestPath,
  trace: TraceTotals,
  p95Ms: number,
): { components: Contribution[]; connections: Contribution[] } {
  const m = Math.max(1, trace.samples);
  const nc = graph.components.length;
  const contribution = (id: string, totalMs: number): Contribution => {
    const meanTailMs = totalMs / m;
    return { id, meanTailMs, shareOfP95: p95Ms > 0 ? meanTailMs / p95Ms : 0 };
  };
  return {
    components: path.order.map((c) =>
      contribution(graph.components[c]?.id ?? '?', trace.bindingMs[c] as number),
    ),
    connections: path.syncEdges.map((e) =>
      contribution(graph.connections[e]?.id ?? '?', trace.bindingMs[nc + e] as number),
    ),
  };
}
