import type { GraphComponent } from '../graph.ts';
import { HOURS_PER_MONTH } from '../graph.ts';
import { provisionedReplicas } from './replicas.ts';
import type { ReplicaPlan } from './replicas.ts';
import { tokenUsdPerCall } from './traffic.ts';
import type { ScenarioTraffic } from './traffic.ts';
import type { ComponentCostLine } from './types.ts';

/*
 * One component's monthly bill (DOMAIN.md §2.2): fixed fee + replicas × hourly × 730 h + calls × per-1k price
 * + tokens + storage + egress + scheduled runs. A component billed per scheduled run (training, batch jobs) runs
 * its replicas only during the runs, so it has no always-on replica-hours on top (the catalog says so for both).
 * `scale` multiplies the traffic the ScenarioTraffic was computed at (the traffic curve).
 */

export const UNASSIGNED_TEAM = 'unassigned';

export interface PricedLine {
  readonly line: ComponentCostLine;
  readonly plan: ReplicaPlan;
  /** Replica-hours at the no-traffic replica count, USD/month. */
  readonly baseComputeUsd: number;
}

/** Monthly price of one always-on replica, USD (0 for a component billed per scheduled run). */
export function replicaMonthUsd(component: GraphComponent): number {
  return component.scheduled === null ? component.hourlyUsdPerReplica * HOURS_PER_MONTH : 0;
}

/** The bill of `component` at `scale` × the traffic of `traffic`. */
export function priceComponent(
  component: GraphComponent,
  traffic: ScenarioTraffic,
  scale: number,
): PricedLine {
  const c = component.index;
  const callsPerMonth = (traffic.callsPerMonth[c] as number) * scale;
  const peakRps = (traffic.peakRps[c] as number) * scale;
  const plan = provisionedReplicas(component, peakRps);
  const hourlyMonthUsd = replicaMonthUsd(component);
  const computeUsd = plan.replicas * hourlyMonthUsd;
  const baseComputeUsd = plan.baseReplicas * hourlyMonthUsd;
  const requestsUsd = (callsPerMonth * component.per1kRequestsUsd) / 1000;
  const tokensUsd = callsPerMonth * tokenUsdPerCall(component);
  const storageUsd = component.storedGb * component.perGbMonthUsd;
  const egressUsd = (traffic.egressUsd[c] as number) * scale;
  const s = component.scheduled;
  const scheduledUsd = s ? s.runsPerMonth * s.hoursPerRun * s.usdPerHour : 0;
  const fixedMonthlyUsd = component.fixedMonthlyUsd;
  const variableUsd = requestsUsd + tokensUsd + egressUsd + (computeUsd - baseComputeUsd);
  const totalUsd =
    fixedMonthlyUsd + computeUsd + requestsUsd + tokensUsd + storageUsd + egressUsd + scheduledUsd;
  return {
    plan,
    baseComputeUsd,
    line: {
      componentId: component.id,
      name: component.name,
      kind: component.kind,
      team: component.team ?? UNASSIGNED_TEAM,
      fixedMonthlyUsd,
      computeUsd,
      requestsUsd,
      tokensUsd,
      storageUsd,
      egressUsd,
      scheduledUsd,
      totalUsd,
      variableUsd,
      provisionedReplicas: plan.replicas,
      callsPerMonth,
      peakRps,
    },
  };
}
