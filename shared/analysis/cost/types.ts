import type { ComponentKind } from '../../model/catalog/types.ts';
import type { Assumption } from '../assumptions.ts';
import type { RequestPath } from '../request-path.ts';

/* The cost analysis result: plain JSON (it crosses the worker boundary and is printed by the CLI). */

/** One component's monthly bill, USD/month unless stated. */
export interface ComponentCostLine {
  readonly componentId: string;
  readonly name: string;
  readonly kind: ComponentKind;
  /** The owning team, "unassigned" when none. */
  readonly team: string;
  readonly fixedMonthlyUsd: number;
  /** Always-on replicas × hourly price × 730 h. */
  readonly computeUsd: number;
  /** Calls × price per 1,000 calls. */
  readonly requestsUsd: number;
  readonly tokensUsd: number;
  readonly storageUsd: number;
  /** Data this component sends out over route connections × its egress price. */
  readonly egressUsd: number;
  /** Scheduled runs (training, batch jobs). */
  readonly scheduledUsd: number;
  readonly totalUsd: number;
  /** The part that scales with traffic: requests, tokens, egress and autoscaled replicas above the minimum. */
  readonly variableUsd: number;
  readonly provisionedReplicas: number;
  /** Calls reaching the component per month (all journeys). */
  readonly callsPerMonth: number;
  /** Calls per second at every journey's peak at once. */
  readonly peakRps: number;
}

export interface CostShare {
  readonly monthlyUsd: number;
  /** Share of the scenario's monthly total (0-1; 0 when the total is 0). */
  readonly share: number;
}

export interface KindCost extends CostShare {
  readonly kind: ComponentKind;
}

export interface TeamCost extends CostShare {
  readonly team: string;
}

export interface CostDriver extends CostShare {
  readonly componentId: string;
  readonly name: string;
  readonly kind: ComponentKind;
}

/** The scenario at a multiple of the analysed traffic. */
export interface TrafficPoint {
  /** Multiple of the analysed traffic (every journey's avg and peak rps). */
  readonly multiplier: number;
  readonly monthlyUsd: number;
  readonly fixedUsd: number;
  readonly variableUsd: number;
  /** Null when there are no requests. */
  readonly per1kInferencesUsd: number | null;
}

export interface BudgetCheck {
  readonly monthlyUsd: number | null;
  readonly per1kInferencesUsd: number | null;
  /** Null when the budget sets no monthly limit. */
  readonly overMonthly: boolean | null;
  /** Null when the budget sets no per-1k limit or there are no requests. */
  readonly overPer1k: boolean | null;
}

export interface JourneyCost {
  readonly journeyId: string;
  readonly name: string;
  readonly monthlyRequests: number;
  /** The journey's share of the variable cost, USD/month (autoscaled replicas shared by peak calls). */
  readonly variableUsd: number;
  /** False when a sync cycle made its calls undefined: its variable costs are not counted. */
  readonly counted: boolean;
}

export interface ScenarioCost {
  /** Inferences (journey requests) per month, all journeys. */
  readonly monthlyRequests: number;
  readonly monthlyUsd: number;
  /** Fixed fees, replicas at their no-traffic level, storage and scheduled runs. */
  readonly fixedUsd: number;
  readonly variableUsd: number;
  /** Fully loaded: 1000 × monthly total ÷ monthly requests; null when there are no requests. */
  readonly per1kInferencesUsd: number | null;
  /** Marginal: 1000 × variable part ÷ monthly requests; null when there are no requests. */
  readonly per1kMarginalUsd: number | null;
  /** In component order. */
  readonly byComponent: readonly ComponentCostLine[];
  /** Most expensive first. */
  readonly byKind: readonly KindCost[];
  /** Most expensive first. */
  readonly byTeam: readonly TeamCost[];
  /** The 3 most expensive components with a cost. */
  readonly topDrivers: readonly CostDriver[];
  readonly trafficCurve: readonly TrafficPoint[];
  readonly budget: BudgetCheck;
  readonly perJourney: readonly JourneyCost[];
  readonly method: string;
  readonly assumptions: readonly Assumption[];
  readonly errors: readonly string[];
  readonly warnings: readonly string[];
}

export interface CostBudget {
  readonly monthlyUsd: number | null;
  readonly per1kInferencesUsd: number | null;
}

export interface CostOptions {
  /** Multiple of every journey's avg and peak rps to analyse (1 = the design's traffic). */
  readonly trafficMultiplier?: number;
  readonly budget?: CostBudget | null;
  /** The journeys' request paths (buildRequestPath, in journey order) when the caller built them already. */
  readonly requestPaths?: readonly RequestPath[];
}
