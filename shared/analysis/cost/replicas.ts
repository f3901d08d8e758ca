import type { GraphComponent } from '../graph.ts';

/*
 * Replicas a component is provisioned with (DOMAIN.md §2.2). An autoscaled component runs enough replicas to
 * serve its peak at 70 % utilisation, never fewer than its minimum and never more than its maximum; a fixed one
 * runs its replica count whatever the traffic.
 */

/** Target utilisation of an autoscaled replica at peak (headroom for bursts and failover). */
export const TARGET_UTILISATION = 0.7;

export interface ReplicaPlan {
  /** Replicas provisioned for the given peak. */
  readonly replicas: number;
  /** Replicas with no traffic at all: the minimum when autoscaling, else the replica count. */
  readonly baseReplicas: number;
  /** Peak demand needs more replicas than the maximum allows: the component is short of capacity at peak. */
  readonly short: boolean;
  /** Autoscaling with no capacity per replica: the minimum is assumed. */
  readonly capacityUnknown: boolean;
}

/** Replicas of `component` serving `peakRps` (calls per second at peak). */
export function provisionedReplicas(component: GraphComponent, peakRps: number): ReplicaPlan {
  if (!component.autoscaling) {
    return {
      replicas: component.replicas,
      baseReplicas: component.replicas,
      short: false,
      capacityUnknown: false,
    };
  }
  const min = component.minReplicas;
  // A maximum below the minimum is a typing slip; the minimum still runs.
  const max = Math.max(component.maxReplicas, min);
  const capacity = component.capacityRpsPerReplica;
  if (capacity === null || !(capacity > 0)) {
    return { replicas: min, baseReplicas: min, short: false, capacityUnknown: peakRps > 0 };
  }
  // The tolerance keeps a peak that exactly fills n replicas (70 / (10 × 0.7)) from rounding up to n + 1.
  const needed = Math.max(min, Math.ceil(peakRps / (capacity * TARGET_UTILISATION) - 1e-9));
  return { replicas: Math.min(needed, max), baseReplicas: min, short: needed > max, capacityUnknown: false };
}
