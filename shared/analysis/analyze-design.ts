import type { Design } from '../model/document.ts';
import { analyzeJourneyAvailability } from './availability/index.ts';
import { buildScenarioGraph } from './build-graph.ts';
import { analyzeCost } from './cost/index.ts';
import type { ScenarioGraph } from './graph.ts';
import { simulateJourneyLatency } from './latency/index.ts';
import type { DesignReport, JourneyReport, ScenarioReport } from './report.ts';
import { REPORT_VERSION } from './report.ts';
import { buildRequestPath } from './request-path.ts';

/*
 * The whole-design analysis behind `mlarch analyze` (and the report): for each scenario, cost; for each journey,
 * latency (Monte Carlo) and exact availability. Pure: the same design, samples and seed give the same report.
 */

export interface AnalyzeOptions {
  /** Only the scenario with this name; null for all. */
  readonly scenarioName: string | null;
  readonly samples: number;
  readonly seed: number;
  /** Called before each journey (progress for long runs). */
  readonly onProgress?: (done: number, total: number, label: string) => void;
}

function journeyReport(graph: ScenarioGraph, journeyIndex: number, options: AnalyzeOptions): JourneyReport {
  const journey = graph.journeys[journeyIndex];
  if (!journey) throw new Error(`No journey ${journeyIndex}.`);
  const path = buildRequestPath(graph, journey);
  const latency = simulateJourneyLatency(graph, path, journey, {
    samples: options.samples,
    seed: options.seed,
  });
  const availability = analyzeJourneyAvailability(graph, path, journey);
  const name = (id: string) => graph.components[graph.componentIndex.get(id) ?? -1]?.name ?? id;
  return {
    id: journey.id,
    name: journey.name,
    tier: journey.tier,
    entry: graph.components[journey.entry]?.name ?? '',
    latencyMs: {
      p50: latency.p50Ms,
      p95: latency.p95Ms,
      p99: latency.p99Ms,
      mean: latency.meanMs,
      ci95:
        latency.intervals && latency.p50Ms !== null && latency.p95Ms !== null && latency.p99Ms !== null
          ? {
              p50: {
                value: latency.p50Ms,
                low: latency.intervals.p50.lowMs,
                high: latency.intervals.p50.highMs,
              },
              p95: {
                value: latency.p95Ms,
                low: latency.intervals.p95.lowMs,
                high: latency.intervals.p95.highMs,
              },
              p99: {
                value: latency.p99Ms,
                low: latency.intervals.p99.lowMs,
                high: latency.intervals.p99.highMs,
              },
            }
          : null,
      sumOfP95s: latency.sumOfP95sMs,
      sloP95: journey.p95SloMs,
      sloP99: journey.p99SloMs,
      meetsP95Slo: latency.meetsP95Slo,
      meetsP99Slo: latency.meetsP99Slo,
      ttft: latency.ttft ? { p50: latency.ttft.p50Ms, p95: latency.ttft.p95Ms } : null,
      criticalPath: latency.criticalPath ? latency.criticalPath.componentIds.map(name) : [],
      failedShare: latency.failedShare,
    },
    availability: {
      value: availability.value,
      downtimeMinutesPerMonth: availability.downtimeMinutesPerMonth,
      slo: journey.availabilitySlo,
      meetsSlo: availability.meetsSlo,
      degradedMinutesPerMonth: availability.degradedMinutesPerMonth,
      cutSets: availability.cutSets.map((c) => c.componentNames),
      singlePointsOfFailure: availability.singlePointsOfFailure.map(name),
      extraNine: availability.extraNine.map((x) => ({
        component: x.componentName,
        availability: x.availability,
        needed: x.requiredAvailability,
      })),
    },
    errors: unique([...path.errors, ...latency.errors, ...availability.errors]),
    warnings: unique([...path.warnings, ...latency.warnings, ...availability.warnings]),
  };
}

function unique(list: readonly string[]): string[] {
  return [...new Set(list)];
}

/** Analyses every scenario (or the one named) of `design`. */
export function analyzeDesign(design: Design, options: AnalyzeOptions): DesignReport {
  const scenarios = design.scenarios.filter(
    (s) => options.scenarioName === null || s.name === options.scenarioName,
  );
  const graphs = scenarios.map((s) => buildScenarioGraph(design, s.id));
  const total = graphs.reduce((n, g) => n + g.journeys.length, 0);
  let done = 0;
  const reports = scenarios.map((scenario, i): ScenarioReport => {
    const graph = graphs[i] as ScenarioGraph;
    const cost = analyzeCost(graph, { budget: design.meta.settings.budget });
    const journeys = graph.journeys.map((j) => {
      options.onProgress?.(done, total, `${scenario.name} › ${j.name}`);
      const report = journeyReport(graph, j.index, options);
      done += 1;
      return report;
    });
    return {
      id: scenario.id,
      name: scenario.name,
      cost: {
        monthlyUsd: cost.monthlyUsd,
        per1kInferencesUsd: cost.per1kInferencesUsd,
        per1kMarginalUsd: cost.per1kMarginalUsd,
        fixedUsd: cost.fixedUsd,
        variableUsd: cost.variableUsd,
        monthlyRequests: cost.monthlyRequests,
        budgetMonthlyUsd: design.meta.settings.budget.monthlyUsd,
        budgetPer1kUsd: design.meta.settings.budget.per1kInferencesUsd,
        overBudget:
          cost.budget.overMonthly === null && cost.budget.overPer1k === null
            ? null
            : cost.budget.overMonthly === true || cost.budget.overPer1k === true,
        topDrivers: cost.topDrivers.map((d) => ({ component: d.name, monthlyUsd: d.monthlyUsd })),
      },
      journeys,
      warnings: cost.warnings,
    };
  });
  return {
    reportVersion: REPORT_VERSION,
    design: { name: design.meta.name, formatVersion: design.formatVersion },
    options: { samples: options.samples, seed: options.seed },
    scenarios: reports,
  };
}
