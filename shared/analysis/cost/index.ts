/* The cost engine (DOMAIN.md §2.2): monthly cost, cost per 1,000 inferences, breakdowns, traffic curve. */
export { analyzeCost, costFromMultipliers } from './analyze.ts';
export { journeyMultipliers, scenarioMultipliers } from './multipliers.ts';
export type { JourneyMultipliers } from './multipliers.ts';
export { expectedRetries } from './compact-graph.ts';
export { provisionedReplicas, TARGET_UTILISATION } from './replicas.ts';
export type { ReplicaPlan } from './replicas.ts';
export { TRAFFIC_MULTIPLIERS } from './curve.ts';
export type * from './types.ts';
