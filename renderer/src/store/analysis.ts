import { create } from 'zustand';
import type { JourneyAvailability } from '../../../shared/analysis/availability/index.ts';
import type { Comparison } from '../../../shared/analysis/compare.ts';
import type { ScenarioCost } from '../../../shared/analysis/cost/index.ts';
import type { JourneyLatency } from '../../../shared/analysis/latency/index.ts';
import type { ScenarioReport } from '../../../shared/analysis/report.ts';
import type { Tornado } from '../../../shared/analysis/sensitivity.ts';
import type { AnalysisMessage } from '../api/analysisProtocol.ts';

/*
 * Analysis results as the worker sends them, keyed by scenario and stamped with the revision they answer.
 * Nothing is cleared when a new revision is requested: older numbers stay on screen, marked as updating,
 * until the newer ones arrive (DESIGN.md §3: the UI never waits for an analysis).
 */

export interface JourneyResult {
  readonly journeyId: string;
  readonly name: string;
  readonly availability: JourneyAvailability;
  readonly latency: JourneyLatency | null;
  /** Revision the latency answers (it can lag the availability's while the new run starts). */
  readonly latencyRevision: number;
}

export interface ScenarioAnalysis {
  readonly revision: number;
  readonly cost: ScenarioCost;
  readonly journeys: readonly JourneyResult[];
}

export interface CompareResult {
  readonly revision: number;
  readonly reports: readonly ScenarioReport[];
  readonly comparison: Comparison;
  readonly samples: number;
}

export interface SensitivityResult {
  readonly revision: number;
  readonly scenarioId: string;
  readonly tornados: readonly Tornado[];
}

export interface AnalysisData {
  /** The newest revision sent to the worker. */
  readonly requested: number;
  readonly byScenario: Readonly<Record<string, ScenarioAnalysis>>;
  readonly compare: CompareResult | null;
  readonly sensitivity: SensitivityResult | null;
  /** The newest failure, cleared by a later result. */
  readonly failure: { readonly revision: number; readonly message: string } | null;
}

export const emptyAnalysis: AnalysisData = {
  requested: 0,
  byScenario: {},
  compare: null,
  sensitivity: null,
  failure: null,
};

/** The state after a worker message; a message older than what is held is dropped. */
export function reduceAnalysis(state: AnalysisData, message: AnalysisMessage): AnalysisData {
  switch (message.type) {
    case 'scenario': {
      const held = state.byScenario[message.scenarioId];
      if (held && held.revision > message.revision) return state;
      const before = new Map(held?.journeys.map((j) => [j.journeyId, j]));
      const journeys = message.journeys.map((j): JourneyResult => {
        const old = before.get(j.journeyId);
        return { ...j, latency: old?.latency ?? null, latencyRevision: old?.latencyRevision ?? 0 };
      });
      const entry: ScenarioAnalysis = { revision: message.revision, cost: message.cost, journeys };
      return {
        ...state,
        byScenario: { ...state.byScenario, [message.scenarioId]: entry },
        failure: state.failure && state.failure.revision <= message.revision ? null : state.failure,
      };
    }
    case 'latency': {
      const held = state.byScenario[message.scenarioId];
      if (!held || held.revision !== message.revision) return state;
      const journeys = held.journeys.map((j) =>
        j.journeyId === message.latency.journeyId
          ? { ...j, latency: message.latency, latencyRevision: message.revision }
          : j,
      );
      return { ...state, byScenario: { ...state.byScenario, [message.scenarioId]: { ...held, journeys } } };
    }
    case 'compare':
      if (state.compare && state.compare.revision > message.revision) return state;
      return {
        ...state,
        compare: {
          revision: message.revision,
          reports: message.reports,
          comparison: message.comparison,
          samples: message.samples,
        },
      };
    case 'sensitivity':
      if (state.sensitivity && state.sensitivity.revision > message.revision) return state;
      return {
        ...state,
        sensitivity: {
          revision: message.revision,
          scenarioId: message.scenarioId,
          tornados: message.tornados,
        },
      };
    case 'failed':
      return { ...state, failure: { revision: message.revision, message: message.message } };
  }
}

/** True while a newer revision than `revision` is being analysed. */
export function isUpdating(revision: number | undefined, requested: number): boolean {
  return revision === undefined || revision < requested;
}

/** True while the journey's latency is older than its scenario's results or still a quick pass. */
export function latencyUpdating(
  journey: JourneyResult,
  scenario: ScenarioAnalysis,
  requested: number,
): boolean {
  return (
    isUpdating(scenario.revision, requested) ||
    journey.latencyRevision < scenario.revision ||
    !(journey.latency?.complete ?? false)
  );
}

interface AnalysisState extends AnalysisData {
  request(revision: number): void;
  receive(message: AnalysisMessage): void;
  reset(): void;
}

/** The results of the analysis worker; components read them through narrow selectors. */
export const useAnalysis = create<AnalysisState>()((set) => ({
  ...emptyAnalysis,
  request: (revision) => set({ requested: revision }),
  receive: (message) => set((s) => reduceAnalysis(s, message)),
  reset: () => set(emptyAnalysis),
}));

/** The results of one scenario, or undefined before the first arrive. */
export function useScenarioAnalysis(scenarioId: string | null): ScenarioAnalysis | undefined {
  return useAnalysis((s) => (scenarioId ? s.byScenario[scenarioId] : undefined));
}
