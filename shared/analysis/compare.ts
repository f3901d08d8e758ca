import type { ComparisonMetric } from '../model/document.ts';
import type { ScenarioReport } from './report.ts';

/*
 * Scenarios side by side (DOMAIN.md §2.6): one number per metric and scenario, a weighted decision matrix with
 * min-max normalised scores, and the Pareto-optimal scenarios. A scenario's latency is its slowest journey's and
 * its availability its least available journey's: a design is as good as its worst user journey.
 */

export interface Criterion {
  readonly metric: ComparisonMetric;
  readonly weight: number;
}

export interface MetricInfo {
  readonly metric: ComparisonMetric;
  readonly label: string;
  readonly unit: 'ms' | 'fraction' | 'USD';
  /** True when a larger value is better (availability); the rest are better when smaller. */
  readonly higherIsBetter: boolean;
}

export const METRICS: Readonly<Record<ComparisonMetric, MetricInfo>> = {
  'latency-p95': {
    metric: 'latency-p95',
    label: 'Latency p95 (slowest journey)',
    unit: 'ms',
    higherIsBetter: false,
  },
  'latency-p99': {
    metric: 'latency-p99',
    label: 'Latency p99 (slowest journey)',
    unit: 'ms',
    higherIsBetter: false,
  },
  availability: {
    metric: 'availability',
    label: 'Availability (least available journey)',
    unit: 'fraction',
    higherIsBetter: true,
  },
  'monthly-cost': { metric: 'monthly-cost', label: 'Monthly cost', unit: 'USD', higherIsBetter: false },
  'cost-per-1k': {
    metric: 'cost-per-1k',
    label: 'Cost per 1,000 inferences',
    unit: 'USD',
    higherIsBetter: false,
  },
};

export interface ScenarioScore {
  readonly scenarioId: string;
  readonly name: string;
  /** The scenario's value of each metric; null when it cannot be computed (no journeys, a path error). */
  readonly values: Readonly<Record<ComparisonMetric, number | null>>;
  /** Normalised score per weighed metric, 0 (worst of the scenarios) to 1 (best). */
  readonly scores: Readonly<Partial<Record<ComparisonMetric, number>>>;
  /** Weighted total, 0 to 1. */
  readonly total: number;
  /** 1 for the best total. */
  readonly rank: number;
  /** No other scenario is at least as good on every metric and better on one. */
  readonly pareto: boolean;
}

export interface Comparison {
  readonly criteria: readonly Criterion[];
  readonly scenarios: readonly ScenarioScore[];
  readonly method: string;
}

function worst(values: readonly (number | null)[], higherIsBetter: boolean): number | null {
  const known = values.filter((v): v is number => v !== null);
  if (known.length === 0 || known.length < values.length) return known.length === 0 ? null : NaN;
  return higherIsBetter ? Math.min(...known) : Math.max(...known);
}

/** The value of `metric` for one scenario report. */
export function metricValue(report: ScenarioReport, metric: ComparisonMetric): number | null {
  const journeys = report.journeys;
  switch (metric) {
    case 'latency-p95':
      return worst(
        journeys.map((j) => j.latencyMs.p95),
        false,
      );
    case 'latency-p99':
      return worst(
        journeys.map((j) => j.latencyMs.p99),
        false,
      );
    case 'availability':
      return worst(
        journeys.map((j) => j.availability.value),
        true,
      );
    case 'monthly-cost':
      return report.cost.monthlyUsd;
    case 'cost-per-1k':
      return report.cost.per1kInferencesUsd;
  }
}

const ALL_METRICS = Object.keys(METRICS) as ComparisonMetric[];

/**
 * Values this close count as equal: exact analyses of the same structure differ in the last bits (an
 * availability of 0.9994000490003 against 0.9994000490005), and a rounding error must not make a Pareto point.
 */
const RELATIVE_TIE = 1e-9;

function tied(x: number, y: number): boolean {
  return Math.abs(x - y) <= RELATIVE_TIE * Math.max(Math.abs(x), Math.abs(y));
}

/** True when `a` is at least as good as `b` on every known metric and strictly better on one. */
function dominates(a: ScenarioScore['values'], b: ScenarioScore['values']): boolean {
  let better = false;
  for (const metric of ALL_METRICS) {
    const x = a[metric];
    const y = b[metric];
    if (x === null || y === null || Number.isNaN(x) || Number.isNaN(y)) continue;
    if (tied(x, y)) continue;
    const sign = METRICS[metric].higherIsBetter ? 1 : -1;
    if (sign * (x - y) < 0) return false;
    if (sign * (x - y) > 0) better = true;
  }
  return better;
}

/** Compares scenario reports under `criteria` (weights are normalised; a weight of 0 leaves a metric out). */
export function compareScenarios(
  reports: readonly ScenarioReport[],
  criteria: readonly Criterion[],
): Comparison {
  const weighed = criteria.filter((c) => c.weight > 0);
  const weightSum = weighed.reduce((sum, c) => sum + c.weight, 0);
  const values = reports.map((r) => {
    const v = {} as Record<ComparisonMetric, number | null>;
    for (const metric of ALL_METRICS) {
      const value = metricValue(r, metric);
      v[metric] = value !== null && Number.isNaN(value) ? null : value;
    }
    return v;
  });
  const partial = reports.map((r, i) => {
    const scores: Partial<Record<ComparisonMetric, number>> = {};
    let total = 0;
    for (const c of weighed) {
      const column = values.map((v) => v[c.metric]).filter((x): x is number => x !== null);
      const value = (values[i] as Record<ComparisonMetric, number | null>)[c.metric];
      if (value === null || column.length === 0) {
        scores[c.metric] = 0;
        continue;
      }
      const lo = Math.min(...column);
      const hi = Math.max(...column);
      const even = tied(hi, lo);
      const raw = even ? 1 : (value - lo) / (hi - lo);
      const score = METRICS[c.metric].higherIsBetter || even ? raw : 1 - raw;
      scores[c.metric] = score;
      total += (score * c.weight) / weightSum;
    }
    return { scenarioId: r.id, name: r.name, values: values[i] as ScenarioScore['values'], scores, total };
  });
  const order = [...partial].sort((a, b) => b.total - a.total);
  const scenarios = partial.map((s): ScenarioScore => ({
    ...s,
    rank: order.findIndex((o) => o.total === s.total) + 1,
    pareto: !partial.some((other) => other !== s && dominates(other.values, s.values)),
  }));
  return {
    criteria: weighed,
    scenarios,
    method:
      'Each weighed metric is scored 0 (worst scenario) to 1 (best) by min-max normalisation; the total is the ' +
      'weighted mean of the scores with the weights normalised to sum to 1. Latency and availability are the ' +
      "scenario's worst journey. Pareto-optimal: no other scenario is as good on every metric and better on one.",
  };
}
