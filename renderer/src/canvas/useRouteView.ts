import { useMemo } from 'react';
import { journeyRoute } from '../../../shared/model/journey-route.ts';
import { useEditor } from '../store/index.ts';
import { selectedJourney, useJourneyView } from '../store/journeyView.ts';
import type { RouteView } from './flowElements.ts';

/** The route of the journey shown on the canvas, as the canvas draws it; null shows the whole design. */
export function useRouteView(): RouteView | null {
  const view = useJourneyView();
  const design = useEditor((s) => s.design);
  const journey = useEditor((s) => selectedJourney(s.design, s.doc?.docId ?? null, s.scenarioId, view));
  const editing = view.routeEditing;
  return useMemo(() => {
    if (!design || !journey) return null;
    const route = journeyRoute(design, journey);
    return {
      connectionIds: new Set(route.connectionIds),
      componentIds: new Set(route.componentIds),
      entryId: journey.entryId,
      editing,
    };
  }, [design, journey, editing]);
}
