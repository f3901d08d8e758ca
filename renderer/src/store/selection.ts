import type { Design } from '../../../shared/model/document.ts';

/** What the user has selected on the canvas. View state: never saved into the document. */
export interface Selection {
  readonly componentIds: readonly string[];
  readonly connectionIds: readonly string[];
}

export const emptySelection: Selection = { componentIds: [], connectionIds: [] };

export function isEmptySelection(selection: Selection): boolean {
  return selection.componentIds.length === 0 && selection.connectionIds.length === 0;
}

/** Drops ids that no longer exist (after an undo, a rollback or a delete), keeping the object when nothing changed. */
export function pruneSelection(design: Design | null, selection: Selection): Selection {
  if (!design) return isEmptySelection(selection) ? selection : emptySelection;
  const componentIds = new Set(design.components.map((c) => c.id));
  const connectionIds = new Set(design.connections.map((c) => c.id));
  const keptComponents = selection.componentIds.filter((id) => componentIds.has(id));
  const keptConnections = selection.connectionIds.filter((id) => connectionIds.has(id));
  if (
    keptComponents.length === selection.componentIds.length &&
    keptConnections.length === selection.connectionIds.length
  ) {
    return selection;
  }
  return { componentIds: keptComponents, connectionIds: keptConnections };
}

/** Everything in one scenario: what Select All selects. */
export function selectAllIn(design: Design, scenarioId: string): Selection {
  return {
    componentIds: design.components.filter((c) => c.scenarioId === scenarioId).map((c) => c.id),
    connectionIds: design.connections.filter((c) => c.scenarioId === scenarioId).map((c) => c.id),
  };
}
