import { useEffect } from 'react';
import { useReactFlow } from '@xyflow/react';
import { onHostEvent } from '../api/client.ts';
import type { MenuCommand } from '../../../shared/api.ts';
import { deleteSelection, selectAll } from '../store/commands.ts';
import { useDock } from '../store/dock.ts';
import { closeDocument, openDocument, promptOpen, promptSaveAs } from '../store/documents.ts';
import { editorStore } from '../store/index.ts';
import { useUi } from '../store/ui.ts';
import { focusedTextField } from './textField.ts';

/*
 * Commands from the Electron application menu (the web host sends none). File commands, About, the dock
 * and edits in text fields work from the start screen too; design edits and view commands only while the
 * editor (and its canvas) is shown. Cut, copy and paste use Electron's native roles and never arrive here.
 */

/** The native edit each design command stands for inside a text field (see electron/main/menu.ts). */
const TEXT_EDITS: Partial<Record<MenuCommand['command'], string>> = {
  undo: 'undo',
  redo: 'redo',
  delete: 'delete',
  'select-all': 'selectAll',
};

/** Runs the native edit in the focused text field when `command` stands for one. */
function editFocusedTextField(command: MenuCommand['command']): void {
  const textEdit = TEXT_EDITS[command];
  // execCommand is deprecated but still the only way to reach a field's own undo stack.
  if (textEdit && focusedTextField()) document.execCommand(textEdit);
}

/**
 * Commands for the whole window, on the start screen too: File and Help menus, the dock toggle, and Edit
 * commands while a text field has the focus (the menu's accelerators reach main before the page, so
 * Ctrl+Z in a text field arrives here and belongs to the field, not to the design).
 */
export function useWindowMenuCommands(): void {
  useEffect(
    () =>
      onHostEvent('menu.command', (command) => {
        if (command.command === 'open-path') void openDocument(command.path);
        else if (command.command === 'open') void promptOpen();
        else if (command.command === 'save-as') void promptSaveAs();
        // "New" goes to the start screen, where the design gets its name.
        else if (command.command === 'new' || command.command === 'close') void closeDocument();
        else if (command.command === 'about') useUi.getState().showDialog('about');
        // A preference, so it may change on the start screen and show when a design opens.
        else if (command.command === 'toggle-dock') useDock.getState().toggle();
        else editFocusedTextField(command.command);
      }),
    [],
  );
}

/** Edit and View menus, acting on the open document and the canvas. */
export function useEditMenuCommands(): void {
  const { zoomIn, zoomOut, fitView } = useReactFlow();
  useEffect(
    () =>
      onHostEvent('menu.command', (command) => {
        // In a text field these are the field's own edits, made by useWindowMenuCommands.
        if (TEXT_EDITS[command.command] && focusedTextField()) return;
        const store = editorStore.getState();
        if (command.command === 'undo') store.undo();
        else if (command.command === 'redo') store.redo();
        else if (command.command === 'delete') deleteSelection();
        else if (command.command === 'select-all') selectAll();
        else if (command.command === 'zoom-in') void zoomIn();
        else if (command.command === 'zoom-out') void zoomOut();
        else if (command.command === 'fit') void fitView();
      }),
    [zoomIn, zoomOut, fitView],
  );
}
