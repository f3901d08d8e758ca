import { useStore } from 'zustand';
import { request } from '../api/client.ts';
import { createEditorStore } from './editorStore.ts';
import type { EditorState } from './editorStore.ts';
import { messageOf } from './messageOf.ts';
import { createViewportSaver } from './viewportSaver.ts';

/** The one editor store of this window, writing through the host's doc.apply. */
export const editorStore = createEditorStore({
  apply: (docId, ops) => request('doc.apply', { docId, ops }),
});

/** Reads a slice of the editor store; components pass narrow selectors so they re-render only when it changes. */
export function useEditor<T>(selector: (state: EditorState) => T): T {
  return useStore(editorStore, selector);
}

/** Shows what went wrong in the error banner. */
export function reportError(error: unknown): void {
  editorStore.getState().showError(messageOf(error));
}

/** Writes the canvas viewport a while after the user stops panning or zooming (view state, no undo step). */
export const viewportSaver = createViewportSaver((docId, scenarioId, viewport) => {
  const { doc, saveViewport } = editorStore.getState();
  // A view left over from a document that has since closed does not belong in the next one.
  if (doc?.docId === docId) saveViewport(scenarioId, viewport);
});
