import type { Assumption } from '../assumptions.ts';
import type { Contribution, CriticalPath } from './attribution.ts';
import type { LatencyHistogram, PercentileInterval } from './statistics.ts';

export type { Contribution, CriticalPath, CriticalPathHop } from './attribution.ts';
export type { LatencyHistogram, PercentileInterval } from './statistics.ts';

/** Options of a latency simulation. */
export interface LatencyOptions {
  /** Simulated requests (default 100,000). */
  readonly samples?: number;
  /** Seed of the PRNG, an integer (default 1): the same seed and samples give the same result. */
  readonly seed?: number;
}

/** Time to the first token: the request's time with every LLM generation left out, ms. */
export interface TtftLatency {
  readonly p50Ms: number;
  readonly p95Ms: number;
  readonly intervals: { readonly p50: PercentileInterval; readonly p95: PercentileInterval };
}

/**
 * The Monte Carlo latency of one journey (DOMAIN.md §2.1). Statistics are null when the request path has
 * errors (then `errors` says why) or no sample has run yet. Plain JSON: it crosses the worker boundary.
 */
export interface JourneyLatency {
  readonly journeyId: string;
  /** Samples the statistics rest on; fewer than `requestedSamples` for a quick first pass. */
  readonly samples: number;
  readonly requestedSamples: number;
  /** True when every requested sample has run. */
  readonly complete: boolean;
  readonly seed: number;
  readonly p50Ms: number | null;
  readonly p95Ms: number | null;
  readonly p99Ms: number | null;
  readonly meanMs: number | null;
  /** 95 % confidence intervals of the percentiles, from order statistics. */
  readonly intervals: {
    readonly p50: PercentileInterval;
    readonly p95: PercentileInterval;
    readonly p99: PercentileInterval;
  } | null;
  readonly histogram: LatencyHistogram | null;
  /** Share of simulated requests that failed (0-1); their times are still in the distribution. */
  readonly failedShare: number | null;
  readonly p95SloMs: number | null;
  readonly p99SloMs: number | null;
  /** p95 ≤ the journey's p95 SLO; null without an SLO or without a result. */
  readonly meetsP95Slo: boolean | null;
  readonly meetsP99Slo: boolean | null;
  /** The deterministic sum-of-p95s screen along the path, ms (no guarantee: see screen.ts). */
  readonly sumOfP95sMs: number | null;
  /** Only when the path reaches an LLM endpoint. */
  readonly ttft: TtftLatency | null;
  /** The chain from the entry that contributes most to p95. */
  readonly criticalPath: CriticalPath | null;
  /** Per component and per sync connection: mean time in the tail around p95 and its share of the p95. */
  readonly contributions: {
    readonly components: Contribution[];
    readonly connections: Contribution[];
  } | null;
  /** How the numbers were computed, for a reviewer. */
  readonly method: string;
  readonly assumptions: Assumption[];
  readonly errors: string[];
  readonly warnings: string[];
}
