/*
 * Journey availability (DOMAIN.md §2.3): exact request success probability from a BDD of the structure
 * function, minimal cut sets, the extra-nine check and Birnbaum importance; the k-of-n helper for service
 * availability; a Monte Carlo cross-check.
 */
export { analyzeJourneyAvailability, DEFAULT_CUT_SET_LIMIT, DEFAULT_NODE_BUDGET } from './analyze.ts';
export { atLeastKOfN, effectiveServiceAvailability } from './effective.ts';
export type { RedundancyInput } from './effective.ts';
export { monteCarloAvailability, seededUniform, wilsonInterval } from './monte-carlo.ts';
export type { MonteCarloAvailability } from './monte-carlo.ts';
export type {
  AvailabilityOptions,
  ComponentImportance,
  CutSet,
  ExtraNineBreach,
  JourneyAvailability,
} from './types.ts';
