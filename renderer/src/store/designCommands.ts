import type { Settings } from '../../../shared/model/document.ts';
import type { Operation } from '../../../shared/model/operations.ts';
import {
  addJourneyOps,
  removeJourneyOps,
  resetRouteOps,
  toggleRouteConnectionOps,
  updateJourneyOps,
} from '../../../shared/model/journey-commands.ts';
import type { JourneyFields } from '../../../shared/model/journey-commands.ts';
import {
  addBlankScenarioOps,
  deleteScenarioOps,
  duplicateScenarioOps,
  renameScenarioOps,
} from '../../../shared/model/scenario-commands.ts';
import { updateSettingsOps } from '../../../shared/model/settings-commands.ts';
import type { Design } from '../../../shared/model/document.ts';
import { editorStore, reportError, viewportSaver } from './index.ts';
import { selectedJourney, useJourneyView } from './journeyView.ts';

/*
 * Journey, route, scenario and settings gestures as commands: each builds its operations in shared/model and
 * goes through the store's one edit path (optimistic apply, one undo step, one doc.apply call). A gesture the
 * model refuses shows its reason in the error banner; each command answers whether it was made.
 */

function run(label: string, build: (design: Design) => Operation[]): Operation[] | null {
  const { design, edit } = editorStore.getState();
  if (!design) return null;
  let ops: Operation[];
  try {
    ops = build(design);
  } catch (error) {
    reportError(error);
    return null;
  }
  if (ops.length === 0) return [];
  return edit(label, ops) ? ops : null;
}

/** The journey selected on the canvas of the current scenario, or null. */
export function currentJourney() {
  const { design, doc, scenarioId } = editorStore.getState();
  return selectedJourney(design, doc?.docId ?? null, scenarioId, useJourneyView.getState());
}

/** Shows `journeyId`'s route on the canvas of the current scenario (null: the whole design). */
export function showJourney(journeyId: string | null): void {
  const { doc, scenarioId } = editorStore.getState();
  if (doc && scenarioId) useJourneyView.getState().selectJourney(doc.docId, scenarioId, journeyId);
}

/** Creates a journey from `entryId` and shows it; true when made. */
export function createJourney(entryId: string, fields: JourneyFields): boolean {
  const ops = run(`New journey ${fields.name.trim()}`, (design) => addJourneyOps(design, entryId, fields));
  const added = ops?.[0]?.type === 'journey.add' ? ops[0].journey.id : null;
  if (added) showJourney(added);
  return added !== null;
}

/** Saves edited journey fields (one undo step; none when nothing changed); true unless refused. */
export function updateJourney(id: string, fields: JourneyFields): boolean {
  return run(`Edit journey ${fields.name.trim()}`, (design) => updateJourneyOps(design, id, fields)) !== null;
}

export function deleteJourney(id: string): void {
  const name = editorStore.getState().design?.journeys.find((j) => j.id === id)?.name ?? '';
  run(`Delete journey ${name}`, (design) => removeJourneyOps(design, id));
}

/** Puts a connection on the selected journey's route or takes it off: one undo step per click. */
export function toggleRouteConnection(connectionId: string): void {
  const journey = currentJourney();
  if (!journey) return;
  run('Change route', (design) => toggleRouteConnectionOps(design, journey.id, connectionId));
}

/** Sets the selected journey back to its default route. */
export function resetRoute(): void {
  const journey = currentJourney();
  if (journey) run('Use default route', (design) => resetRouteOps(design, journey.id));
}

/** Switches the canvas to another scenario, writing the current view first and leaving route editing. */
export function switchScenario(scenarioId: string): void {
  viewportSaver.flush();
  useJourneyView.getState().setRouteEditing(false);
  editorStore.getState().setScenario(scenarioId);
}

/** Adds a blank scenario, or a copy of the current one, and switches to it; true when made. */
export function createScenario(name: string, duplicate: boolean): boolean {
  const { scenarioId } = editorStore.getState();
  const ops = run(
    duplicate ? `Duplicate scenario as ${name.trim()}` : `New scenario ${name.trim()}`,
    (design) =>
      duplicate && scenarioId ? duplicateScenarioOps(design, scenarioId, name) : addBlankScenarioOps(name),
  );
  const added = ops?.[0]?.type === 'scenario.add' ? ops[0].scenario.id : null;
  if (added) switchScenario(added);
  return added !== null;
}

export function renameScenario(name: string): boolean {
  const { scenarioId } = editorStore.getState();
  if (!scenarioId) return false;
  return run(`Rename scenario`, (design) => renameScenarioOps(design, scenarioId, name)) !== null;
}

/** Deletes the current scenario with everything in it (undo brings it back) and shows a remaining one. */
export function deleteScenario(): void {
  const { scenarioId, design } = editorStore.getState();
  if (!scenarioId || !design) return;
  const name = design.scenarios.find((s) => s.id === scenarioId)?.name ?? '';
  const next = design.scenarios.find((s) => s.id !== scenarioId)?.id;
  viewportSaver.flush();
  if (run(`Delete scenario ${name}`, (d) => deleteScenarioOps(d, scenarioId)) && next) switchScenario(next);
}

/** Saves the design settings as one undo step; true unless refused. */
export function saveSettings(settings: Settings): boolean {
  return run('Change design settings', (design) => updateSettingsOps(design, settings)) !== null;
}
