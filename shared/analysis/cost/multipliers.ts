import type { GraphConnection, GraphJourney, ScenarioGraph } from '../graph.ts';
import { buildRequestPath } from '../request-path.ts';
import type { RequestPath } from '../request-path.ts';
import { edgeFactors } from './edge-factors.ts';

/*
 * Call multipliers of a journey (DOMAIN.md §2.2): how many calls one request of the journey makes to each
 * component and over each connection of its route, sync and async (an async event is still processed and paid
 * for). In topological order from the entry (m_entry = 1), each route connection u → v adds m_u × its factor
 * (edge-factors.ts) to m_v, so a shared dependency reached along two paths gets the sum.
 * Async cycles (feedback loops) are broken at the connection that closes them, seen from the entry, with a
 * warning naming the loop, so nothing is counted twice. A sync cycle leaves a request undefined: the journey
 * gets no calls at all (its variable costs are skipped) and an error.
 */

/** Calls one request of a journey makes, per component and per connection. */
export interface JourneyMultipliers {
  readonly journey: number;
  readonly journeyId: string;
  /** False when a sync cycle makes the journey's calls undefined: every multiplier is then 0. */
  readonly ok: boolean;
  /** Calls reaching each component per request (the entry's is 1), by component index. */
  readonly components: Float64Array;
  /** Calls over each connection per request (attempts, retries included), by connection index. */
  readonly connections: Float64Array;
  /** The request path's errors and a sync cycle found outside it. */
  readonly errors: readonly string[];
  readonly warnings: readonly string[];
}

function q(name: string | undefined): string {
  return `"${name ?? '?'}"`;
}

/** Call multipliers of `journey`; pass its request path when already built. Linear in the route. */
export function journeyMultipliers(
  graph: ScenarioGraph,
  journey: GraphJourney,
  path: RequestPath = buildRequestPath(graph, journey),
): JourneyMultipliers {
  const factors = edgeFactors(graph, journey, path);
  const errors = [...path.errors];
  const warnings = [...path.warnings, ...factors.warnings];
  const components = new Float64Array(graph.components.length);
  const connections = new Float64Array(graph.connections.length);
  const walk = walkRoute(graph, journey.entry, factors.active);

  if (walk.backEdges.length > 0) {
    const cycle = findSyncCycle(graph, walk.order, factors.active);
    if (cycle) {
      // The request path reports a sync cycle it can see; report one only it could not see.
      if (!errors.some((e) => e.includes('sync cycle'))) {
        errors.push(
          `The route has a sync cycle: ${cycle.map((c) => q(graph.components[c]?.name)).join(' → ')}. A ` +
            'request cannot wait on itself: make one of these connections async or take it off the route.',
        );
      }
      return {
        journey: journey.index,
        journeyId: journey.id,
        ok: false,
        components,
        connections,
        errors,
        warnings,
      };
    }
    for (const { edge, loop } of walk.backEdges) {
      const e = graph.connections[edge] as GraphConnection;
      warnings.push(
        `The feedback loop ${loop.map((c) => q(graph.components[c]?.name)).join(' → ')} is counted once: ` +
          `calls over ${q(graph.components[e.source]?.name)} → ${q(graph.components[e.target]?.name)} are not ` +
          'followed back around it.',
      );
    }
  }

  const skip = new Uint8Array(graph.connections.length);
  for (const { edge } of walk.backEdges) skip[edge] = 1;
  components[journey.entry] = 1;
  for (const u of walk.order) {
    const mu = components[u] as number;
    for (const e of graph.outgoing[u] ?? []) {
      if (!factors.active[e] || skip[e]) continue;
      const calls = mu * (factors.attempts[e] as number);
      connections[e] = calls;
      const v = (graph.connections[e] as GraphConnection).target;
      components[v] = (components[v] as number) + calls;
    }
  }
  return {
    journey: journey.index,
    journeyId: journey.id,
    ok: true,
    components,
    connections,
    errors,
    warnings,
  };
}

/** Call multipliers of every journey of the scenario, in journey order. */
export function scenarioMultipliers(graph: ScenarioGraph): JourneyMultipliers[] {
  return graph.journeys.map((j) => journeyMultipliers(graph, j));
}

interface BackEdge {
  readonly edge: number;
  /** Components around the loop, first repeated at the end. */
  readonly loop: readonly number[];
}

/**
 * Depth-first walk from `entry` over active connections: callers before callees (reverse post-order, where
 * connections closing a cycle are left out) and those connections with the loops they close.
 */
function walkRoute(
  graph: ScenarioGraph,
  entry: number,
  active: Uint8Array,
): { order: number[]; backEdges: BackEdge[] } {
  const state = new Uint8Array(graph.components.length); // 0 new, 1 on the stack, 2 done
  const post: number[] = [];
  const backEdges: BackEdge[] = [];
  const path: number[] = [entry];
  const cursor: number[] = [0];
  state[entry] = 1;
  while (path.length > 0) {
    const top = path.length - 1;
    const u = path[top] as number;
    const out = graph.outgoing[u] ?? [];
    let i = cursor[top] as number;
    while (i < out.length && !active[out[i] as number]) i++;
    if (i >= out.length) {
      state[u] = 2;
      post.push(u);
      path.pop();
      cursor.pop();
      continue;
    }
    cursor[top] = i + 1;
    const e = out[i] as number;
    const v = (graph.connections[e] as GraphConnection).target;
    if (state[v] === 2) continue;
    if (state[v] === 1) {
      backEdges.push({ edge: e, loop: [...path.slice(path.indexOf(v)), v] });
      continue;
    }
    state[v] = 1;
    path.push(v);
    cursor.push(0);
  }
  return { order: post.reverse(), backEdges };
}

/** A cycle of active sync connections among `reached` components (first repeated at the end), or null. */
function findSyncCycle(
  graph: ScenarioGraph,
  reached: readonly number[],
  active: Uint8Array,
): number[] | null {
  const state = new Uint8Array(graph.components.length);
  for (const root of reached) {
    if (state[root]) continue;
    const path: number[] = [root];
    const cursor: number[] = [0];
    state[root] = 1;
    while (path.length > 0) {
      const top = path.length - 1;
      const u = path[top] as number;
      const out = graph.outgoing[u] ?? [];
      let i = cursor[top] as number;
      while (i < out.length && !(active[out[i] as number] && graph.connections[out[i] as number]?.sync)) i++;
      if (i >= out.length) {
        state[u] = 2;
        path.pop();
        cursor.pop();
        continue;
      }
      cursor[top] = i + 1;
      const v = (graph.connections[out[i] as number] as GraphConnection).target;
      if (state[v] === 2) continue;
      if (state[v] === 1) return [...path.slice(path.indexOf(v)), v];
      state[v] = 1;
      path.push(v);
      cursor.push(0);
    }
  }
  return null;
}
