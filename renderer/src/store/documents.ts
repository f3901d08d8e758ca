import { request } from '../api/client.ts';
import { editorStore, reportError, viewportSaver } from './index.ts';
import { rememberOpenPath } from './session.ts';
import type { OpenDocument } from './types.ts';
import { useUi } from './ui.ts';

/*
 * Opening, creating, saving as and closing documents. Each waits for queued writes first, so nothing the
 * user did is lost, and reports a failure in the error banner while keeping whatever was open before.
 */

/**
 * Runs a document switch: the view's last position is written, edits are held off (they would go to the
 * document being replaced) and every queued write has landed before `work` starts.
 */
async function whileSwitching<T>(work: () => Promise<T>): Promise<T> {
  viewportSaver.flush();
  const store = editorStore.getState();
  store.setSwitching(true);
  try {
    await store.whenIdle();
    return await work();
  } finally {
    editorStore.getState().setSwitching(false);
  }
}

/** Closes the current document on the host (if any) and shows `next` (or the start screen). */
function replaceWith(next: OpenDocument | null): Promise<void> {
  return whileSwitching(async () => {
    const { doc } = editorStore.getState();
    if (doc && doc.docId !== next?.docId) {
      try {
        await request('doc.close', { docId: doc.docId });
      } catch (error) {
        reportError(error);
      }
    }
    if (next) editorStore.getState().load(next);
    else editorStore.getState().unload();
    rememberOpenPath(next?.path ?? null);
  });
}

/** Shows the document `load` answers in place of the current one; false (and the reason shown) when it fails. */
async function switchTo(load: Promise<OpenDocument>): Promise<boolean> {
  try {
    await replaceWith(await load);
    return true;
  } catch (error) {
    reportError(error);
    return false;
  }
}

export function openDocument(path: string): Promise<boolean> {
  return switchTo(request('doc.open', { path }));
}

export function createDocument(name: string, templateId: string | null): Promise<boolean> {
  return switchTo(request('doc.new', { name, templateId }));
}

/**
 * Continues on a copy at `path`, as Save As does in any desktop app; the undo history carries over.
 * `overwrite` only when the user confirmed replacing an existing file (the native Save dialog asks).
 */
export async function saveDocumentAs(path: string, overwrite = false): Promise<boolean> {
  const { doc } = editorStore.getState();
  if (!doc) return false;
  try {
    return await whileSwitching(async () => {
      const copy = await request('doc.saveAs', { docId: doc.docId, path, overwrite });
      editorStore.getState().rebase(copy);
      rememberOpenPath(copy.path);
      return true;
    });
  } catch (error) {
    reportError(error);
    return false;
  }
}

export async function closeDocument(): Promise<void> {
  await replaceWith(null);
}

/** After a reload: reopens the document the tab had open, or stays on the start screen with the reason. */
export async function reopenDocument(path: string): Promise<void> {
  try {
    const opened = await request('doc.open', { path });
    editorStore.getState().load(opened);
  } catch (error) {
    rememberOpenPath(null);
    reportError(error);
  }
}

/** Open…: the native dialog under Electron, the in-app workspace list in a browser. */
export async function promptOpen(): Promise<void> {
  if (!useUi.getState().appInfo?.nativeDialogs) {
    useUi.getState().showDialog('open');
    return;
  }
  try {
    const { path } = await request('dialog.openDocument', {});
    if (path) await openDocument(path);
  } catch (error) {
    reportError(error);
  }
}

/** Save As…: the native dialog under Electron, an in-app file name prompt in a browser. */
export async function promptSaveAs(): Promise<void> {
  const { design } = editorStore.getState();
  if (!design) return;
  if (!useUi.getState().appInfo?.nativeDialogs) {
    useUi.getState().showDialog('save-as');
    return;
  }
  try {
    const { path, replaceConfirmed } = await request('dialog.saveDocument', {
      suggestedName: `${design.meta.name}.mlarch`,
    });
    if (path) await saveDocumentAs(path, replaceConfirmed);
  } catch (error) {
    reportError(error);
  }
}

/** The path of `name`.mlarch in the workspace folder, with the separator the host's own paths use. */
export function workspacePath(workspace: string, name: string): string {
  const separator = workspace.includes('\\') && !workspace.includes('/') ? '\\' : '/';
  const folder = workspace.endsWith(separator) ? workspace.slice(0, -1) : workspace;
  const file = name.toLowerCase().endsWith('.mlarch') ? name : `${name}.mlarch`;
  return `${folder}${separator}${file}`;
}
