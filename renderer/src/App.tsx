import { useEffect, useState } from 'react';
import { request } from './api/client.ts';
import { Editor } from './Editor.tsx';
import { AboutDialog } from './panels/AboutDialog.tsx';
import { useWindowMenuCommands } from './hooks/useMenuCommands.ts';
import { useWindowTitle } from './hooks/useWindowTitle.ts';
import { ErrorBanner } from './panels/ErrorBanner.tsx';
import { OpenDialog } from './panels/OpenDialog.tsx';
import { SaveAsDialog } from './panels/SaveAsDialog.tsx';
import { StartScreen } from './panels/StartScreen.tsx';
import { reopenDocument } from './store/documents.ts';
import { editorStore, reportError, useEditor } from './store/index.ts';
import { rememberedOpenPath } from './store/session.ts';
import { useUi } from './store/ui.ts';

/** Reads the host facts and reopens the tab's document once per page load (StrictMode runs effects twice). */
let startup: Promise<void> | null = null;
function startOnce(): Promise<void> {
  startup ??= (async () => {
    try {
      useUi.getState().setAppInfo(await request('app.info', {}));
    } catch (error) {
      reportError(error);
    }
    const path = rememberedOpenPath();
    if (path && !editorStore.getState().doc) await reopenDocument(path);
  })();
  return startup;
}

/** The window: the start screen or the editor, with the message banner and in-app dialogs above them. */
export function App() {
  const docId = useEditor((s) => s.doc?.docId ?? null);
  const hasDocument = docId !== null;
  const dialog = useUi((s) => s.dialog);
  // Until app.info has answered and a remembered document has reopened, show neither screen.
  const [ready, setReady] = useState(false);
  useWindowMenuCommands();
  useWindowTitle();

  useEffect(() => {
    let live = true;
    void startOnce().then(() => live && setReady(true));
    return () => {
      live = false;
    };
  }, []);

  return (
    <div className="app">
      <ErrorBanner />
      {/* Keyed by document: a newly opened design gets a fresh canvas (view fitted, no stale view state). */}
      {ready && (hasDocument ? <Editor key={docId} /> : <StartScreen />)}
      {!ready && <p className="loading">Opening…</p>}
      {dialog === 'open' && <OpenDialog />}
      {dialog === 'save-as' && hasDocument && <SaveAsDialog />}
      {dialog === 'about' && <AboutDialog />}
    </div>
  );
}
