import { useEffect } from 'react';
import { useReactFlow } from '@xyflow/react';
import { onHostEvent } from '../api/client.ts';
import { deleteSelection, selectAll } from '../store/commands.ts';
import { closeDocument, openDocument, promptOpen, promptSaveAs } from '../store/documents.ts';
import { editorStore } from '../store/index.ts';

/*
 * Commands from the Electron application menu (the web host sends none). File commands work from the
 * start screen too; edit and view commands only while the editor (and its canvas) is shown.
 * Cut, copy, paste, the dock and About belong to later features and are ignored here.
 */

/** File menu: new, open, open a recent path, save as, close. */
export function useFileMenuCommands(): void {
  useEffect(
    () =>
      onHostEvent('menu.command', (command) => {
        if (command.command === 'open-path') void openDocument(command.path);
        else if (command.command === 'open') void promptOpen();
        else if (command.command === 'save-as') void promptSaveAs();
        // "New" goes to the start screen, where the design gets its name.
        else if (command.command === 'new' || command.command === 'close') void closeDocument();
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
