import type { Operation } from '../../../shared/model/operations.ts';

/** One undoable step: the operations that made it and the operations that take it back. */
export interface HistoryEntry {
  readonly label: string;
  readonly ops: readonly Operation[];
  readonly inverse: readonly Operation[];
}

export interface History {
  readonly undo: readonly HistoryEntry[];
  readonly redo: readonly HistoryEntry[];
}

/** Enough for a working session; the oldest steps fall off so memory stays bounded. */
export const HISTORY_LIMIT = 200;

export const emptyHistory: History = { undo: [], redo: [] };

/**
 * Operations as the history keeps them: without view state. A scenario's saved viewport is written
 * without an undo step, so no step may carry one either; otherwise undoing an edit would jump the view
 * back to where it was when that edit was made.
 */
export function withoutViewState(ops: readonly Operation[]): readonly Operation[] {
  if (!ops.some((op) => op.type === 'scenario.update' && 'viewport' in op.changes)) return ops;
  return ops.flatMap((op): Operation[] => {
    if (op.type !== 'scenario.update' || !('viewport' in op.changes)) return [op];
    const { viewport: _viewState, ...changes } = op.changes;
    return Object.keys(changes).length > 0 ? [{ ...op, changes }] : [];
  });
}

function clean(entry: HistoryEntry): HistoryEntry {
  return { label: entry.label, ops: withoutViewState(entry.ops), inverse: withoutViewState(entry.inverse) };
}

/** A new edit: it becomes the latest undo step and forgets the redo branch, as in any editor. */
export function recordEdit(history: History, entry: HistoryEntry): History {
  const undo = [...history.undo, clean(entry)];
  return { undo: undo.length > HISTORY_LIMIT ? undo.slice(undo.length - HISTORY_LIMIT) : undo, redo: [] };
}

/** The step Undo would take back, or null. */
export function peekUndo(history: History): HistoryEntry | null {
  return history.undo[history.undo.length - 1] ?? null;
}

/** The step Redo would make again, or null. */
export function peekRedo(history: History): HistoryEntry | null {
  return history.redo[history.redo.length - 1] ?? null;
}

/**
 * After an undo: the step moves to the redo stack. `redoOps` are the operations that make it again, as
 * computed against the design the undo produced (more reliable than replaying the original ops).
 */
export function afterUndo(history: History, redoOps: readonly Operation[]): History {
  const entry = peekUndo(history);
  if (!entry) return history;
  return {
    undo: history.undo.slice(0, -1),
    redo: [...history.redo, clean({ label: entry.label, ops: redoOps, inverse: entry.inverse })],
  };
}

/** After a redo: the step moves back to the undo stack with the freshly computed inverse. */
export function afterRedo(history: History, inverse: readonly Operation[]): History {
  const entry = peekRedo(history);
  if (!entry) return history;
  return {
    undo: [...history.undo, clean({ label: entry.label, ops: entry.ops, inverse })],
    redo: history.redo.slice(0, -1),
  };
}
