import { APP_ENTRY_URL } from './origin.ts';
import type { BrowserWindowLike, BrowserWindowOptionsLike, BrowserWindowStatic } from './electron-like.ts';

/** The main window's options: the security baseline of DESIGN §4 plus size and title. */
export function mainWindowOptions(preloadPath: string): BrowserWindowOptionsLike {
  return {
    width: 1440,
    height: 900,
    minWidth: 960,
    minHeight: 600,
    title: 'MLArch Studio',
    // Shown on ready-to-show, so the user never sees a blank white frame.
    show: false,
    backgroundColor: '#f7f7f8',
    webPreferences: {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      spellcheck: false,
      // Middle-click (auxclick) would open links in a new window: the page has no use for it.
      disableBlinkFeatures: 'Auxclick',
      preload: preloadPath,
    },
  };
}

/** The URL the window loads: app://mlarch/index.html, or the dev server when one is allowed (dev only). */
export function rendererEntryUrl(devOrigin: string | null, rendererUrl: string | undefined): string {
  return devOrigin !== null && rendererUrl ? rendererUrl : APP_ENTRY_URL;
}

export interface MainWindowOptions {
  preloadPath: string;
  entryUrl: string;
  onLoadError(error: unknown): void;
}

/** Creates the main window, shows it once its first frame is ready and loads the renderer. */
export function createMainWindow(
  BrowserWindow: BrowserWindowStatic,
  options: MainWindowOptions,
): BrowserWindowLike {
  const window = new BrowserWindow(mainWindowOptions(options.preloadPath));
  window.once('ready-to-show', () => window.show());
  window.loadURL(options.entryUrl).catch(options.onLoadError);
  return window;
}
