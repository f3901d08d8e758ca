import { useEffect } from 'react';
import { clearSelection, deleteSelection, selectAll } from '../store/commands.ts';
import { useDock } from '../store/dock.ts';
import { editorStore } from '../store/index.ts';
import { isTextField } from './textField.ts';

/** True when keys typed now belong to a form control (a text field's own undo and delete, a select's letters). */
function keysBelongToField(target: EventTarget | null): boolean {
  return isTextField(target) || target instanceof HTMLSelectElement;
}

/**
 * Editor shortcuts: undo/redo, delete, select all, clear selection, toggle the dock. Inactive while a
 * dialog is open. Under Electron the menu's accelerators take these keys first and arrive as menu commands.
 */
export function useEditorShortcuts(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || document.querySelector('dialog[open]')) return;
      const mod = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();
      // The dock toggle edits no text, so it works from a text field too, as the menu's accelerator does.
      if (mod && !event.shiftKey && !event.altKey && key === 'j') {
        event.preventDefault();
        useDock.getState().toggle();
        return;
      }
      if (keysBelongToField(event.target)) return;
      const store = editorStore.getState();
      if (mod && key === 'z') {
        event.preventDefault();
        if (event.shiftKey) store.redo();
        else store.undo();
      } else if (mod && key === 'y') {
        event.preventDefault();
        store.redo();
      } else if (mod && key === 'a') {
        event.preventDefault();
        selectAll();
      } else if (!mod && (event.key === 'Delete' || event.key === 'Backspace')) {
        event.preventDefault();
        deleteSelection();
      } else if (event.key === 'Escape') {
        clearSelection();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
