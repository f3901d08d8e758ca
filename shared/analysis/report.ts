/*
 * The stable, documented shape of a whole-design analysis: what `mlarch analyze --format json` prints and
 * what the README documents. Fields are only ever added; a change of meaning bumps REPORT_VERSION.
 * Money in USD, times in ms, availability as a fraction (0.999), downtime in minutes per 730-hour month.
 */

/** The version of the report's shape. */
export const REPORT_VERSION = 1;

export interface ReportQuantile {
  readonly value: number;
  /** 95 % confidence interval from order statistics. */
  readonly low: number;
  readonly high: number;
}

export interface JourneyReport {
  readonly id: string;
  readonly name: string;
  readonly tier: 1 | 2 | 3;
  readonly entry: string;
  readonly latencyMs: {
    readonly p50: number | null;
    readonly p95: number | null;
    readonly p99: number | null;
    readonly mean: number | null;
    readonly ci95: {
      readonly p50: ReportQuantile;
      readonly p95: ReportQuantile;
      readonly p99: ReportQuantile;
    } | null;
    /** Sum of p95s along the path: a conservative screen, not a guarantee. */
    readonly sumOfP95s: number | null;
    readonly sloP95: number | null;
    readonly sloP99: number | null;
    readonly meetsP95Slo: boolean | null;
    readonly meetsP99Slo: boolean | null;
    /** Time to the first LLM token, when the path reaches an LLM endpoint. */
    readonly ttft: { readonly p50: number; readonly p95: number } | null;
    /** Component names along the chain that contributes most to p95. */
    readonly criticalPath: readonly string[];
    /** Share of simulated requests that failed (a down dependency without a fallback). */
    readonly failedShare: number | null;
  };
  readonly availability: {
    readonly value: number | null;
    readonly downtimeMinutesPerMonth: number | null;
    readonly slo: number | null;
    readonly meetsSlo: boolean | null;
    /** Time a fallback serves instead of the primary, minutes per month. */
    readonly degradedMinutesPerMonth: number | null;
    /** Minimal cut sets of order 1-3, by component name: all of a set down fails the journey. */
    readonly cutSets: readonly (readonly string[])[];
    readonly singlePointsOfFailure: readonly string[];
    /** Dependencies less than ten times as available as the SLO needs (Treynor et al. 2017). */
    readonly extraNine: readonly {
      readonly component: string;
      readonly availability: number;
      readonly needed: number;
    }[];
  };
  readonly errors: readonly string[];
  readonly warnings: readonly string[];
}

export interface ScenarioReport {
  readonly id: string;
  readonly name: string;
  readonly cost: {
    readonly monthlyUsd: number;
    readonly per1kInferencesUsd: number | null;
    readonly per1kMarginalUsd: number | null;
    readonly fixedUsd: number;
    readonly variableUsd: number;
    readonly monthlyRequests: number;
    readonly budgetMonthlyUsd: number | null;
    readonly budgetPer1kUsd: number | null;
    readonly overBudget: boolean | null;
    readonly topDrivers: readonly { readonly component: string; readonly monthlyUsd: number }[];
  };
  readonly journeys: readonly JourneyReport[];
  readonly warnings: readonly string[];
}

export interface DesignReport {
  readonly reportVersion: number;
  readonly design: { readonly name: string; readonly formatVersion: number };
  readonly options: { readonly samples: number; readonly seed: number };
  readonly scenarios: readonly ScenarioReport[];
}
