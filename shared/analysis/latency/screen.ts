import type { GraphConnection, ScenarioGraph } from '../graph.ts';
import type { CallStep, RequestPath, Step } from '../request-path.ts';
import { fitDelay, fitService } from './fit.ts';

/*
 * The sum-of-p95s screen (DOMAIN.md §2.1): a deterministic, conservative-looking number along the path.
 * A visit is its p95 (an LLM endpoint: TTFT p95 + generation) plus its steps; a call is the network p95 plus
 * the target's visit, times n for a sequential fan-out; a parallel step takes the max of its branches for
 * join all, the min for any, the k-th smallest for k-of-n; an exclusive choice its largest branch. Calls taken
 * with a probability count in full; fallbacks, retries and timeouts are left out. It is no guarantee: rare
 * stalls inside each component's 5 % tail add up to a much larger true p95, which only the simulation sees.
 */

const ignore = (): void => {};

/** The sum-of-p95s screen of `path`, ms (memoised per component: linear in the path's size). */
export function sumOfP95sMs(graph: ScenarioGraph, path: RequestPath): number {
  const memo = new Map<number, number>();

  const visitMs = (component: number): number => {
    const known = memo.get(component);
    if (known !== undefined) return known;
    const c = graph.components[component];
    let total = 0;
    if (c) {
      const fit = fitService(c, ignore);
      total = fit.delay.p95Ms + fit.generationMs;
    }
    for (const step of path.steps[component] ?? []) total += stepMs(step);
    memo.set(component, total);
    return total;
  };

  const callMs = (call: CallStep): number => {
    const edge = graph.connections[call.edge] as GraphConnection;
    const calls = Number.isFinite(edge.callsPerRequest) ? Math.max(0, edge.callsPerRequest) : 0;
    if (calls === 0 || !(edge.probability > 0)) return 0;
    const one = fitDelay(edge.networkP50Ms, edge.networkP95Ms).p95Ms + visitMs(edge.target);
    return edge.parallelFanOut ? one : one * Math.ceil(calls);
  };

  const stepMs = (step: Step): number => {
    if (step.type === 'call') return callMs(step.call);
    const branches = step.branches.map(callMs);
    if (step.type === 'exclusive')
      return Math.max(0, ...branches.filter((_, i) => (step.shares[i] ?? 0) > 0));
    if (step.join === 'all') return Math.max(0, ...branches);
    const sorted = branches.sort((a, b) => a - b);
    return sorted[Math.min(sorted.length, Math.max(1, step.k)) - 1] ?? 0;
  };

  return visitMs(path.entry);
}
