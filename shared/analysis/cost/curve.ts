import type { GraphComponent } from '../graph.ts';
import { replicaMonthUsd } from './lines.ts';
import type { PricedLine } from './lines.ts';
import { replicasAt } from './replicas.ts';
import type { TrafficPoint } from './types.ts';

/*
 * Sensitivity to traffic (DOMAIN.md §2.2): the whole bill at multiples of every journey's avg and peak rps.
 * Call multipliers do not depend on traffic, so neither does anything but calls, peaks and replicas: the fixed
 * part stays, the calls-proportional part scales, and only autoscaled replicas are sized again. Each point costs
 * one pass over the autoscaled components.
 */

/** Multiples of the analysed traffic the curve is drawn at. */
export const TRAFFIC_MULTIPLIERS: readonly number[] = [0.1, 0.2, 0.5, 1, 2, 5, 10];

/** The traffic curve from the bill at the analysed traffic (`priced`, one per component, in order). */
export function trafficCurve(
  components: readonly GraphComponent[],
  priced: readonly PricedLine[],
  monthlyRequests: number,
  multipliers: readonly number[] = TRAFFIC_MULTIPLIERS,
): TrafficPoint[] {
  let fixedUsd = 0;
  let linearUsd = 0;
  // Autoscaled components with a price and traffic: only their replicas change along the curve.
  const scaled: GraphComponent[] = [];
  const peakRps: number[] = [];
  const replicaUsd: number[] = [];
  let scaledBaseUsd = 0;
  for (const [c, { line, baseComputeUsd }] of priced.entries()) {
    fixedUsd += line.totalUsd - line.variableUsd;
    linearUsd += line.requestsUsd + line.tokensUsd + line.egressUsd;
    const component = components[c] as GraphComponent;
    const usd = replicaMonthUsd(component);
    if (!component.autoscaling || !(line.peakRps > 0) || !(usd > 0)) continue;
    scaled.push(component);
    peakRps.push(line.peakRps);
    replicaUsd.push(usd);
    scaledBaseUsd += baseComputeUsd;
  }
  return multipliers.map((multiplier) => {
    let variableUsd = linearUsd * multiplier - scaledBaseUsd;
    for (const [i, component] of scaled.entries()) {
      variableUsd += replicasAt(component, (peakRps[i] as number) * multiplier) * (replicaUsd[i] as number);
    }
    const monthlyUsd = fixedUsd + variableUsd;
    const requests = monthlyRequests * multiplier;
    return {
      multiplier,
      monthlyUsd,
      fixedUsd,
      variableUsd,
      per1kInferencesUsd: requests > 0 ? (1000 * monthlyUsd) / requests : null,
    };
  });
}
