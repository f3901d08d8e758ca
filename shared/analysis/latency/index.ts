/*
 * Journey latency by Monte Carlo (DOMAIN.md §2.1): percentiles with confidence intervals, the sum-of-p95s
 * screen, TTFT, the critical path and per-component contributions to the tail.
 */

export {
  DEFAULT_SAMPLES,
  DEFAULT_SEED,
  QUICK_PASS_SAMPLES,
  createLatencySimulation,
  simulateJourneyLatency,
} from './simulation.ts';
export type { LatencyProgress, LatencySimulation } from './simulation.ts';
export { sumOfP95sMs } from './screen.ts';
export { fitDelay } from './fit.ts';
export type { DelayFit } from './fit.ts';
export type {
  Contribution,
  CriticalPath,
  CriticalPathHop,
  JourneyLatency,
  LatencyHistogram,
  LatencyOptions,
  PercentileInterval,
  TtftLatency,
} from './types.ts';
