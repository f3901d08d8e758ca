/*
 * A component's probability of serving a request, from what the user typed (DOMAIN.md §2.0 "Availability as
 * request success"): a whole-service figure (a provider's SLA) or a component without redundancy is taken as
 * it is; with redundancy, the figure is one replica's and the service is up while at least k of its n replicas
 * are (independent replicas, perfect failover): Σ_{i=k..n} C(n,i) aⁱ (1−a)ⁿ⁻ⁱ, which is 1 − (1 − a)ⁿ for k = 1.
 */

export interface ReplicaFacts {
  /** Availability as typed, 0-1. */
  readonly availability: number;
  readonly scope: 'per-replica' | 'whole-service';
  readonly redundancy: 'none' | 'active-active' | 'active-passive';
  /** Replicas that can serve (n). */
  readonly replicas: number;
  /** Replicas that must be up (k). */
  readonly replicasNeeded: number;
}

/** Probability that at least `k` of `n` independent replicas of availability `a` are up (0-1). */
export function kOfNAvailability(a: number, n: number, k: number): number {
  if (k <= 0) return 1;
  if (k > n) return 0;
  // Summing the failing side (fewer than k up) keeps precision when the result is close to 1.
  const q = 1 - a;
  let failing = 0;
  let term = q ** n; // i = 0 replicas up
  for (let i = 0; i < k; i++) {
    failing += term;
    // C(n, i+1) aⁱ⁺¹ qⁿ⁻ⁱ⁻¹ from C(n, i) aⁱ qⁿ⁻ⁱ.
    term = q === 0 ? 0 : (term * (n - i) * a) / ((i + 1) * q);
  }
  return Math.min(1, Math.max(0, 1 - failing));
}

/** The service availability of a component (0-1); see the header for the rule. */
export function serviceAvailability(facts: ReplicaFacts): number {
  const a = Math.min(1, Math.max(0, facts.availability));
  if (facts.scope === 'whole-service' || facts.redundancy === 'none') return a;
  const n = Math.max(1, Math.floor(facts.replicas));
  const k = Math.min(n, Math.max(1, Math.floor(facts.replicasNeeded)));
  return kOfNAvailability(a, n, k);
}
