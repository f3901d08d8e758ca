import type { GraphJourney, ScenarioGraph } from '../graph.ts';
import { connectionLabel } from '../request-path.ts';
import type { RequestPath } from '../request-path.ts';
import { compactGraph } from './compact-graph.ts';
import type { CompactGraph } from './compact-graph.ts';
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
  /** The components the request reaches (callers before callees, the entry first); empty when not ok. */
  readonly reached: readonly number[];
  /** The request path's errors and a sync cycle found outside it. */
  readonly errors: readonly string[];
  readonly warnings: readonly string[];
}

function q(name: string | undefined): string {
  return `"${name ?? '?'}"`;
}

/**
 * Call multipliers of `journey`. With its request path (buildRequestPath), the path's steps decide the sync
 * part and its errors and warnings are passed on; without, the same rules are applied directly (much faster on
 * large graphs). Linear in the route.
 */
export function journeyMultipliers(
  graph: ScenarioGraph,
  journey: GraphJourney,
  path?: RequestPath,
): JourneyMultipliers {
  const cg = compactGraph(graph);
  const onRoute = new Uint8Array(graph.connections.length);
  for (const e of journey.route) onRoute[e] = 1;
  const factors = edgeFactors(graph, cg, journey, onRoute, path);
  const errors = [...(path?.errors ?? [])];
  const warnings = [...(path?.warnings ?? []), ...factors.warnings];
  const components = new Float64Array(graph.components.length);
  const connections = new Float64Array(graph.connections.length);
  const walk = walkRoute(cg, journey.entry, factors.active);
  if (!path) warnings.push(...unreachableWarning(graph, cg, journey, onRoute, walk.reached));
  const result = (ok: boolean): JourneyMultipliers => ({
    journey: journey.index,
    journeyId: journey.id,
    ok,
    components,
    connections,
    reached: ok ? walk.order : [],
    errors,
    warnings,
  });

  if (walk.backEdges.length > 0) {
    const cycle = findSyncCycle(cg, walk.order, factors.active);
    if (cycle) {
      // The request path reports a sync cycle it can see; report one only it could not see.
      if (!errors.some((e) => e.includes('sync cycle'))) {
        errors.push(
          `The route has a sync cycle: ${cycle.map((c) => q(graph.components[c]?.name)).join(' → ')}. A ` +
            'request cannot wait on itself: make one of these connections async or take it off the route.',
        );
      }
      return result(false);
    }
    for (const { edge, loop } of walk.backEdges) {
      warnings.push(
        `The feedback loop ${loop.map((c) => q(graph.components[c]?.name)).join(' → ')} is counted once: ` +
          `calls over ${q(graph.components[cg.source[edge] as number]?.name)} → ` +
          `${q(graph.components[cg.target[edge] as number]?.name)} are not followed back around it.`,
      );
    }
  }

  const skip = new Uint8Array(graph.connections.length);
  for (const { edge } of walk.backEdges) skip[edge] = 1;
  components[journey.entry] = 1;
  for (const u of walk.order) {
    const mu = components[u] as number;
    for (let i = cg.outStart[u] as number, end = cg.outStart[u + 1] as number; i < end; i++) {
      const e = cg.outEdges[i] as number;
      if (!factors.active[e] || skip[e]) continue;
      const calls = mu * (factors.attempts[e] as number);
      connections[e] = calls;
      const v = cg.target[e] as number;
      components[v] = (components[v] as number) + calls;
    }
  }
  return result(true);
}

/** The request path's warning about route connections nothing on the route leads to, in its words. */
function unreachableWarning(
  graph: ScenarioGraph,
  cg: CompactGraph,
  journey: GraphJourney,
  onRoute: Uint8Array,
  walked: Uint8Array,
): string[] {
  // The walk follows taken connections only; look further only when it missed part of the route.
  if (journey.route.every((e) => walked[cg.source[e] as number])) return [];
  const reached = new Uint8Array(graph.components.length);
  const stack = [journey.entry];
  reached[journey.entry] = 1;
  while (stack.length > 0) {
    const u = stack.pop() as number;
    for (let i = cg.outStart[u] as number, end = cg.outStart[u + 1] as number; i < end; i++) {
      const e = cg.outEdges[i] as number;
      const v = cg.target[e] as number;
      if (!onRoute[e] || reached[v]) continue;
      reached[v] = 1;
      stack.push(v);
    }
  }
  const unreachable = journey.route.filter((e) => !reached[cg.source[e] as number]);
  const first = graph.connections[unreachable[0] ?? -1];
  if (!first) return [];
  const one = unreachable.length === 1;
  return [
    `${one ? 'One connection' : `${unreachable.length} connections`} of the route cannot be reached from ` +
      `${q(graph.components[journey.entry]?.name)} (e.g. ${connectionLabel(graph, first)}); ` +
      `${one ? 'it is' : 'they are'} ignored.`,
  ];
}

/** Call multipliers of every journey of the scenario, in journey order; `paths` are their request paths if built. */
export function scenarioMultipliers(
  graph: ScenarioGraph,
  paths?: readonly RequestPath[],
): JourneyMultipliers[] {
  return graph.journeys.map((j) => journeyMultipliers(graph, j, paths?.[j.index]));
}

interface BackEdge {
  readonly edge: number;
  /** Components around the loop, first repeated at the end. */
  readonly loop: readonly number[];
}

/**
 * Depth-first walk from `entry` over active connections: callers before callees (reverse post-order, where
 * connections closing a cycle are left out), those connections with the loops they close, and what it reached.
 */
function walkRoute(
  cg: CompactGraph,
  entry: number,
  active: Uint8Array,
): { order: number[]; backEdges: BackEdge[]; reached: Uint8Array } {
  const state = new Uint8Array(cg.outStart.length - 1); // 0 new, 1 on the stack, 2 done
  const post: number[] = [];
  const backEdges: BackEdge[] = [];
  const path: number[] = [entry];
  const cursor: number[] = [cg.outStart[entry] as number];
  state[entry] = 1;
  while (path.length > 0) {
    const top = path.length - 1;
    const u = path[top] as number;
    const end = cg.outStart[u + 1] as number;
    let i = cursor[top] as number;
    while (i < end && !active[cg.outEdges[i] as number]) i++;
    if (i >= end) {
      state[u] = 2;
      post.push(u);
      path.pop();
      cursor.pop();
      continue;
    }
    cursor[top] = i + 1;
    const e = cg.outEdges[i] as number;
    const v = cg.target[e] as number;
    if (state[v] === 2) continue;
    if (state[v] === 1) {
      backEdges.push({ edge: e, loop: [...path.slice(path.indexOf(v)), v] });
      continue;
    }
    state[v] = 1;
    path.push(v);
    cursor.push(cg.outStart[v] as number);
  }
  return { order: post.reverse(), backEdges, reached: state };
}

/** A cycle of active sync connections among `reached` components (first repeated at the end), or null. */
function findSyncCycle(cg: CompactGraph, reached: readonly number[], active: Uint8Array): number[] | null {
  const state = new Uint8Array(cg.outStart.length - 1);
  for (const root of reached) {
    if (state[root]) continue;
    const path: number[] = [root];
    const cursor: number[] = [cg.outStart[root] as number];
    state[root] = 1;
    while (path.length > 0) {
      const top = path.length - 1;
      const u = path[top] as number;
      const end = cg.outStart[u + 1] as number;
      let i = cursor[top] as number;
      while (i < end && !(active[cg.outEdges[i] as number] && cg.sync[cg.outEdges[i] as number])) i++;
      if (i >= end) {
        state[u] = 2;
        path.pop();
        cursor.pop();
        continue;
      }
      cursor[top] = i + 1;
      const v = cg.target[cg.outEdges[i] as number] as number;
      if (state[v] === 2) continue;
      if (state[v] === 1) return [...path.slice(path.indexOf(v)), v];
      state[v] = 1;
      path.push(v);
      cursor.push(cg.outStart[v] as number);
    }
  }
  return null;
}
