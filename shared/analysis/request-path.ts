import type { GraphConnection, GraphGroup, GraphJourney, ScenarioGraph } from './graph.ts';

/*
 * A journey's request path (DOMAIN.md §2.0, §2.1): what one request does, as steps per component. Latency and
 * availability both walk this structure, so the meaning of groups, probabilities, fan-out and fallbacks is
 * decided here once:
 * - Only sync connections on the journey's route are on the request path; async route connections count for
 *   cost and freshness only (they are listed apart).
 * - A component's outgoing sync route connections become steps, all of which run for each call reaching it:
 *   a single call; an exclusive group (exactly one member taken, by the members' probabilities, renormalised
 *   over the members on this route); or a parallel group (members run at once and join all / any / k-of-n).
 * - A fallback is not a step of its own: it hangs off the call it backs up (its primary), in chain order
 *   (a fallback whose primary is itself a fallback comes after it).
 * - A sync cycle makes the path unusable: the error names the components around it.
 */

/** One call out of a component, with the fallbacks tried in order when it fails. */
export interface CallStep {
  readonly edge: number;
  readonly fallbacks: readonly number[];
}

export type Step =
  | { readonly type: 'call'; readonly call: CallStep }
  | {
      readonly type: 'exclusive';
      readonly group: number;
      readonly branches: readonly CallStep[];
      /** Probability of each branch on this route; they sum to 1. */
      readonly shares: readonly number[];
    }
  | {
      readonly type: 'parallel';
      readonly group: number;
      readonly join: 'all' | 'any' | 'k-of-n';
      /** Branches that must answer (all: every branch; any: 1). */
      readonly k: number;
      readonly branches: readonly CallStep[];
    };

export interface RequestPath {
  readonly journey: number;
  readonly entry: number;
  /**
   * Components the request can reach, callers before callees (a topological order of the sync path), entry
   * first. Empty when `errors` is not.
   */
  readonly order: readonly number[];
  /** Steps of each component, by component index (an empty list for leaves and unreached components). */
  readonly steps: readonly (readonly Step[])[];
  /** Route connections that are async: cost and freshness only. */
  readonly asyncEdges: readonly number[];
  /** Sync connections on the path, fallbacks included, ascending. */
  readonly syncEdges: readonly number[];
  /** Problems that make latency and availability impossible (a sync cycle, a choice that does not sum to 1). */
  readonly errors: readonly string[];
  /** Things the analyses worked around (a fallback without a primary is ignored...). */
  readonly warnings: readonly string[];
}

/** Tolerance on the sum of an exclusive group's shares (DOMAIN.md §2.0). */
export const SHARE_SUM_TOLERANCE = 1e-9;

const NO_STEPS: readonly Step[] = [];

function q(name: string): string {
  return `"${name}"`;
}

/** "A" → "B", for messages. */
export function connectionLabel(graph: ScenarioGraph, edge: GraphConnection): string {
  const source = graph.components[edge.source]?.name ?? '?';
  const target = graph.components[edge.target]?.name ?? '?';
  return `${q(source)} → ${q(target)}`;
}

/** True when `edge` is a fallback (backs up another call) rather than a call of its own. */
export function isFallback(edge: GraphConnection): boolean {
  return edge.kind === 'fallback' || edge.primary >= 0;
}

/** Builds the request path of `journey` in `graph`. Linear in the route's size. */
export function buildRequestPath(graph: ScenarioGraph, journey: GraphJourney): RequestPath {
  const errors: string[] = [];
  const warnings: string[] = [];
  const onRoute = new Uint8Array(graph.connections.length);
  const asyncEdges: number[] = [];
  for (const e of journey.route) {
    onRoute[e] = 1;
    if (!(graph.connections[e] as GraphConnection).sync) asyncEdges.push(e);
  }

  // Reach components over sync route connections (fallbacks included: their targets serve requests too).
  const n = graph.components.length;
  const reached = new Uint8Array(n);
  const stack = [journey.entry];
  reached[journey.entry] = 1;
  while (stack.length > 0) {
    const u = stack.pop() as number;
    for (const e of graph.outgoing[u] ?? []) {
      const edge = graph.connections[e] as GraphConnection;
      if (!onRoute[e] || !edge.sync || reached[edge.target]) continue;
      reached[edge.target] = 1;
      stack.push(edge.target);
    }
  }

  const steps: (readonly Step[])[] = new Array<readonly Step[]>(n).fill(NO_STEPS);
  const syncEdges: number[] = [];
  const fallbackWarned = new Set<number>();
  for (let u = 0; u < n; u++) {
    if (!reached[u]) continue;
    const list = stepsOf(graph, u, onRoute, errors, warnings, fallbackWarned, syncEdges);
    if (list.length > 0) steps[u] = list;
  }
  syncEdges.sort((a, b) => a - b);

  const anyReached = reachedOverRoute(graph, journey.entry, onRoute);
  const unreachable = journey.route.filter(
    (e) => !anyReached[(graph.connections[e] as GraphConnection).source],
  );
  if (unreachable.length > 0) {
    const first = graph.connections[unreachable[0] as number] as GraphConnection;
    warnings.push(
      `${unreachable.length === 1 ? 'One connection' : `${unreachable.length} connections`} of the route ` +
        `cannot be reached from ${q(graph.components[journey.entry]?.name ?? '?')} (e.g. ` +
        `${connectionLabel(graph, first)}); ${unreachable.length === 1 ? 'it is' : 'they are'} ignored.`,
    );
  }

  const order = errors.length > 0 ? [] : topologicalOrder(graph, journey.entry, steps, errors);
  return {
    journey: journey.index,
    entry: journey.entry,
    order: errors.length > 0 ? [] : order,
    steps,
    asyncEdges,
    syncEdges,
    errors,
    warnings,
  };
}

/** Components reached from `entry` over any route connections (sync or async): one linear search. */
function reachedOverRoute(graph: ScenarioGraph, entry: number, onRoute: Uint8Array): Uint8Array {
  const seen = new Uint8Array(graph.components.length);
  seen[entry] = 1;
  const stack = [entry];
  while (stack.length > 0) {
    const u = stack.pop() as number;
    for (const e of graph.outgoing[u] ?? []) {
      const target = (graph.connections[e] as GraphConnection).target;
      if (!onRoute[e] || seen[target]) continue;
      seen[target] = 1;
      stack.push(target);
    }
  }
  return seen;
}

/** The steps of reached component `u`: calls, groups, and fallbacks attached to their primaries. */
function stepsOf(
  graph: ScenarioGraph,
  u: number,
  onRoute: Uint8Array,
  errors: string[],
  warnings: string[],
  fallbackWarned: Set<number>,
  syncEdges: number[],
): Step[] {
  const calls: number[] = [];
  const fallbacksOf = new Map<number, number[]>();
  for (const e of graph.outgoing[u] ?? []) {
    const edge = graph.connections[e] as GraphConnection;
    if (!onRoute[e] || !edge.sync) continue;
    syncEdges.push(e);
    if (!isFallback(edge)) {
      calls.push(e);
      continue;
    }
    const primary = edge.primary >= 0 ? graph.connections[edge.primary] : undefined;
    if (!primary) {
      if (!fallbackWarned.has(e)) {
        fallbackWarned.add(e);
        warnings.push(
          `The fallback ${connectionLabel(graph, edge)} names no primary connection, so it is never taken: ` +
            'choose the call it backs up in the inspector.',
        );
      }
      continue;
    }
    const list = fallbacksOf.get(edge.primary) ?? [];
    list.push(e);
    fallbacksOf.set(edge.primary, list);
  }
  const callStep = (edge: number): CallStep => ({ edge, fallbacks: fallbackChain(edge, fallbacksOf) });
  // Fallbacks whose primary is not a sync call on this route are never taken.
  for (const [primary, list] of fallbacksOf) {
    const p = graph.connections[primary] as GraphConnection;
    const primaryTaken = onRoute[primary] && p.sync && p.source === u;
    if (primaryTaken) continue;
    for (const f of list) {
      if (fallbackWarned.has(f)) continue;
      fallbackWarned.add(f);
      warnings.push(
        `The fallback ${connectionLabel(graph, graph.connections[f] as GraphConnection)} backs up ` +
          `${connectionLabel(graph, p)}, which is not a sync call of this journey's route; it is ignored here.`,
      );
    }
  }

  // A group becomes one step, at the position of its first member (connections are in id order).
  const slots: (Step | number)[] = [];
  const membersOf = new Map<number, number[]>();
  for (const e of calls) {
    const edge = graph.connections[e] as GraphConnection;
    if (edge.group < 0) {
      slots.push({ type: 'call', call: callStep(e) });
      continue;
    }
    const members = membersOf.get(edge.group);
    if (members) members.push(e);
    else {
      membersOf.set(edge.group, [e]);
      slots.push(edge.group);
    }
  }
  const name = graph.components[u]?.name ?? '?';
  return slots.map((slot) =>
    typeof slot === 'number'
      ? groupStep(graph, slot, membersOf.get(slot) ?? [], callStep, name, errors)
      : slot,
  );
}

/** The step of group `g` over its `members` on this route; pushes an error when it cannot be taken. */
function groupStep(
  graph: ScenarioGraph,
  g: number,
  members: readonly number[],
  callStep: (edge: number) => CallStep,
  sourceName: string,
  errors: string[],
): Step {
  const group = graph.groups[g] as GraphGroup;
  const branches = members.map(callStep);
  const probabilityOf = (m: number): number => graph.connections[m]?.probability ?? 0;
  if (group.type === 'exclusive') {
    const total = group.members.reduce((sum, m) => sum + probabilityOf(m), 0);
    if (Math.abs(total - 1) > SHARE_SUM_TOLERANCE) {
      errors.push(
        `The branches of choice group ${q(group.name)} out of ${q(sourceName)} have probabilities that sum ` +
          `to ${formatShare(total)}, not 1: adjust them so exactly one branch is taken.`,
      );
    }
    // A route that keeps only some branches of a choice takes them in proportion to their shares.
    const onRoute = members.reduce((sum, m) => sum + probabilityOf(m), 0);
    const whole = members.length === group.members.length;
    const shares = members.map((m) =>
      whole ? probabilityOf(m) : onRoute > 0 ? probabilityOf(m) / onRoute : 1 / members.length,
    );
    return { type: 'exclusive', group: g, branches, shares };
  }
  const k = group.join === 'all' ? branches.length : group.join === 'any' ? 1 : group.k;
  if (k > branches.length) {
    errors.push(
      `Parallel group ${q(group.name)} out of ${q(sourceName)} waits for ${k} answers but only ` +
        `${branches.length} of its connections ${branches.length === 1 ? 'is' : 'are'} on this route.`,
    );
  }
  return { type: 'parallel', group: g, join: group.join, k, branches };
}

/** The fallbacks of `primary` in the order they are tried: direct ones, each followed by its own chain. */
function fallbackChain(primary: number, fallbacksOf: ReadonlyMap<number, number[]>): number[] {
  const chain: number[] = [];
  const visit = (p: number, depth: number): void => {
    // Integrity refuses primary cycles; the depth bound only keeps a damaged graph from looping.
    if (depth > 64) return;
    for (const f of fallbacksOf.get(p) ?? []) {
      chain.push(f);
      visit(f, depth + 1);
    }
  };
  visit(primary, 0);
  return chain;
}

function formatShare(value: number): string {
  return Number(value.toPrecision(6)).toString();
}

/** The edges a component's steps call (branches and fallbacks included). */
export function stepEdges(step: Step): number[] {
  const calls = step.type === 'call' ? [step.call] : step.branches;
  return calls.flatMap((c) => [c.edge, ...c.fallbacks]);
}

/**
 * Callers before callees from `entry` over the steps (iterative DFS, reverse post-order). On a cycle, pushes an
 * error naming the components around it and returns [].
 */
function topologicalOrder(
  graph: ScenarioGraph,
  entry: number,
  steps: readonly (readonly Step[])[],
  errors: string[],
): number[] {
  const n = graph.components.length;
  const state = new Uint8Array(n); // 0 new, 1 on the stack, 2 done
  const post: number[] = [];
  const path: number[] = [entry];
  const cursor: number[] = [0];
  const targets = (u: number): number[] =>
    (steps[u] ?? NO_STEPS).flatMap(stepEdges).map((e) => (graph.connections[e] as GraphConnection).target);
  const children: number[][] = [targets(entry)];
  state[entry] = 1;
  while (path.length > 0) {
    const top = path.length - 1;
    const u = path[top] as number;
    const kids = children[top] as number[];
    const i = cursor[top] as number;
    if (i >= kids.length) {
      state[u] = 2;
      post.push(u);
      path.pop();
      cursor.pop();
      children.pop();
      continue;
    }
    cursor[top] = i + 1;
    const v = kids[i] as number;
    if (state[v] === 2) continue;
    if (state[v] === 1) {
      const from = path.indexOf(v);
      const names = [...path.slice(from), v].map((c) => q(graph.components[c]?.name ?? '?'));
      errors.push(
        `The request path has a sync cycle: ${names.join(' → ')}. A request cannot wait on itself: make one ` +
          'of these connections async or take it off the route.',
      );
      return [];
    }
    state[v] = 1;
    path.push(v);
    cursor.push(0);
    children.push(targets(v));
  }
  return post.reverse();
}
