import type { Assumption } from '../assumptions.ts';
import { assumptionsOf } from '../assumptions.ts';
import type { GraphJourney, ScenarioGraph } from '../graph.ts';
import type { RequestPath } from '../request-path.ts';
import { contributionsOf, criticalPathOf } from './attribution.ts';
import type { LatencyProgram } from './program.ts';
import { compileLatencyProgram } from './program.ts';
import { BatchSampler } from './batch-sampler.ts';
import { Sampler } from './sampler.ts';
import { sumOfP95sMs } from './screen.ts';
import { histogramOf, meanOf, percentileInterval, percentileOfSorted, sortedTimes } from './statistics.ts';
import type { JourneyLatency, LatencyOptions, TtftLatency } from './types.ts';

/*
 * A journey's Monte Carlo latency, run in chunks so the analysis worker can look for a newer revision between
 * them (and show a quick first pass). Sample i is the same in any chunking (random.ts), so the result depends
 * only on the seed and the number of samples done.
 */

export const DEFAULT_SAMPLES = 100_000;
export const DEFAULT_SEED = 1;
/** Samples of the quick first pass the UI shows before the full run refines it. */
export const QUICK_PASS_SAMPLES = 10_000;
/** The tail the critical path and contributions explain: ranks 94 % to 96 %, around p95. */
const TAIL_FROM = 0.94;
const TAIL_TO = 0.96;

const SERVICE_KEYS = ['p50_ms', 'p95_ms'];
const LLM_KEYS = ['ttft_p50_ms', 'ttft_p95_ms', 'tokens_per_second', 'avg_out_tokens'];
const CONNECTION_KEYS = [
  'network_p50_ms',
  'network_p95_ms',
  'timeout_ms',
  'retries',
  'probability',
  'calls_per_request',
];

export interface LatencyProgress {
  readonly doneSamples: number;
  readonly totalSamples: number;
  readonly finished: boolean;
}

/** A simulation that runs in chunks; `result()` summarises the samples done so far. */
export interface LatencySimulation {
  readonly totalSamples: number;
  progress(): LatencyProgress;
  /** Runs up to `maxSamples` more samples. */
  step(maxSamples: number): LatencyProgress;
  /** The result over the samples done so far (complete once `progress().finished`). */
  result(): JourneyLatency;
}

function checkOptions(options: LatencyOptions): { samples: number; seed: number } {
  const samples = options.samples ?? DEFAULT_SAMPLES;
  const seed = options.seed ?? DEFAULT_SEED;
  if (!Number.isInteger(samples) || samples < 1) {
    throw new RangeError(`Latency samples must be a whole number of at least 1 (got ${samples}).`);
  }
  if (!Number.isSafeInteger(seed)) throw new RangeError(`The latency seed must be an integer (got ${seed}).`);
  return { samples, seed };
}

/** Starts the latency simulation of `journey` over its request `path`; nothing runs until `step`. */
export function createLatencySimulation(
  graph: ScenarioGraph,
  path: RequestPath,
  journey: GraphJourney,
  options: LatencyOptions = {},
): LatencySimulation {
  const { samples, seed } = checkOptions(options);
  // The PRNG takes 32 bits; fold the high part of larger seeds in so they stay distinct.
  const seed32 = (seed | 0) ^ Math.floor(seed / 4294967296);
  const errors = [...path.errors];
  const warnings = [...path.warnings];
  let program: LatencyProgram | null = null;
  if (errors.length === 0) {
    const compiled = compileLatencyProgram(graph, path);
    if (compiled.ok) {
      program = compiled.program;
      warnings.push(...compiled.warnings);
    } else {
      errors.push(compiled.error);
    }
  }
  const sampler: BatchSampler | null = program ? new BatchSampler(program) : null;
  const timesMs = new Float64Array(program ? samples : 0);
  const ttftMs = new Float64Array(program ? samples : 0);
  const failed = new Uint8Array(program ? samples : 0);
  let done = 0;
  let assumptions: Assumption[] | null = null;
  let screenMs: number | null = null;

  const progress = (): LatencyProgress => ({
    doneSamples: done,
    totalSamples: samples,
    finished: done === samples || sampler === null,
  });

  return {
    totalSamples: samples,
    progress,
    step(maxSamples) {
      if (!sampler) return progress();
      const to = Math.min(samples, done + Math.max(0, Math.floor(maxSamples)));
      sampler.run(seed32, done, to, timesMs, ttftMs, failed);
      done = to;
      return progress();
    },
    result() {
      assumptions ??= latencyAssumptions(graph, path);
      if (program && screenMs === null) screenMs = sumOfP95sMs(graph, path);
      const base = {
        journeyId: journey.id,
        samples: done,
        requestedSamples: samples,
        complete: done === samples,
        seed,
        p95SloMs: journey.p95SloMs,
        p99SloMs: journey.p99SloMs,
        sumOfP95sMs: screenMs,
        assumptions,
        errors,
        warnings,
      };
      if (!program || !sampler || done === 0) {
        return {
          ...base,
          p50Ms: null,
          p95Ms: null,
          p99Ms: null,
          meanMs: null,
          intervals: null,
          histogram: null,
          failedShare: null,
          meetsP95Slo: null,
          meetsP99Slo: null,
          ttft: null,
          criticalPath: null,
          contributions: null,
          method: program ? 'No sample has run yet.' : 'Not simulated: the request path has errors.',
        };
      }
      return summarise(graph, path, program, { seed32, done, timesMs, ttftMs, failed }, base, journey);
    },
  };
}

/** Simulates `samples` requests of `journey` in one go (see createLatencySimulation for the chunked form). */
export function simulateJourneyLatency(
  graph: ScenarioGraph,
  path: RequestPath,
  journey: GraphJourney,
  options: LatencyOptions = {},
): JourneyLatency {
  const simulation = createLatencySimulation(graph, path, journey, options);
  simulation.step(simulation.totalSamples);
  return simulation.result();
}

interface Samples {
  readonly seed32: number;
  readonly done: number;
  readonly timesMs: Float64Array;
  readonly ttftMs: Float64Array;
  readonly failed: Uint8Array;
}

type Base = Pick<
  JourneyLatency,
  | 'journeyId'
  | 'samples'
  | 'requestedSamples'
  | 'complete'
  | 'seed'
  | 'p95SloMs'
  | 'p99SloMs'
  | 'sumOfP95sMs'
  | 'assumptions'
  | 'errors'
  | 'warnings'
>;

function summarise(
  graph: ScenarioGraph,
  path: RequestPath,
  program: LatencyProgram,
  run: Samples,
  base: Base,
  journey: GraphJourney,
): JourneyLatency {
  const times = run.timesMs.subarray(0, run.done);
  const sorted = sortedTimes(times);
  const p50Ms = percentileOfSorted(sorted, 0.5);
  const p95Ms = percentileOfSorted(sorted, 0.95);
  const p99Ms = percentileOfSorted(sorted, 0.99);
  let failedCount = 0;
  for (let i = 0; i < run.done; i++) failedCount += run.failed[i] as number;
  const failedShare = failedCount / run.done;

  let ttft: TtftLatency | null = null;
  if (program.hasLlm) {
    const sortedTtft = sortedTimes(run.ttftMs.subarray(0, run.done));
    ttft = {
      p50Ms: percentileOfSorted(sortedTtft, 0.5),
      p95Ms: percentileOfSorted(sortedTtft, 0.95),
      intervals: { p50: percentileInterval(sortedTtft, 0.5), p95: percentileInterval(sortedTtft, 0.95) },
    };
  }

  const tail = tailSamples(times, sorted);
  // The scalar sampler replays the tail samples with tracing: the same draws, so the same times.
  const trace = new Sampler(program).trace(run.seed32, tail);
  let tailSumMs = 0;
  for (const i of tail) tailSumMs += times[i] as number;
  const tailMeanMs = tailSumMs / Math.max(1, tail.length);

  return {
    ...base,
    p50Ms,
    p95Ms,
    p99Ms,
    meanMs: meanOf(times),
    intervals: {
      p50: percentileInterval(sorted, 0.5),
      p95: percentileInterval(sorted, 0.95),
      p99: percentileInterval(sorted, 0.99),
    },
    histogram: histogramOf(times, percentileOfSorted(sorted, 0.999)),
    failedShare,
    meetsP95Slo: journey.p95SloMs === null ? null : p95Ms <= journey.p95SloMs,
    meetsP99Slo: journey.p99SloMs === null ? null : p99Ms <= journey.p99SloMs,
    ttft,
    criticalPath: criticalPathOf(graph, program, trace, tailMeanMs),
    contributions: contributionsOf(graph, path, trace, p95Ms),
    method: methodText(run.done, base.seed, failedShare, tail.length),
  };
}

/**
 * Indices of the samples ranked TAIL_FROM..TAIL_TO, in index order. Samples strictly inside the window's
 * values come first; ties at its edges fill it up in index order (a design without spread ties everywhere).
 */
function tailSamples(times: Float64Array, sorted: Float64Array): number[] {
  const n = times.length;
  const from = Math.max(1, Math.ceil(TAIL_FROM * n));
  const to = Math.max(from, Math.ceil(TAIL_TO * n));
  const wanted = to - from + 1;
  const lowMs = sorted[from - 1] as number;
  const highMs = sorted[to - 1] as number;
  const chosen: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = times[i] as number;
    if (t > lowMs && t < highMs) chosen.push(i);
  }
  for (let i = 0; i < n && chosen.length < wanted; i++) {
    const t = times[i] as number;
    if (t === lowMs || t === highMs) chosen.push(i);
  }
  return chosen.sort((a, b) => a - b);
}

function methodText(samples: number, seed: number, failedShare: number, tailCount: number): string {
  const failed = failedShare > 0 ? ` (${formatPercent(failedShare)} of them here)` : '';
  return (
    `Monte Carlo over ${samples.toLocaleString('en-US')} simulated requests (seed ${seed}): each service ` +
    'time and network delay is log-normal fitted from its p50 and p95 (σ = ln(p95 / p50) / 1.645), an LLM ' +
    'endpoint takes its TTFT plus output tokens ÷ tokens per second; branches, fan-out, availability, ' +
    'timeouts, retries and fallbacks are drawn per call, and a shared dependency is drawn afresh per call. ' +
    `Failed requests stay in the distribution with the time they took${failed}. Percentile intervals are ` +
    `95 % order-statistic intervals; the critical path and contributions explain the ${tailCount} samples ` +
    'ranked 94–96 %.'
  );
}

function formatPercent(share: number): string {
  return `${Number((share * 100).toPrecision(3))} %`;
}

function latencyAssumptions(graph: ScenarioGraph, path: RequestPath): Assumption[] {
  const llm = path.order.filter((c) => graph.components[c]?.llm);
  const plain = path.order.filter((c) => !graph.components[c]?.llm);
  // The entry serves the request it starts; availability is read for the components calls go to.
  const called = path.order.filter((c) => c !== path.entry);
  return [
    ...assumptionsOf(graph, { components: plain, componentKeys: SERVICE_KEYS }),
    ...assumptionsOf(graph, { components: llm, componentKeys: LLM_KEYS }),
    ...assumptionsOf(graph, { components: called, componentKeys: ['availability'] }),
    ...assumptionsOf(graph, { connections: path.syncEdges, connectionKeys: CONNECTION_KEYS }),
  ];
}
