import { createStore } from 'zustand/vanilla';
import type { OpenDocument } from './types.ts';
import type { Design, Viewport } from '../../../shared/model/document.ts';
import type { Operation } from '../../../shared/model/operations.ts';
import { applyOperations } from '../../../shared/model/apply.ts';
import { afterRedo, afterUndo, emptyHistory, peekRedo, peekUndo, recordEdit } from './history.ts';
import type { History } from './history.ts';
import { messageOf } from './messageOf.ts';
import { emptySelection, pruneSelection } from './selection.ts';
import type { Selection } from './selection.ts';

/** What the store needs from the host: one call that writes operations to the open file. */
export interface EditorHost {
  apply(docId: string, ops: Operation[]): Promise<{ revision: number }>;
}

export interface OpenDocInfo {
  readonly docId: string;
  readonly path: string;
  readonly revision: number;
}

export interface EditorState {
  /** The open document, or null on the start screen. */
  doc: OpenDocInfo | null;
  /** The design as the user sees it: every edit applied at once (optimistic). */
  design: Design | null;
  /** The design as the host last confirmed it on disk: what a failed write rolls back to. */
  confirmed: Design | null;
  scenarioId: string | null;
  history: History;
  selection: Selection;
  /** A message for the user (a refused edit, a failed write, a file that would not open). */
  error: string | null;
  /** Writes sent to the host and not yet answered. */
  pending: number;
  /**
   * True while the open document is being replaced (Save As, open, close): an edit made then would be
   * queued against a document about to close, so edits, undo and redo are held off until it ends.
   */
  switching: boolean;

  /** Shows a document just opened or created. Never undoable: the history starts empty. */
  load(open: OpenDocument): void;
  /** Continues on a copy (Save As): same design, new file; the history still applies to it. */
  rebase(open: OpenDocument): void;
  unload(): void;
  /** Marks a document switch as started or ended (see `switching`). */
  setSwitching(switching: boolean): void;
  /** Applies a command's operations, records one undo step and queues the write. False when refused. */
  edit(label: string, ops: Operation[]): boolean;
  undo(): void;
  redo(): void;
  /**
   * Saves the canvas viewport of a scenario: written through the same ordered queue as edits, but view
   * state, so it is no undo step and leaves the undo and redo stacks as they are. False when unchanged.
   */
  saveViewport(scenarioId: string, viewport: Viewport): boolean;
  select(selection: Selection): void;
  setScenario(scenarioId: string): void;
  showError(message: string): void;
  dismissError(): void;
  /** Resolves once every queued write has been answered. */
  whenIdle(): Promise<void>;
}

export type EditorStore = ReturnType<typeof createEditorStore>;

/**
 * The editor's state: document, history and UI slices in one store so a rollback can restore them
 * together. Writes go to the host one at a time, in order; a store per call keeps tests independent.
 */
export function createEditorStore(host: EditorHost) {
  let queue: Promise<void> = Promise.resolve();
  // Bumped whenever queued writes must be forgotten: a new document, or a rollback that undid them.
  let generation = 0;

  return createStore<EditorState>()((set, get) => {
    /** Applies `ops` to the visible design and queues the write; `history` is the history after the step. */
    const commit = (ops: Operation[], nextHistory: (inverse: Operation[]) => History): boolean => {
      const { design, doc, history: before, switching } = get();
      if (!design || !doc || switching || ops.length === 0) return false;
      let result: { design: Design; inverse: Operation[] };
      try {
        result = applyOperations(design, ops);
      } catch (error) {
        set({ error: messageOf(error) });
        return false;
      }
      const after = result.design;
      set((s) => ({
        design: after,
        history: nextHistory(result.inverse),
        selection: pruneSelection(after, s.selection),
        pending: s.pending + 1,
      }));
      const gen = generation;
      const docId = doc.docId;
      queue = queue.then(async () => {
        if (gen !== generation) return;
        try {
          const { revision } = await host.apply(docId, ops);
          if (gen !== generation) return;
          set((s) => ({
            confirmed: after,
            doc: s.doc ? { ...s.doc, revision } : null,
            pending: s.pending - 1,
          }));
        } catch (error) {
          if (gen !== generation) return;
          // Later queued writes were built on this one: forget them and go back to what is on disk.
          generation += 1;
          set((s) => ({
            design: s.confirmed,
            history: before,
            selection: pruneSelection(s.confirmed, s.selection),
            error: `${messageOf(error)} The change was undone on screen; the file keeps its last saved state.`,
            pending: 0,
          }));
        }
      });
      return true;
    };

    const reset = (open: OpenDocument | null): Partial<EditorState> => {
      generation += 1;
      return {
        doc: open ? { docId: open.docId, path: open.path, revision: open.revision } : null,
        design: open?.design ?? null,
        confirmed: open?.design ?? null,
        scenarioId: open?.design.scenarios[0]?.id ?? null,
        history: emptyHistory,
        selection: emptySelection,
        pending: 0,
      };
    };

    return {
      doc: null,
      design: null,
      confirmed: null,
      scenarioId: null,
      history: emptyHistory,
      selection: emptySelection,
      error: null,
      pending: 0,
      switching: false,

      load: (open) => set({ ...reset(open), error: null }),
      rebase: (open) =>
        set((s) => ({
          doc: { docId: open.docId, path: open.path, revision: open.revision },
          design: open.design,
          confirmed: open.design,
          selection: pruneSelection(open.design, s.selection),
          scenarioId: open.design.scenarios.some((sc) => sc.id === s.scenarioId)
            ? s.scenarioId
            : (open.design.scenarios[0]?.id ?? null),
        })),
      unload: () => set(reset(null)),
      setSwitching: (switching) => set({ switching }),
      edit: (label, ops) => commit(ops, (inverse) => recordEdit(get().history, { label, ops, inverse })),
      undo: () => {
        const entry = peekUndo(get().history);
        if (!entry) return;
        // A step left with nothing to take back (its only change was view state) just moves over.
        if (entry.inverse.length === 0) set((s) => ({ history: afterUndo(s.history, entry.ops) }));
        else commit([...entry.inverse], (redoOps) => afterUndo(get().history, redoOps));
      },
      redo: () => {
        const entry = peekRedo(get().history);
        if (!entry) return;
        if (entry.ops.length === 0) set((s) => ({ history: afterRedo(s.history, entry.inverse) }));
        else commit([...entry.ops], (inverse) => afterRedo(get().history, inverse));
      },
      saveViewport: (scenarioId, viewport) => {
        const scenario = get().design?.scenarios.find((s) => s.id === scenarioId);
        // A scenario removed since the view moved has no view to keep.
        if (!scenario) return false;
        const saved = scenario.viewport;
        if (saved && saved.x === viewport.x && saved.y === viewport.y && saved.zoom === viewport.zoom)
          return false;
        const { x, y, zoom } = viewport;
        return commit(
          [{ type: 'scenario.update', id: scenarioId, changes: { viewport: { x, y, zoom } } }],
          () => get().history,
        );
      },
      select: (selection) => set((s) => ({ selection: pruneSelection(s.design, selection) })),
      setScenario: (scenarioId) => set({ scenarioId, selection: emptySelection }),
      showError: (message) => set({ error: message }),
      dismissError: () => set({ error: null }),
      whenIdle: () => queue,
    };
  });
}
