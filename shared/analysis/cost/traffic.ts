import type { GraphComponent, ScenarioGraph } from '../graph.ts';
import { SECONDS_PER_MONTH } from '../graph.ts';
import { compactGraph } from './compact-graph.ts';
import type { JourneyMultipliers } from './multipliers.ts';

/*
 * The scenario's traffic per component and connection, summed over journeys (DOMAIN.md §2.2): calls a month
 * C_c = Σ_j R_j × m_c^j with R_j = avg rps × seconds a month, and calls a second at peak P_c = Σ_j peak_j × m_c^j.
 * Everything a month costs in proportion to calls (per-1k prices, tokens, egress) is linear in traffic, so it is
 * priced here once per unit and scaled for the traffic curve; only replicas need the peak again.
 */

const KB_PER_GB = 1e6;

/** Token price of one call to `component`, USD (LLM input and output, or embedded input tokens). */
export function tokenUsdPerCall(component: GraphComponent): number {
  if (component.llm) {
    const { avgInTokens, avgOutTokens, priceInPer1MUsd, priceOutPer1MUsd } = component.llm;
    return (avgInTokens * priceInPer1MUsd + avgOutTokens * priceOutPer1MUsd) / 1e6;
  }
  if (component.tokens) return (component.tokens.avgInTokens * component.tokens.priceInPer1MUsd) / 1e6;
  return 0;
}

export interface ScenarioTraffic {
  /** Journey requests a month, all journeys. */
  readonly monthlyRequests: number;
  /** Calls a month reaching each component. */
  readonly callsPerMonth: Float64Array;
  /** Calls a second at peak reaching each component. */
  readonly peakRps: Float64Array;
  /** Egress a month billed to each component (as the sender), USD. */
  readonly egressUsd: Float64Array;
  /** Per journey, in journey order. */
  readonly journeys: readonly JourneyTraffic[];
}

export interface JourneyTraffic {
  readonly monthlyRequests: number;
  readonly peakRps: number;
  /** The journey's calls-proportional cost a month (per-1k prices, tokens, egress), USD. */
  readonly linearUsd: number;
}

/**
 * Traffic of the scenario at `trafficMultiplier` × every journey's rps, from each journey's multipliers
 * (journeyMultipliers). Linear in journeys × (components + connections).
 */
export function scenarioTraffic(
  graph: ScenarioGraph,
  multipliers: readonly JourneyMultipliers[],
  trafficMultiplier: number,
): ScenarioTraffic {
  const n = graph.components.length;
  const cg = compactGraph(graph);
  const callsPerMonth = new Float64Array(n);
  const peakRps = new Float64Array(n);
  const egressUsd = new Float64Array(n);
  const unitUsd = new Float64Array(n);
  const egressPriceUsd = new Float64Array(n);
  for (const c of graph.components) {
    unitUsd[c.index] = c.per1kRequestsUsd / 1000 + tokenUsdPerCall(c);
    egressPriceUsd[c.index] = c.egressPerGbUsd;
  }

  let monthlyRequests = 0;
  const journeys = graph.journeys.map((journey, j): JourneyTraffic => {
    const requests = journey.avgRps * trafficMultiplier * SECONDS_PER_MONTH;
    const peak = journey.peakRps * trafficMultiplier;
    monthlyRequests += requests;
    const m = multipliers[j];
    if (!m || !m.ok) return { monthlyRequests: requests, peakRps: peak, linearUsd: 0 };
    let perRequestUsd = 0;
    const mc = m.components;
    for (const c of m.reached) {
      const calls = mc[c] as number;
      callsPerMonth[c] = (callsPerMonth[c] as number) + requests * calls;
      peakRps[c] = (peakRps[c] as number) + peak * calls;
      perRequestUsd += calls * (unitUsd[c] as number);
    }
    const me = m.connections;
    for (const e of journey.route) {
      const calls = me[e] as number;
      const payloadKb = cg.payloadKb[e] as number;
      // An unknown payload (NaN) moves nothing we can price: the assumption report says so.
      if (calls === 0 || !(payloadKb > 0)) continue;
      const sender = cg.sender[e] as number;
      const usd = (calls * payloadKb * (egressPriceUsd[sender] as number)) / KB_PER_GB;
      egressUsd[sender] = (egressUsd[sender] as number) + requests * usd;
      perRequestUsd += usd;
    }
    return { monthlyRequests: requests, peakRps: peak, linearUsd: requests * perRequestUsd };
  });
  return { monthlyRequests, callsPerMonth, peakRps, egressUsd, journeys };
}
