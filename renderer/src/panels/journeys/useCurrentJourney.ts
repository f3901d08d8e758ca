import type { Journey } from '../../../../shared/model/document.ts';
import { useEditor } from '../../store/index.ts';
import { selectedJourney, useJourneyView } from '../../store/journeyView.ts';

/** The journey selected on the canvas of the current scenario (null: the whole design). */
export function useCurrentJourney(): Journey | null {
  const view = useJourneyView();
  return useEditor((s) => selectedJourney(s.design, s.doc?.docId ?? null, s.scenarioId, view));
}
