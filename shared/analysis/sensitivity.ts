import type { ComparisonMetric } from '../model/document.ts';
import { analyzeJourneyAvailability } from './availability/index.ts';
import { analyzeCost } from './cost/index.ts';
import type { CostBudget } from './cost/index.ts';
import type { GraphComponent, ScenarioGraph } from './graph.ts';
import { simulateJourneyLatency } from './latency/index.ts';
import { buildRequestPath } from './request-path.ts';

/*
 * One-at-a-time sensitivity (a tornado): which component's input moves a scenario metric most. Each bar moves
 * one input of one component down and up and re-runs the engine that metric comes from, all else held:
 * availability — the component's unavailability ×2 and ÷2; cost — all its prices −20 % and +20 %; latency —
 * its p50 and p95 −20 % and +20 % (only components on a journey's critical path, reduced samples, the same
 * seed, so the bars differ by the input and not by sampling noise). Scenario metrics are read as in
 * compare.ts: the slowest journey's latency, the least available journey's availability.
 */

export interface TornadoBar {
  readonly componentId: string;
  readonly name: string;
  /** What was moved, e.g. "unavailability ×2 / ÷2". */
  readonly input: string;
  /** The metric with the input moved down (÷2, −20 %). */
  readonly low: number;
  /** The metric with the input moved up (×2, +20 %). */
  readonly high: number;
}

export interface Tornado {
  readonly metric: ComparisonMetric;
  /** The metric with nothing moved; null when it cannot be computed (no journeys, an error). */
  readonly base: number | null;
  /** Largest swing |high − low| first; bars that move nothing are left out. */
  readonly bars: readonly TornadoBar[];
  readonly method: string;
}

export interface SensitivityOptions {
  readonly budget?: CostBudget | null;
  /** Latency samples per re-run (default 5,000). */
  readonly latencySamples?: number;
  readonly seed?: number;
  /** Components on the journeys' critical paths (latency is moved only for these); ids. */
  readonly criticalComponentIds?: readonly string[];
}

const COST_STEP = 0.2;
const LATENCY_STEP = 0.2;
const DEFAULT_LATENCY_SAMPLES = 5_000;

/** The graph with one component replaced (the rest shared). */
export function withComponent(
  graph: ScenarioGraph,
  index: number,
  change: (c: GraphComponent) => GraphComponent,
): ScenarioGraph {
  const components = graph.components.slice();
  const current = components[index];
  if (!current) return graph;
  components[index] = change(current);
  return { ...graph, components };
}

/** Every price of a component scaled by `factor` (fixed fee, replicas, requests, tokens, storage, egress, runs). */
export function scalePrices(c: GraphComponent, factor: number): GraphComponent {
  return {
    ...c,
    fixedMonthlyUsd: c.fixedMonthlyUsd * factor,
    hourlyUsdPerReplica: c.hourlyUsdPerReplica * factor,
    per1kRequestsUsd: c.per1kRequestsUsd * factor,
    perGbMonthUsd: c.perGbMonthUsd * factor,
    egressPerGbUsd: c.egressPerGbUsd * factor,
    llm: c.llm
      ? {
          ...c.llm,
          priceInPer1MUsd: c.llm.priceInPer1MUsd * factor,
          priceOutPer1MUsd: c.llm.priceOutPer1MUsd * factor,
        }
      : null,
    tokens: c.tokens ? { ...c.tokens, priceInPer1MUsd: c.tokens.priceInPer1MUsd * factor } : null,
    scheduled: c.scheduled ? { ...c.scheduled, usdPerHour: c.scheduled.usdPerHour * factor } : null,
  };
}

/** The component with its service unavailability (1 − availability) multiplied by `factor`, kept in 0-1. */
export function scaleUnavailability(c: GraphComponent, factor: number): GraphComponent {
  const availability = Math.min(1, Math.max(0, 1 - (1 - c.serviceAvailability) * factor));
  return { ...c, serviceAvailability: availability };
}

/** The component with its service-time percentiles (and LLM TTFT) multiplied by `factor`. */
export function scaleServiceTime(c: GraphComponent, factor: number): GraphComponent {
  return {
    ...c,
    p50Ms: c.p50Ms * factor,
    p95Ms: c.p95Ms * factor,
    p99Ms: c.p99Ms === null ? null : c.p99Ms * factor,
    llm: c.llm
      ? { ...c.llm, ttftP50Ms: c.llm.ttftP50Ms * factor, ttftP95Ms: c.llm.ttftP95Ms * factor }
      : null,
  };
}

function worstOf(values: readonly (number | null)[], higherIsBetter: boolean): number | null {
  if (values.length === 0 || values.some((v) => v === null)) return null;
  const known = values as readonly number[];
  return higherIsBetter ? Math.min(...known) : Math.max(...known);
}

/** The scenario's value of `metric` on `graph` (latency with `samples` samples from `seed`). */
export function scenarioMetric(
  graph: ScenarioGraph,
  metric: ComparisonMetric,
  options: SensitivityOptions = {},
): number | null {
  if (metric === 'monthly-cost' || metric === 'cost-per-1k') {
    const cost = analyzeCost(graph, { budget: options.budget ?? null });
    return metric === 'monthly-cost' ? cost.monthlyUsd : cost.per1kInferencesUsd;
  }
  const values = graph.journeys.map((journey) => {
    const path = buildRequestPath(graph, journey);
    if (metric === 'availability') return analyzeJourneyAvailability(graph, path, journey).value;
    const latency = simulateJourneyLatency(graph, path, journey, {
      samples: options.latencySamples ?? DEFAULT_LATENCY_SAMPLES,
      seed: options.seed ?? 1,
    });
    return metric === 'latency-p95' ? latency.p95Ms : latency.p99Ms;
  });
  return worstOf(values, metric === 'availability');
}

interface Move {
  readonly input: string;
  readonly down: (c: GraphComponent) => GraphComponent;
  readonly up: (c: GraphComponent) => GraphComponent;
  readonly applies: (c: GraphComponent) => boolean;
}

function hasPrice(c: GraphComponent): boolean {
  return (
    c.fixedMonthlyUsd > 0 ||
    c.hourlyUsdPerReplica > 0 ||
    c.per1kRequestsUsd > 0 ||
    c.perGbMonthUsd > 0 ||
    c.egressPerGbUsd > 0 ||
    (c.llm !== null && (c.llm.priceInPer1MUsd > 0 || c.llm.priceOutPer1MUsd > 0)) ||
    (c.tokens !== null && c.tokens.priceInPer1MUsd > 0) ||
    (c.scheduled !== null && c.scheduled.usdPerHour > 0)
  );
}

function moveFor(metric: ComparisonMetric, critical: ReadonlySet<string>): Move {
  if (metric === 'availability') {
    return {
      input: 'unavailability ÷2 / ×2',
      down: (c) => scaleUnavailability(c, 0.5),
      up: (c) => scaleUnavailability(c, 2),
      applies: (c) => c.serviceAvailability < 1,
    };
  }
  if (metric === 'monthly-cost' || metric === 'cost-per-1k') {
    return {
      input: 'prices −20 % / +20 %',
      down: (c) => scalePrices(c, 1 - COST_STEP),
      up: (c) => scalePrices(c, 1 + COST_STEP),
      applies: hasPrice,
    };
  }
  return {
    input: 'p50 and p95 −20 % / +20 %',
    down: (c) => scaleServiceTime(c, 1 - LATENCY_STEP),
    up: (c) => scaleServiceTime(c, 1 + LATENCY_STEP),
    applies: (c) => critical.has(c.id),
  };
}

/** The tornado of `metric` on `graph`: each component's input moved down and up, one at a time. */
export function tornado(
  graph: ScenarioGraph,
  metric: ComparisonMetric,
  options: SensitivityOptions = {},
): Tornado {
  const critical = new Set(options.criticalComponentIds ?? []);
  const move = moveFor(metric, critical);
  const base = scenarioMetric(graph, metric, options);
  const samples = options.latencySamples ?? DEFAULT_LATENCY_SAMPLES;
  const method =
    `One input at a time (${move.input}), all else held, ${metric} re-computed by its engine` +
    (metric.startsWith('latency')
      ? `; critical-path components only, ${samples.toLocaleString('en-US')} samples, seed ${options.seed ?? 1}.`
      : '.');
  if (base === null) return { metric, base, bars: [], method };
  const bars: TornadoBar[] = [];
  for (const component of graph.components) {
    if (!move.applies(component)) continue;
    const low = scenarioMetric(withComponent(graph, component.index, move.down), metric, options);
    const high = scenarioMetric(withComponent(graph, component.index, move.up), metric, options);
    if (low === null || high === null || low === high) continue;
    bars.push({ componentId: component.id, name: component.name, input: move.input, low, high });
  }
  bars.sort((a, b) => Math.abs(b.high - b.low) - Math.abs(a.high - a.low) || a.name.localeCompare(b.name));
  return { metric, base, bars, method };
}
