import type { Assumption } from '../assumptions.ts';

/** A minimal set of components whose joint failure fails the request. */
export interface CutSet {
  readonly componentIds: readonly string[];
  readonly componentNames: readonly string[];
  /** Number of members (1: a single point of failure). */
  readonly order: number;
  /** Product of the members' unavailabilities (1 − service availability). */
  readonly probability: number;
  /** True when the set fails the request only on some branch outcomes (a cache miss, one side of an A/B). */
  readonly conditional: boolean;
}

/** A single point of failure that breaks the "extra nine" rule (Treynor et al. 2017). */
export interface ExtraNineBreach {
  readonly componentId: string;
  readonly componentName: string;
  /** Its service availability (0-1). */
  readonly availability: number;
  /** The availability it would need: 1 − (1 − SLO) / 10. */
  readonly requiredAvailability: number;
}

export interface ComponentImportance {
  readonly componentId: string;
  /** ∂A/∂(service availability): P(success | up) − P(success | down). */
  readonly birnbaum: number;
}

export interface JourneyAvailability {
  readonly journeyId: string;
  /** Probability that one request succeeds (0-1); null when it cannot be computed (see errors). */
  readonly value: number | null;
  /** (1 − value) × minutes in a 730-hour month. */
  readonly downtimeMinutesPerMonth: number | null;
  /** Probability that a request succeeds only because a fallback served it. */
  readonly degradedProbability: number | null;
  readonly degradedMinutesPerMonth: number | null;
  /** The journey's availability objective (0-1), or null. */
  readonly slo: number | null;
  /** value ≥ slo; null without an SLO or a value. */
  readonly meetsSlo: boolean | null;
  /** Minimal cut sets of order 1-3: by order, then probability descending; capped. */
  readonly cutSets: readonly CutSet[];
  /** True when some minimal cut sets were left out of `cutSets`. */
  readonly cutSetsTruncated: boolean;
  /** Ids of every component that fails the request on its own. */
  readonly singlePointsOfFailure: readonly string[];
  readonly extraNine: readonly ExtraNineBreach[];
  /** Birnbaum importance of every component on the request path, largest first. */
  readonly importance: readonly ComponentImportance[];
  readonly method: string;
  readonly assumptions: readonly Assumption[];
  readonly errors: readonly string[];
  readonly warnings: readonly string[];
}

export interface AvailabilityOptions {
  /** Largest number of decision-diagram nodes before giving up with an error (default 2,000,000). */
  readonly nodeBudget?: number;
  /** Most cut sets listed (default 200). */
  readonly cutSetLimit?: number;
  /** Largest cut-set order (1-3, default 3). */
  readonly maxCutSetOrder?: number;
}
