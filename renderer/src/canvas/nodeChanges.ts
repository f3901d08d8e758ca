import type { EdgeChange, NodeChange, XYPosition } from '@xyflow/react';
import type { Size } from '../../../shared/model/document.ts';
import type { Selection } from '../store/selection.ts';
import type { ViewOverlay } from './flowElements.ts';

/** What a batch of React Flow node changes means for the document, once the gesture has ended. */
export interface NodeChangeOutcome {
  readonly overlay: ViewOverlay;
  /** Nodes a finished drag left somewhere new: one move command. */
  readonly moves: { id: string; position: XYPosition }[];
  /**
   * A finished resize: the boundary's new size and its top-left when that moved. The command shifts the
   * children back from the document; their positions React Flow moved during the resize are only dropped.
   */
  readonly resize: { id: string; position: XYPosition | null; size: Size } | null;
}

function without<T>(record: Readonly<Record<string, T>>, ids: Iterable<string>): Record<string, T> {
  const next = { ...record };
  for (const id of ids) delete next[id];
  return next;
}

/**
 * Folds React Flow's change stream into view state. Positions and sizes during a drag or a resize stay in
 * the overlay (smooth, nothing written); the change that ends the gesture becomes one command.
 * `dragging: false` marks a drag's end; `resizing: false` a resize's end.
 */
export function foldNodeChanges(
  overlay: ViewOverlay,
  changes: readonly NodeChange[],
  childrenOf: (id: string) => readonly string[],
): NodeChangeOutcome {
  let positions = overlay.positions;
  let sizes = overlay.sizes;
  let measured = overlay.measured;
  const moves: { id: string; position: XYPosition }[] = [];
  let resize: NodeChangeOutcome['resize'] = null;

  for (const change of changes) {
    if (change.type === 'position') {
      const position = change.position ?? positions[change.id];
      if (change.dragging === false) {
        if (position) moves.push({ id: change.id, position });
      } else if (change.position) {
        positions = { ...positions, [change.id]: change.position };
      }
    } else if (change.type === 'dimensions' && change.dimensions) {
      const { width, height } = change.dimensions;
      if (width > 0 && height > 0) measured = { ...measured, [change.id]: { width, height } };
      if (change.resizing === true) sizes = { ...sizes, [change.id]: { width, height } };
      if (change.resizing === false && width > 0 && height > 0) {
        resize = { id: change.id, position: positions[change.id] ?? null, size: { width, height } };
        positions = without(positions, [change.id, ...childrenOf(change.id)]);
        sizes = without(sizes, [change.id]);
      }
    }
  }
  if (moves.length > 0)
    positions = without(
      positions,
      moves.map((m) => m.id),
    );
  const changed = positions !== overlay.positions || sizes !== overlay.sizes || measured !== overlay.measured;
  return { overlay: changed ? { positions, sizes, measured } : overlay, moves, resize };
}

/** Applies React Flow's select changes for nodes or edges to the selection. */
export function foldSelectChanges(
  selection: Selection,
  changes: readonly (NodeChange | EdgeChange)[],
  key: 'componentIds' | 'connectionIds',
): Selection {
  const selects = changes.filter((c) => c.type === 'select');
  if (selects.length === 0) return selection;
  const ids = new Set(selection[key]);
  for (const change of selects) {
    if (change.selected) ids.add(change.id);
    else ids.delete(change.id);
  }
  return { ...selection, [key]: [...ids] };
}
