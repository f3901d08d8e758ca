import { analyzeDesign } from '../../../shared/analysis/analyze-design.ts';
import { analyzeJourneyAvailability } from '../../../shared/analysis/availability/index.ts';
import { buildScenarioGraph } from '../../../shared/analysis/build-graph.ts';
import { compareScenarios } from '../../../shared/analysis/compare.ts';
import { analyzeCost } from '../../../shared/analysis/cost/index.ts';
import type { JourneyLatency } from '../../../shared/analysis/latency/index.ts';
import {
  createLatencySimulation,
  DEFAULT_SAMPLES,
  DEFAULT_SEED,
  QUICK_PASS_SAMPLES,
} from '../../../shared/analysis/latency/index.ts';
import type { ScenarioReport } from '../../../shared/analysis/report.ts';
import { buildRequestPath } from '../../../shared/analysis/request-path.ts';
import { tornado } from '../../../shared/analysis/sensitivity.ts';
import { COMPARISON_METRICS } from '../../../shared/model/document.ts';
import type { AnalysisMessage, AnalyzeRequest } from '../api/analysisProtocol.ts';

/*
 * One analysis run, in the order the user needs the numbers: cost and availability at once, a quick latency
 * pass, the full latency run in chunks, then the other scenarios for Compare and the sensitivity tornados.
 * Between steps it hands control back (`pause`) and stops when `stale()` says a newer request came in.
 */

/** Latency samples per chunk of the full run: a few ms each on the templates, so a newer edit waits little. */
export const CHUNK_SAMPLES = 10_000;
/** Latency samples per journey when every scenario is analysed for Compare. */
export const COMPARE_SAMPLES = 20_000;
/** Latency samples per re-run of the tornado. */
export const SENSITIVITY_SAMPLES = 5_000;

export interface RunHooks {
  readonly post: (message: AnalysisMessage) => void;
  /** True once a newer request has arrived: the run stops at the next step. */
  readonly stale: () => boolean;
  /** Lets queued messages in (a newer request) before the next step. */
  readonly pause: () => Promise<void>;
}

/** Runs every analysis of `request`, posting results as they come; returns early when stale. */
export async function runAnalysis(request: AnalyzeRequest, hooks: RunHooks): Promise<void> {
  const { revision, design, scenarioId } = request;
  const { post, stale, pause } = hooks;
  const graph = buildScenarioGraph(design, scenarioId);
  const paths = graph.journeys.map((j) => buildRequestPath(graph, j));
  const cost = analyzeCost(graph, { budget: design.meta.settings.budget, requestPaths: paths });
  const journeys = graph.journeys.map((j, i) => ({
    journeyId: j.id,
    name: j.name,
    availability: analyzeJourneyAvailability(graph, paths[i] as (typeof paths)[number], j),
  }));
  post({ type: 'scenario', revision, scenarioId, cost, journeys });

  const simulations = graph.journeys.map((j, i) =>
    createLatencySimulation(graph, paths[i] as (typeof paths)[number], j, {
      samples: DEFAULT_SAMPLES,
      seed: DEFAULT_SEED,
    }),
  );
  for (const simulation of simulations) {
    simulation.step(QUICK_PASS_SAMPLES);
    post({ type: 'latency', revision, scenarioId, latency: simulation.result() });
  }
  const finals: JourneyLatency[] = [];
  for (const simulation of simulations) {
    while (!simulation.progress().finished) {
      await pause();
      if (stale()) return;
      simulation.step(CHUNK_SAMPLES);
    }
    const latency = simulation.result();
    finals.push(latency);
    post({ type: 'latency', revision, scenarioId, latency });
  }

  // One scenario at a time, so a newer edit waits for at most one of them.
  const reports: ScenarioReport[] = [];
  for (const scenario of design.scenarios) {
    await pause();
    if (stale()) return;
    const options = { scenarioName: null, samples: COMPARE_SAMPLES, seed: DEFAULT_SEED };
    const report = analyzeDesign({ ...design, scenarios: [scenario] }, options).scenarios[0];
    if (report) reports.push(report);
  }
  const comparison = compareScenarios(reports, design.meta.settings.comparison.criteria);
  post({ type: 'compare', revision, reports, comparison, samples: COMPARE_SAMPLES });

  const critical = [...new Set(finals.flatMap((l) => l.criticalPath?.componentIds ?? []))];
  const tornados = [];
  for (const metric of COMPARISON_METRICS) {
    await pause();
    if (stale()) return;
    tornados.push(
      tornado(graph, metric, {
        budget: design.meta.settings.budget,
        latencySamples: SENSITIVITY_SAMPLES,
        seed: DEFAULT_SEED,
        criticalComponentIds: critical,
      }),
    );
  }
  post({ type: 'sensitivity', revision, scenarioId, tornados });
}
