import type { ComponentKind } from '../../model/catalog/types.ts';
import type { ScenarioGraph } from '../graph.ts';
import { trafficCurve } from './curve.ts';
import { priceComponent } from './lines.ts';
import type { PricedLine } from './lines.ts';
import { scenarioMultipliers } from './multipliers.ts';
import type { JourneyMultipliers } from './multipliers.ts';
import { COST_METHOD, costAssumptions, nameList } from './report.ts';
import { scenarioTraffic } from './traffic.ts';
import type { ScenarioTraffic } from './traffic.ts';
import type {
  BudgetCheck,
  ComponentCostLine,
  CostBudget,
  CostDriver,
  CostOptions,
  JourneyCost,
  KindCost,
  ScenarioCost,
  TeamCost,
} from './types.ts';

/*
 * The scenario's monthly cost (DOMAIN.md §2.0 "Cost over the route", §2.2): every component's bill, driven by
 * every journey's traffic through its call multipliers, with breakdowns, cost per 1,000 inferences, the traffic
 * curve and the budget check. Linear in components + route connections per journey.
 */

/** Components named as the biggest costs. */
const TOP_DRIVERS = 3;

/** Monthly cost of the scenario in `graph` at `trafficMultiplier` × the journeys' traffic (USD/month). */
export function analyzeCost(graph: ScenarioGraph, options: CostOptions = {}): ScenarioCost {
  return costFromMultipliers(graph, scenarioMultipliers(graph, options.requestPaths), options);
}

/** analyzeCost from call multipliers already computed (scenarioMultipliers, one per journey in order). */
export function costFromMultipliers(
  graph: ScenarioGraph,
  multipliers: readonly JourneyMultipliers[],
  options: CostOptions = {},
): ScenarioCost {
  const traffic = scenarioTraffic(graph, multipliers, options.trafficMultiplier ?? 1);
  const priced = graph.components.map((c) => priceComponent(c, traffic, 1));
  const byComponent = priced.map((p) => p.line);
  let monthlyUsd = 0;
  let variableUsd = 0;
  for (const line of byComponent) {
    monthlyUsd += line.totalUsd;
    variableUsd += line.variableUsd;
  }
  const R = traffic.monthlyRequests;
  const per1kInferencesUsd = R > 0 ? (1000 * monthlyUsd) / R : null;
  const { errors, warnings } = messages(graph, multipliers, priced);
  return {
    monthlyRequests: R,
    monthlyUsd,
    fixedUsd: monthlyUsd - variableUsd,
    variableUsd,
    per1kInferencesUsd,
    per1kMarginalUsd: R > 0 ? (1000 * variableUsd) / R : null,
    byComponent,
    byKind: breakdown(byComponent, (l) => l.kind).map(([kind, usd]): KindCost => ({
      kind: kind as ComponentKind,
      monthlyUsd: usd,
      share: shareOf(usd, monthlyUsd),
    })),
    byTeam: breakdown(byComponent, (l) => l.team).map(([team, usd]): TeamCost => ({
      team,
      monthlyUsd: usd,
      share: shareOf(usd, monthlyUsd),
    })),
    topDrivers: topDrivers(byComponent, monthlyUsd),
    trafficCurve: trafficCurve(graph.components, priced, R),
    budget: budgetCheck(options.budget ?? null, monthlyUsd, per1kInferencesUsd),
    perJourney: journeyCosts(graph, multipliers, traffic, priced),
    method: COST_METHOD,
    assumptions: costAssumptions(graph, traffic, carriedConnections(graph, multipliers, traffic)),
    errors,
    warnings,
  };
}

/** 1 for each connection that carries some journey's traffic: its inputs change the bill. */
function carriedConnections(
  graph: ScenarioGraph,
  multipliers: readonly JourneyMultipliers[],
  traffic: ScenarioTraffic,
): Uint8Array {
  const carried = new Uint8Array(graph.connections.length);
  for (const m of multipliers) {
    const j = traffic.journeys[m.journey];
    if (!j || (j.monthlyRequests === 0 && j.peakRps === 0)) continue;
    for (const e of graph.journeys[m.journey]?.route ?? []) {
      if ((m.connections[e] as number) > 0) carried[e] = 1;
    }
  }
  return carried;
}

function shareOf(usd: number, totalUsd: number): number {
  return totalUsd > 0 ? usd / totalUsd : 0;
}

/** Totals per key, most expensive first (ties by key, so the order is stable). */
function breakdown(
  lines: readonly ComponentCostLine[],
  keyOf: (line: ComponentCostLine) => string,
): [string, number][] {
  const totals = new Map<string, number>();
  for (const line of lines) totals.set(keyOf(line), (totals.get(keyOf(line)) ?? 0) + line.totalUsd);
  return [...totals].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

function topDrivers(lines: readonly ComponentCostLine[], totalUsd: number): CostDriver[] {
  const top: ComponentCostLine[] = [];
  // One pass keeping the few largest: sorting 20,000 lines for 3 of them would dominate the analysis.
  for (const line of lines) {
    if (!(line.totalUsd > 0)) continue;
    let i = top.length;
    while (i > 0 && (top[i - 1] as ComponentCostLine).totalUsd < line.totalUsd) i--;
    if (i >= TOP_DRIVERS) continue;
    top.splice(i, 0, line);
    if (top.length > TOP_DRIVERS) top.pop();
  }
  return top.map((l) => ({
    componentId: l.componentId,
    name: l.name,
    kind: l.kind,
    monthlyUsd: l.totalUsd,
    share: shareOf(l.totalUsd, totalUsd),
  }));
}

function budgetCheck(budget: CostBudget | null, monthlyUsd: number, per1kUsd: number | null): BudgetCheck {
  const monthlyLimit = budget?.monthlyUsd ?? null;
  const per1kLimit = budget?.per1kInferencesUsd ?? null;
  return {
    monthlyUsd: monthlyLimit,
    per1kInferencesUsd: per1kLimit,
    overMonthly: monthlyLimit === null ? null : monthlyUsd > monthlyLimit,
    overPer1k: per1kLimit === null || per1kUsd === null ? null : per1kUsd > per1kLimit,
  };
}

/**
 * Each journey's share of the variable cost: its own calls' per-1k, token and egress cost, plus autoscaled
 * replicas above the minimum shared in proportion to the journey's calls at peak.
 */
function journeyCosts(
  graph: ScenarioGraph,
  multipliers: readonly JourneyMultipliers[],
  traffic: ScenarioTraffic,
  priced: readonly PricedLine[],
): JourneyCost[] {
  const scaled: number[] = [];
  for (const [c, p] of priced.entries()) if (p.line.computeUsd > p.baseComputeUsd) scaled.push(c);
  return graph.journeys.map((journey, j): JourneyCost => {
    const t = traffic.journeys[j];
    const m = multipliers[j];
    let variableUsd = t?.linearUsd ?? 0;
    if (m?.ok && t) {
      for (const c of scaled) {
        const { line, baseComputeUsd } = priced[c] as PricedLine;
        const peakCalls = t.peakRps * (m.components[c] as number);
        if (peakCalls > 0) variableUsd += ((line.computeUsd - baseComputeUsd) * peakCalls) / line.peakRps;
      }
    }
    return {
      journeyId: journey.id,
      name: journey.name,
      monthlyRequests: t?.monthlyRequests ?? 0,
      variableUsd,
      counted: m?.ok ?? false,
    };
  });
}

/** The journeys' request-path problems and the bill's own, each once, journey problems named by journey. */
function messages(
  graph: ScenarioGraph,
  multipliers: readonly JourneyMultipliers[],
  priced: readonly PricedLine[],
): { errors: string[]; warnings: string[] } {
  const errors = new Set<string>();
  const warnings = new Set<string>();
  for (const m of multipliers) {
    const name = graph.journeys[m.journey]?.name ?? m.journeyId;
    for (const e of m.errors) errors.add(`Journey "${name}": ${e}`);
    if (!m.ok) errors.add(`Journey "${name}": its traffic is left out of the cost until the cycle is fixed.`);
    for (const w of m.warnings) warnings.add(`Journey "${name}": ${w}`);
  }
  if (graph.journeys.length === 0) {
    warnings.add('The scenario has no journeys, so no traffic: only fixed costs are counted. Add a journey.');
  }
  const short = priced.filter((p) => p.plan.short).map((p) => p.line.name);
  if (short.length > 0) {
    warnings.add(
      `${nameList(short)} ${short.length === 1 ? 'needs' : 'need'} more replicas at peak than the maximum ` +
        'allows, so the maximum is priced and they are short of capacity at peak: raise max_replicas or the ' +
        'capacity per replica.',
    );
  }
  const unsized = priced.filter((p) => p.plan.capacityUnknown).map((p) => p.line.name);
  if (unsized.length > 0) {
    warnings.add(
      `${nameList(unsized)} ${unsized.length === 1 ? 'autoscales' : 'autoscale'} without a capacity per ` +
        'replica, so the minimum replicas are assumed: set capacity_rps_per_replica to size them for peak.',
    );
  }
  return { errors: [...errors], warnings: [...warnings] };
}
