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

/** Replicas of an autoscaled `component` at `peakRps` (calls per second), before the maximum caps them. */
function neededReplicas(component: GraphComponent, peakRps: number): number {
  const capacity = component.capacityRpsPerReplica;
  if (capacity === null || !(capacity > 0)) return component.minReplicas;
  // The tolerance keeps a peak that exactly fills n replicas (21 / (3 × 0.7)) from rounding up to n + 1.
  return Math.max(component.minReplicas, Math.ceil(peakRps / (capacity * TARGET_UTILISATION) - 1e-9));
}

/** Replicas `component` runs at `peakRps` (calls per second at peak): provisionedReplicas without the report. */
export function replicasAt(component: GraphComponent, peakRps: number): number {
  if (!component.autoscaling) return component.replicas;
  // A maximum below the minimum is a typing slip; the minimum still runs.
  return Math.min(neededReplicas(component, peakRps), Math.max(component.maxReplicas, component.minReplicas));
}

/** Replicas of `component` serving `peakRps` (calls per second at peak), and whether they fall short. */
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
  const capacity = component.capacityRpsPerReplica;
  const needed = neededReplicas(component, peakRps);
  const replicas = replicasAt(component, peakRps);
  return {
    replicas,
    baseReplicas: min,
    short: needed > replicas,
    capacityUnknown: (capacity === null || !(capacity > 0)) && peakRps > 0,
  };
}
