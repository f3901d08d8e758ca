import type { GraphConnection, GraphJourney, ScenarioGraph } from '../graph.ts';
import { connectionLabel } from '../request-path.ts';
import type { CallStep, RequestPath } from '../request-path.ts';
import type { CompactGraph } from './compact-graph.ts';

/*
 * Calls made over each route connection per call reaching its source (DOMAIN.md §2.0, §2.2): calls per request
 * × probability × (1 + expected retries), by the request path's rules (request-path.ts):
 * - a member of an exclusive group takes its share, renormalised over the group's members on the route (sync
 *   and async members apart: the request path's choice is among the sync ones);
 * - a fallback is taken at its primary's failure rate, per call of the primary (1 − availability of the
 *   primary's target), when its primary is a call of the route from the same component (a sync one for a sync
 *   fallback); a fallback of a fallback hangs off it the same way;
 * - anything else at its probability (a cache's already is its miss ratio).
 * Given the journey's request path, its steps decide the sync connections they cover, so cost and latency agree
 * by construction; the rest of the route (async connections, and sync ones behind an async hop) follows the
 * same rules here. Without it, the rules decide everything, in typed arrays (multipliers.test.ts checks both
 * give the same numbers).
 */

/** Per-connection factors of one journey, by connection index. */
export interface EdgeFactors {
  /** Calls over the connection (attempts, retries included) per call reaching its source. */
  readonly attempts: Float64Array;
  /** 1 when the connection carries calls of this journey (on the route and taken), else 0. */
  readonly active: Uint8Array;
  readonly warnings: string[];
}

/** Factors of every route connection of `journey` (`onRoute` marks its route). Linear in the route. */
export function edgeFactors(
  graph: ScenarioGraph,
  cg: CompactGraph,
  journey: GraphJourney,
  onRoute: Uint8Array,
  path?: RequestPath,
): EdgeFactors {
  const m = cg.source.length;
  const attempts = new Float64Array(m);
  // Logical calls (before retries) per call reaching the source: what a fallback's rate is taken from.
  const logical = new Float64Array(m);
  const active = new Uint8Array(m);
  const warnings: string[] = [];
  const set = (e: number, calls: number): void => {
    logical[e] = calls;
    attempts[e] = calls * (1 + (cg.expectedRetries[e] as number));
    active[e] = 1;
  };
  const fallbackCalls = (f: number): number => {
    const p = cg.primary[f] as number;
    return (
      (logical[p] as number) * (1 - (cg.targetAvailability[p] as number)) * (cg.callsPerRequest[f] as number)
    );
  };

  const covered = new Uint8Array(path ? m : 0);
  if (path) {
    for (const e of path.syncEdges) covered[e] = 1;
    const setCall = (call: CallStep, share: number): void => {
      set(call.edge, (cg.callsPerRequest[call.edge] as number) * share);
      // Chain order puts every fallback after the call it backs up, so its primary's calls are known.
      for (const f of call.fallbacks) set(f, fallbackCalls(f));
    };
    // The order lists the components with steps (without errors, every component the request reaches).
    const withSteps = path.order.length > 0 ? path.order : [...path.steps.keys()];
    for (const u of withSteps) {
      for (const step of path.steps[u] ?? []) {
        if (step.type === 'exclusive') step.branches.forEach((b, i) => setCall(b, step.shares[i] ?? 0));
        else if (step.type === 'call') setCall(step.call, cg.probability[step.call.edge] as number);
        else for (const b of step.branches) setCall(b, cg.probability[b.edge] as number);
      }
    }
  }

  // Shares of exclusive groups over their members on the route, sync and async apart: [2g + sync].
  const groupSum = new Float64Array(2 * graph.groups.length);
  for (const e of journey.route) {
    const g = cg.exclusiveGroup[e] as number;
    if (g < 0 || covered[e] || cg.fallback[e]) continue;
    const k = 2 * g + (cg.sync[e] as number);
    groupSum[k] = (groupSum[k] as number) + (cg.probability[e] as number);
  }
  const fallbacks: number[] = [];
  for (const e of journey.route) {
    if (covered[e]) continue;
    if (cg.fallback[e]) {
      fallbacks.push(e);
      continue;
    }
    const g = cg.exclusiveGroup[e] as number;
    const p = cg.probability[e] as number;
    const sum = g < 0 ? 1 : (groupSum[2 * g + (cg.sync[e] as number)] as number);
    set(e, (cg.callsPerRequest[e] as number) * (g < 0 ? p : sum > 0 ? p / sum : 0));
  }
  if (fallbacks.length > 0)
    resolveFallbacks(graph, cg, fallbacks, onRoute, active, set, fallbackCalls, warnings);
  return { attempts, active, warnings };
}

/** Sets the factors of `fallbacks`, each after its primary (so chains resolve); warns about the untaken. */
function resolveFallbacks(
  graph: ScenarioGraph,
  cg: CompactGraph,
  fallbacks: readonly number[],
  onRoute: Uint8Array,
  active: Uint8Array,
  set: (e: number, calls: number) => void,
  fallbackCalls: (f: number) => number,
  warnings: string[],
): void {
  const label = (e: number): string => connectionLabel(graph, graph.connections[e] as GraphConnection);
  let pending = fallbacks.filter((f) => {
    const p = cg.primary[f] as number;
    if (p < 0) {
      warnings.push(
        `The fallback ${label(f)} names no primary connection, so it is never taken: ` +
          'choose the call it backs up in the inspector.',
      );
      return false;
    }
    const sync = cg.sync[f] === 1;
    if (onRoute[p] && cg.source[p] === cg.source[f] && (!sync || cg.sync[p] === 1)) return true;
    warnings.push(
      `The fallback ${label(f)} backs up ${label(p)}, which is not a ${sync ? 'sync ' : ''}call of this ` +
        "journey's route; it is ignored here.",
    );
    return false;
  });
  // Each round settles the fallbacks whose primary is settled; chains are short, so rounds are few.
  while (pending.length > 0) {
    const next = pending.filter((f) => {
      if (!active[cg.primary[f] as number]) return true;
      set(f, fallbackCalls(f));
      return false;
    });
    if (next.length === pending.length) break; // they back up calls that are never made: never taken
    pending = next;
  }
}
