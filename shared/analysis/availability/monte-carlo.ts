import { seededRandom } from '../../model/seeded-random.ts';
import type { GraphConnection, ScenarioGraph } from '../graph.ts';
import type { CallStep, RequestPath, Step } from '../request-path.ts';

/*
 * The Monte Carlo cross-check of the exact availability (DOMAIN.md §2.3): sample every component's up state
 * and every branch draw, evaluate the same structure function as the BDD (see compile.ts), count successes,
 * and bound the estimate with a Wilson score interval. It is a check, not the default method.
 */

export interface MonteCarloAvailability {
  readonly samples: number;
  readonly successes: number;
  /** successes / samples. */
  readonly estimate: number;
  /** Wilson score interval at the requested z (default 1.96, 95 %). */
  readonly low: number;
  readonly high: number;
  readonly seed: number;
}

/** The seeded uniform generator the cross-check draws from (mulberry32). */
export const seededUniform = seededRandom;

/** Wilson score interval for a binomial proportion (successes out of n) at normal quantile z. */
export function wilsonInterval(successes: number, n: number, z = 1.96): { low: number; high: number } {
  if (n <= 0) return { low: 0, high: 1 };
  const p = successes / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (z / denominator) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/** Estimates the journey's availability by sampling `samples` requests over `path` (which has no errors). */
export function monteCarloAvailability(
  graph: ScenarioGraph,
  path: RequestPath,
  options: { samples?: number; seed?: number; z?: number } = {},
): MonteCarloAvailability {
  const samples = options.samples ?? 100_000;
  const seed = options.seed ?? 1;
  const random = seededUniform(seed);
  const ok = new Uint8Array(graph.components.length);
  const edge = (e: number): GraphConnection => graph.connections[e] as GraphConnection;
  const draw = (p: number): boolean => (p >= 1 ? true : p <= 0 ? false : random() < p);
  const served = (call: CallStep): boolean =>
    ok[edge(call.edge).target] === 1 || call.fallbacks.some((f) => ok[edge(f).target] === 1);

  const stepSucceeds = (step: Step): boolean => {
    if (step.type === 'call') {
      const taken = draw(edge(step.call.edge).probability);
      return !edge(step.call.edge).hard || !taken || served(step.call);
    }
    if (step.type === 'exclusive') {
      const r = random();
      let b = 0;
      let cumulative = step.shares[0] ?? 0;
      while (b < step.branches.length - 1 && r >= cumulative) cumulative += step.shares[++b] ?? 0;
      const call = step.branches[b] as CallStep;
      return !edge(call.edge).hard || served(call);
    }
    const taken = step.branches.map((call) => draw(edge(call.edge).probability));
    if (step.join === 'all') {
      return step.branches.every((call, b) => !edge(call.edge).hard || !taken[b] || served(call));
    }
    if (step.k <= 0 || step.branches.every((call) => !edge(call.edge).hard)) return true;
    const answered = step.branches.filter((call, b) => taken[b] && served(call)).length;
    return answered >= step.k;
  };

  let successes = 0;
  for (let s = 0; s < samples; s++) {
    for (let i = path.order.length - 1; i >= 0; i--) {
      const u = path.order[i] as number;
      let up = random() < (graph.components[u]?.serviceAvailability ?? 0);
      for (const step of path.steps[u] ?? []) up = stepSucceeds(step) && up;
      ok[u] = up ? 1 : 0;
    }
    if (ok[path.entry]) successes++;
  }
  const { low, high } = wilsonInterval(successes, samples, options.z);
  return { samples, successes, estimate: samples > 0 ? successes / samples : 0, low, high, seed };
}
