/*
 * A component's service availability from its availability as typed (DOMAIN.md §2.0, §2.3): the figure is for
 * the whole service when the scope says so or when there is no redundancy (a managed endpoint's SLA);
 * otherwise it is per replica and the service is up when at least k of its n replicas are (independent
 * replicas, perfect failover): Σ_{i=k..n} C(n,i) aⁱ(1−a)ⁿ⁻ⁱ, which is 1 − (1 − a)ⁿ for k = 1.
 */

export interface RedundancyInput {
  /** Availability as typed (0-1). */
  readonly availability: number;
  readonly scope: 'per-replica' | 'whole-service';
  readonly redundancy: 'none' | 'active-active' | 'active-passive';
  /** Replicas running (n). */
  readonly replicas: number;
  /** Replicas that must be up to serve (k), 1 by default. */
  readonly replicasNeeded?: number;
}

/** Probability (0-1) that the component can serve a request, with replicas and redundancy folded in. */
export function effectiveServiceAvailability(input: RedundancyInput): number {
  const a = clamp01(input.availability);
  if (input.scope === 'whole-service' || input.redundancy === 'none') return a;
  const n = Math.max(1, Math.floor(input.replicas));
  const k = Math.max(1, Math.floor(input.replicasNeeded ?? 1));
  return atLeastKOfN(a, k, n);
}

/** P(at least k of n independent replicas are up), each up with probability a. */
export function atLeastKOfN(a: number, k: number, n: number): number {
  if (k > n) return 0;
  if (k <= 0 || a >= 1) return 1;
  if (a <= 0) return 0;
  // Near 1 the answer is 1 − (a small tail): then the tail of too few replicas up is summed, whose terms are
  // tiny and exact, rather than terms near 1. Terms are built in logs (C(n, i) incrementally) so large n
  // neither overflows nor underflows.
  const logA = Math.log(a);
  const logB = Math.log1p(-a);
  let logChoose = 0;
  let up = 0;
  let down = 0;
  for (let i = 0; i <= n; i++) {
    const term = Math.exp(logChoose + i * logA + (n - i) * logB);
    if (i < k) down += term;
    else up += term;
    logChoose += Math.log((n - i) / (i + 1));
  }
  return up < 0.5 ? up : 1 - down;
}

function clamp01(x: number): number {
  return Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0;
}
