import { useAnalysis } from '../../store/analysis.ts';
import type { JourneyResult, ScenarioAnalysis } from '../../store/analysis.ts';
import { useEditor } from '../../store/index.ts';
import { useJourneyView } from '../../store/journeyView.ts';

/** The analysis of the scenario on screen and the newest revision asked for. */
export function useShownAnalysis(): {
  scenarioId: string | null;
  analysis: ScenarioAnalysis | undefined;
  requested: number;
} {
  const scenarioId = useEditor((s) => s.scenarioId);
  const analysis = useAnalysis((s) => (scenarioId ? s.byScenario[scenarioId] : undefined));
  const requested = useAnalysis((s) => s.requested);
  return { scenarioId, analysis, requested };
}

/** The id of the journey the canvas shows in `scenarioId`, if any. */
export function useShownJourneyId(scenarioId: string | null): string | null {
  const docId = useEditor((s) => s.doc?.docId ?? null);
  return useJourneyView((v) => (scenarioId && v.docId === docId ? (v.byScenario[scenarioId] ?? null) : null));
}

/** The journey the analysis tabs focus on: the one shown on the canvas, else the first. */
export function focusJourney(
  analysis: ScenarioAnalysis | undefined,
  shownId: string | null,
): JourneyResult | undefined {
  return analysis?.journeys.find((j) => j.journeyId === shownId) ?? analysis?.journeys[0];
}
