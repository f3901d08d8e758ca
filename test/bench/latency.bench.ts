import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { buildRequestPath } from '../../shared/analysis/request-path.ts';
import { buildGraph } from '../../shared/analysis/testing/graph-spec.ts';
import {
  DEFAULT_SAMPLES,
  QUICK_PASS_SAMPLES,
  createLatencySimulation,
} from '../../shared/analysis/latency/index.ts';
import { realisticJourneySpec } from '../../shared/analysis/latency/testing/realistic-journey.ts';
import { percentile, round3 } from './stats.ts';
import type { BenchFigure } from './types.ts';

/*
 * The latency Monte Carlo on a generated 50-component journey (chains, a shared auth service, a parallel
 * group, an exclusive choice, a cache miss, timeouts, retries, fallbacks, one LLM): the full 100,000-sample
 * run and the 10,000-sample quick pass the UI shows first, each from compiling the path to the finished
 * result (percentiles, histogram, critical path). Warm medians, plus the quick pass in a fresh process (what
 * the first analysis after start-up waits for).
 */

const COMPONENTS = 50;
const RUNS = 7;

/** Milliseconds of one simulation of `samples` samples, from the request path to the result. */
export function timeSimulation(samples: number, seed: number): number {
  const graph = buildGraph(realisticJourneySpec(COMPONENTS));
  const journey = graph.journeys[0];
  if (!journey) throw new Error('the generated design has no journey');
  const requestPath = buildRequestPath(graph, journey);
  const start = performance.now();
  const simulation = createLatencySimulation(graph, requestPath, journey, { samples, seed });
  simulation.step(samples);
  simulation.result();
  return performance.now() - start;
}

function measure(samples: number): number[] {
  timeSimulation(samples, 0); // compiles the code paths
  return Array.from({ length: RUNS }, (_, i) => timeSimulation(samples, i + 1));
}

function measureFreshProcess(): number[] {
  const script = path.join(import.meta.dirname, 'latency-once.ts');
  return Array.from({ length: 3 }, () =>
    Number(execFileSync(process.execPath, [script, String(QUICK_PASS_SAMPLES)], { encoding: 'utf8' })),
  );
}

/** Measures the full run and the quick pass. */
export async function run(): Promise<BenchFigure[]> {
  const full = measure(DEFAULT_SAMPLES);
  const quick = measure(QUICK_PASS_SAMPLES);
  const fresh = measureFreshProcess();
  return [
    { bench: 'latency.montecarlo.100k', value: round3(percentile(full, 0.5)), unit: 'ms', target: 300 },
    { bench: 'latency.montecarlo.10k', value: round3(percentile(quick, 0.5)), unit: 'ms', target: 100 },
    {
      bench: 'latency.montecarlo.10k.fresh_process',
      value: round3(percentile(fresh, 0.5)),
      unit: 'ms',
      target: 100,
    },
  ];
}
