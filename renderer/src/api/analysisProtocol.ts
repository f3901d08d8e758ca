import type { JourneyAvailability } from '../../../shared/analysis/availability/index.ts';
import type { Comparison } from '../../../shared/analysis/compare.ts';
import type { ScenarioCost } from '../../../shared/analysis/cost/index.ts';
import type { JourneyLatency } from '../../../shared/analysis/latency/index.ts';
import type { ScenarioReport } from '../../../shared/analysis/report.ts';
import type { Tornado } from '../../../shared/analysis/sensitivity.ts';
import type { Design } from '../../../shared/model/document.ts';

/*
 * Messages between the renderer and the analysis worker: plain JSON. Every answer carries the revision of the
 * request it answers, so the renderer can keep the newest and show older numbers as updating.
 */

/** Analyse `scenarioId` of `design`; a newer request cancels the run of an older one. */
export interface AnalyzeRequest {
  readonly type: 'analyze';
  readonly revision: number;
  readonly design: Design;
  readonly scenarioId: string;
}

export interface JourneyBase {
  readonly journeyId: string;
  readonly name: string;
  readonly availability: JourneyAvailability;
}

/** Cost and availability of the scenario, sent first (they are exact and quick). */
export interface ScenarioMessage {
  readonly type: 'scenario';
  readonly revision: number;
  readonly scenarioId: string;
  readonly cost: ScenarioCost;
  readonly journeys: readonly JourneyBase[];
}

/** A journey's latency: a quick first pass, then the full run. */
export interface LatencyMessage {
  readonly type: 'latency';
  readonly revision: number;
  readonly scenarioId: string;
  readonly latency: JourneyLatency;
}

/** Every scenario side by side, with fewer latency samples than the shown scenario. */
export interface CompareMessage {
  readonly type: 'compare';
  readonly revision: number;
  readonly reports: readonly ScenarioReport[];
  readonly comparison: Comparison;
  /** Latency samples per journey behind `reports`. */
  readonly samples: number;
}

/** Tornados of the shown scenario, one per comparison metric. */
export interface SensitivityMessage {
  readonly type: 'sensitivity';
  readonly revision: number;
  readonly scenarioId: string;
  readonly tornados: readonly Tornado[];
}

/** The analysis threw: a bug or a design the engines cannot read; the message says which. */
export interface FailedMessage {
  readonly type: 'failed';
  readonly revision: number;
  readonly scenarioId: string;
  readonly message: string;
}

export type AnalysisMessage =
  ScenarioMessage | LatencyMessage | CompareMessage | SensitivityMessage | FailedMessage;
