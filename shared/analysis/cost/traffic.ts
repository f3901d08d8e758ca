import type { ConnectionKind } from '../../model/catalog/types.ts';
import type { GraphComponent, GraphConnection, ScenarioGraph } from '../graph.ts';
import { SECONDS_PER_MONTH } from '../graph.ts';
import type { JourneyMultipliers } from './multipliers.ts';

/*
 * The scenario's traffic per component and connection, summed over journeys (DOMAIN.md §2.2): calls a month
 * C_c = Σ_j R_j × m_c^j with R_j = avg rps × seconds a month, and calls a second at peak P_c = Σ_j peak_j × m_c^j.
 * Everything a month costs in proportion to calls (per-1k prices, tokens, egress) is linear in traffic, so it is
 * priced here once per unit and scaled for the traffic curve; only replicas need the peak again.
 */

/** Connection kinds whose target sends the bulk of the data (the response); the others' source does. */
const TARGET_SENDS: ReadonlySet<ConnectionKind> = new Set(['call', 'fallback', 'observes']);

const BYTES_KB_PER_GB = 1e6;

/** The component whose egress price applies to data moved over `edge`. */
export function egressSender(edge: GraphConnection): number {
  return TARGET_SENDS.has(edge.kind) ? edge.target : edge.source;
}

/** Token price of one call to `component`, USD (LLM input and output, or embedded input tokens). */
export function tokenUsdPerCall(component: GraphComponent): number {
  if (component.llm) {
    const { avgInTokens, avgOutTokens, priceInPer1MUsd, priceOutPer1MUsd } = component.llm;
    return (avgInTokens * priceInPer1MUsd + avgOutTokens * priceOutPer1MUsd) / 1e6;
  }
  if (component.tokens) return (component.tokens.avgInTokens * component.tokens.priceInPer1MUsd) / 1e6;
  return 0;
}

/** Egress price of one call over `edge`, USD; 0 when its payload is unknown. */
export function egressUsdPerCall(graph: ScenarioGraph, edge: GraphConnection): number {
  if (edge.payloadKb === null) return 0;
  const price = graph.components[egressSender(edge)]?.egressPerGbUsd ?? 0;
  return (edge.payloadKb / BYTES_KB_PER_GB) * price;
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
  const callsPerMonth = new Float64Array(n);
  const peakRps = new Float64Array(n);
  const egressUsd = new Float64Array(n);
  const unitUsd = new Float64Array(n);
  for (const c of graph.components) unitUsd[c.index] = c.per1kRequestsUsd / 1000 + tokenUsdPerCall(c);
  const edgeUsd = graph.connections.map((e) => egressUsdPerCall(graph, e));

  let monthlyRequests = 0;
  const journeys = graph.journeys.map((journey, j): JourneyTraffic => {
    const requests = journey.avgRps * trafficMultiplier * SECONDS_PER_MONTH;
    const peak = journey.peakRps * trafficMultiplier;
    monthlyRequests += requests;
    const m = multipliers[j];
    if (!m || !m.ok) return { monthlyRequests: requests, peakRps: peak, linearUsd: 0 };
    let perRequestUsd = 0;
    const mc = m.components;
    for (let c = 0; c < n; c++) {
      const calls = mc[c] as number;
      if (calls === 0) continue;
      callsPerMonth[c] = (callsPerMonth[c] as number) + requests * calls;
      peakRps[c] = (peakRps[c] as number) + peak * calls;
      perRequestUsd += calls * (unitUsd[c] as number);
    }
    const me = m.connections;
    for (let e = 0; e < me.length; e++) {
      const calls = me[e] as number;
      const usd = edgeUsd[e] as number;
      if (calls === 0 || usd === 0) continue;
      const sender = egressSender(graph.connections[e] as GraphConnection);
      egressUsd[sender] = (egressUsd[sender] as number) + requests * calls * usd;
      perRequestUsd += calls * usd;
    }
    return { monthlyRequests: requests, peakRps: peak, linearUsd: requests * perRequestUsd };
  });
  return { monthlyRequests, callsPerMonth, peakRps, egressUsd, journeys };
}
