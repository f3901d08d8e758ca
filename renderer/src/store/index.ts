import { useStore } from 'zustand';
import { request } from '../api/client.ts';
import { createEditorStore } from './editorStore.ts';
import type { EditorState } from './editorStore.ts';

/** The one editor store of this window, writing through the host's doc.apply. */
export const editorStore = createEditorStore({
  apply: (docId, ops) => request('doc.apply', { docId, ops }),
});

/** Reads a slice of the editor store; components pass narrow selectors so they re-render only when it changes. */
export function useEditor<T>(selector: (state: EditorState) => T): T {
  return useStore(editorStore, selector);
}
