import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Handlers } from '../host/dispatch.ts';
import { DOCUMENT_EXTENSION, fileNameFor } from '../host/workspace.ts';
import type { BrowserWindowLike, DialogLike, FileFilter } from './electron-like.ts';
import type { PathGrants } from './path-grants.ts';

/*
 * The native dialog channels, served by main itself. Every path the user picks is granted to the PathGuard:
 * the dialog is the user's consent to open or write that one file.
 */

const designFilter: FileFilter = { name: 'MLArch design', extensions: [DOCUMENT_EXTENSION.slice(1)] };

export interface DialogServiceOptions {
  dialog: DialogLike;
  getWindow(): BrowserWindowLike | null;
  grants: PathGrants;
  /** Where the dialogs start. */
  workspace: string;
}

export type DialogHandlers = Required<Pick<Handlers, 'dialog.openDocument' | 'dialog.saveDocument'>>;

/** Handlers for 'dialog.openDocument' and 'dialog.saveDocument'. */
export function createDialogHandlers(options: DialogServiceOptions): DialogHandlers {
  const window = (): BrowserWindowLike => {
    const current = options.getWindow();
    if (!current || current.isDestroyed()) throw new Error('There is no window to show the dialog on.');
    return current;
  };

  return {
    'dialog.openDocument': async () => {
      const result = await options.dialog.showOpenDialog(window(), {
        title: 'Open Design',
        defaultPath: options.workspace,
        filters: [designFilter],
        properties: ['openFile'],
      });
      const path = result.canceled ? undefined : result.filePaths[0];
      if (!path) return { path: null };
      options.grants.grant(path, ['open']);
      return { path };
    },
    'dialog.saveDocument': async ({ suggestedName }) => {
      const result = await options.dialog.showSaveDialog(window(), {
        title: 'Save Design As',
        defaultPath: join(options.workspace, `${fileNameFor(suggestedName)}${DOCUMENT_EXTENSION}`),
        filters: [designFilter],
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      });
      if (result.canceled || !result.filePath) return { path: null, replaceConfirmed: false };
      const path = withDocumentExtension(result.filePath);
      // The dialog asked about replacing only the path it returned: a name we completed with .mlarch may be
      // an existing file the user was never asked about, so that one may be written but not replaced.
      const replaceConfirmed = path === result.filePath && existsSync(path);
      // Save As continues on the copy, so the new file is opened as well as written.
      options.grants.grant(path, replaceConfirmed ? ['write', 'open', 'replace'] : ['write', 'open']);
      return { path, replaceConfirmed };
    },
  };
}

/** Appends .mlarch when the user typed a name without it (Linux dialogs do not add it). */
export function withDocumentExtension(path: string): string {
  return path.toLowerCase().endsWith(DOCUMENT_EXTENSION) ? path : `${path}${DOCUMENT_EXTENSION}`;
}
