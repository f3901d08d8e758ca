import { create } from 'zustand';
import type { Design } from '../../../shared/model/document.ts';
import type { Journey } from '../../../shared/model/document.ts';

/*
 * Which journey the canvas shows and whether its route is being edited. View state: kept per scenario of the
 * open document while the window lives, never written into the document (DESIGN.md §3).
 */

interface JourneyViewState {
  /** The document the choices belong to; choices of another document are ignored. */
  readonly docId: string | null;
  /** The selected journey of each scenario, by scenario id. */
  readonly byScenario: Readonly<Record<string, string>>;
  /** True while clicks on connections put them on or take them off the selected journey's route. */
  readonly routeEditing: boolean;
  selectJourney(docId: string, scenarioId: string, journeyId: string | null): void;
  setRouteEditing(on: boolean): void;
}

export const useJourneyView = create<JourneyViewState>()((set, get) => ({
  docId: null,
  byScenario: {},
  routeEditing: false,
  selectJourney: (docId, scenarioId, journeyId) => {
    const byScenario = get().docId === docId ? { ...get().byScenario } : {};
    if (journeyId === null) delete byScenario[scenarioId];
    else byScenario[scenarioId] = journeyId;
    // A route is edited for one journey: choosing another (or none) ends the editing.
    set({ docId, byScenario, routeEditing: false });
  },
  setRouteEditing: (routeEditing) => set({ routeEditing }),
}));

/** The selected journey of `scenarioId`, when it still exists (an undo may have removed it). */
export function selectedJourney(
  design: Design | null,
  docId: string | null,
  scenarioId: string | null,
  view: Pick<JourneyViewState, 'docId' | 'byScenario'>,
): Journey | null {
  if (!design || !docId || !scenarioId || view.docId !== docId) return null;
  const id = view.byScenario[scenarioId];
  if (id === undefined) return null;
  return design.journeys.find((j) => j.id === id && j.scenarioId === scenarioId) ?? null;
}
