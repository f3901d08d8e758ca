import type { GraphConnection, GraphJourney, ScenarioGraph } from '../graph.ts';
import { connectionLabel, isFallback } from '../request-path.ts';
import type { CallStep, RequestPath } from '../request-path.ts';

/*
 * Calls made over each route connection per call reaching its source (DOMAIN.md §2.0, §2.2): calls per request
 * × probability × (1 + expected retries). The sync part comes from the request path's steps, so cost and
 * latency agree on shares of exclusive choices and on which fallbacks are taken. Route connections the request
 * path does not cover (async ones, and sync ones out of components only reached over async connections) follow
 * the same rules here: an exclusive group's members on the route share the choice in proportion to their
 * probabilities, and a fallback is taken at its primary's failure rate.
 */

/** Per-connection factors of one journey, by connection index. */
export interface EdgeFactors {
  /** Calls over the connection (attempts, retries included) per call reaching its source. */
  readonly attempts: Float64Array;
  /** 1 when the connection carries calls of this journey (on the route and taken), else 0. */
  readonly active: Uint8Array;
  readonly warnings: string[];
}

/** Expected extra attempts of a connection: Σ_{i=1..retries} qⁱ, q = 1 − availability of its target. */
export function expectedRetries(graph: ScenarioGraph, edge: GraphConnection): number {
  const q = 1 - (graph.components[edge.target]?.serviceAvailability ?? 1);
  let sum = 0;
  let power = 1;
  for (let i = 1; i <= edge.retries; i++) {
    power *= q;
    sum += power;
  }
  return sum;
}

/** Factors of every route connection of `journey`; `path` is its request path. Linear in the route. */
export function edgeFactors(graph: ScenarioGraph, journey: GraphJourney, path: RequestPath): EdgeFactors {
  const m = graph.connections.length;
  const attempts = new Float64Array(m);
  // Logical calls (before retries) per call reaching the source: what a fallback's rate is taken from.
  const logical = new Float64Array(m);
  const active = new Uint8Array(m);
  const warnings: string[] = [];
  const onRoute = new Uint8Array(m);
  for (const e of journey.route) onRoute[e] = 1;

  const set = (e: number, calls: number): void => {
    const edge = graph.connections[e] as GraphConnection;
    logical[e] = calls;
    attempts[e] = calls * (1 + expectedRetries(graph, edge));
    active[e] = 1;
  };
  const fallbackCalls = (f: number): number => {
    const edge = graph.connections[f] as GraphConnection;
    const primary = graph.connections[edge.primary] as GraphConnection;
    const failure = 1 - (graph.components[primary.target]?.serviceAvailability ?? 1);
    return (logical[edge.primary] as number) * failure * edge.callsPerRequest;
  };
  const setCall = (call: CallStep, share: number): void => {
    const edge = graph.connections[call.edge] as GraphConnection;
    set(call.edge, edge.callsPerRequest * share);
    // Chain order puts every fallback after the call it backs up, so its primary's calls are known.
    for (const f of call.fallbacks) set(f, fallbackCalls(f));
  };

  const covered = new Uint8Array(m);
  for (const e of path.syncEdges) covered[e] = 1;
  for (const steps of path.steps) {
    for (const step of steps) {
      if (step.type === 'exclusive') step.branches.forEach((b, i) => setCall(b, step.shares[i] ?? 0));
      else {
        const calls = step.type === 'call' ? [step.call] : step.branches;
        for (const c of calls) setCall(c, (graph.connections[c.edge] as GraphConnection).probability);
      }
    }
  }

  // The rest of the route: group sums first, then plain connections, then fallbacks after their primaries.
  const rest = journey.route.filter((e) => !covered[e]);
  const groupSum = new Map<number, number>();
  for (const e of rest) {
    const edge = graph.connections[e] as GraphConnection;
    if (isFallback(edge) || edge.group < 0 || graph.groups[edge.group]?.type !== 'exclusive') continue;
    groupSum.set(edge.group, (groupSum.get(edge.group) ?? 0) + edge.probability);
  }
  const fallbacks: number[] = [];
  for (const e of rest) {
    const edge = graph.connections[e] as GraphConnection;
    if (isFallback(edge)) {
      fallbacks.push(e);
      continue;
    }
    const sum = edge.group >= 0 ? groupSum.get(edge.group) : undefined;
    const share = sum === undefined ? edge.probability : sum > 0 ? edge.probability / sum : 0;
    set(e, edge.callsPerRequest * share);
  }
  resolveFallbacks(graph, fallbacks, onRoute, active, set, fallbackCalls, warnings);
  return { attempts, active, warnings };
}

/** Sets the factors of route fallbacks outside the request path, each after its primary (chains resolve). */
function resolveFallbacks(
  graph: ScenarioGraph,
  fallbacks: readonly number[],
  onRoute: Uint8Array,
  active: Uint8Array,
  set: (e: number, calls: number) => void,
  fallbackCalls: (f: number) => number,
  warnings: string[],
): void {
  let pending = fallbacks.filter((f) => {
    const edge = graph.connections[f] as GraphConnection;
    const primary = graph.connections[edge.primary];
    if (primary && onRoute[primary.index] && primary.source === edge.source) return true;
    warnings.push(
      `The fallback ${connectionLabel(graph, edge)} ${primary ? 'backs up a connection that is not on this route from the same component' : 'names no primary connection'}, so it is never taken: ` +
        'choose the call it backs up in the inspector.',
    );
    return false;
  });
  // Each round settles the fallbacks whose primary is settled; chains are short, so rounds are few.
  while (pending.length > 0) {
    const next = pending.filter((f) => {
      const primary = (graph.connections[f] as GraphConnection).primary;
      if (!active[primary]) return true;
      set(f, fallbackCalls(f));
      return false;
    });
    if (next.length === pending.length) break; // the rest back up each other or an untaken call: never taken
    pending = next;
  }
}
