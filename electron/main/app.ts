import { resolve } from 'node:path';
import { contract, type Channel, type MenuCommand, type Result } from '../../shared/api.ts';
import { createDispatcher, type Dispatcher, type Handlers } from '../host/dispatch.ts';
import { createAppProtocolHandler, registerAppScheme } from './app-protocol.ts';
import { contentSecurityPolicy } from '../host/csp.ts';
import { createDialogHandlers } from './dialogs.ts';
import type { BrowserWindowLike, ElectronLike } from './electron-like.ts';
import { createSenderCheck, registerIpcHandlers } from './ipc.ts';
import { createExternalLinkOpener } from './external-links.ts';
import { buildMenuTemplate, type RecentMenuEntry } from './menu.ts';
import { APP_SCHEME, createAppUrlCheck, devServerOrigin } from './origin.ts';
import { createPathGrants, type PathGrants } from './path-grants.ts';
import type { PathGuard } from '../host/workspace.ts';
import { installSessionGuard, installWebContentsGuard } from './security.ts';
import { trackDocumentSessions } from './document-sessions.ts';
import { createMainWindow, rendererEntryUrl } from './window.ts';

/** What main needs from the host services (electron/host/services.ts), and nothing of their internals. */
export interface HostServicesLike {
  handlers: Handlers;
  /** Closes every open document (checkpointing its WAL), called once when the app quits. */
  dispose(): void;
}

export interface StartOptions {
  platform: NodeJS.Platform;
  /** The command line, scanned for .mlarch paths to open. */
  argv: readonly string[];
  cwd: string;
  appName: string;
  /** out/preload/index.cjs */
  preloadPath: string;
  /** out/renderer, served as app://mlarch */
  rendererDir: string;
  workspace: string;
  /** process.env.ELECTRON_RENDERER_URL (electron-vite dev); ignored when packaged. */
  rendererUrl: string | undefined;
  createServices(guard: PathGuard): HostServicesLike;
  log?(message: string, detail: unknown): void;
}

export interface RunningApp {
  /** Resolves true once the window is created, false when another instance already runs. */
  ready: Promise<boolean>;
  getWindow(): BrowserWindowLike | null;
  grants: PathGrants;
}

// Channels after which the recent list (and so the Open Recent menu) may have changed.
const recentChanging: ReadonlySet<Channel> = new Set(['doc.new', 'doc.open', 'doc.saveAs', 'recent.clear']);

/** Runs the desktop app: single instance, window, IPC, menu, security, file opening, clean quit. */
export function startApp(electron: ElectronLike, options: StartOptions): RunningApp {
  const { app } = electron;
  const log = options.log ?? ((message: string, detail: unknown) => console.error(message, detail));
  const grants = createPathGrants({ workspace: options.workspace, platform: options.platform });
  let window: BrowserWindowLike | null = null;
  const getWindow = (): BrowserWindowLike | null => (window && !window.isDestroyed() ? window : null);

  // Before ready, as Electron requires: every renderer is sandboxed, whatever a window's options say.
  app.enableSandbox();
  registerAppScheme(electron.protocol);
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return { ready: Promise.resolve(false), getWindow, grants };
  }

  const devOrigin = devServerOrigin(app.isPackaged, options.rendererUrl);
  const isAppUrl = createAppUrlCheck(devOrigin);
  const openExternal = createExternalLinkOpener({
    dialog: electron.dialog,
    shell: electron.shell,
    getWindow,
    log,
  });
  installWebContentsGuard(app, { isAppUrl, openExternal, onError: (e) => log('Could not open a link.', e) });
  const hardenSession = installSessionGuard(app, {
    csp: contentSecurityPolicy,
    onDownloadRefused: (url) => log('Refused a download the app did not start.', url),
  });

  let services: HostServicesLike | null = null;
  let dispatcher: Dispatcher | null = null;
  let started = false;
  let rendererLoaded = false;
  let recent: RecentMenuEntry[] = [];
  const pendingPaths: string[] = [];

  const send = (command: MenuCommand): void => {
    const contents = getWindow()?.webContents;
    if (contents && !contents.isDestroyed()) contents.send('menu.command', command);
  };

  // Paths from the OS (double-click, argv, second instance) are the user's choice: grant, then hand them
  // to the renderer once it has loaded (it subscribes to menu.command at startup).
  const openPath = (path: string): void => {
    grants.grant(path, ['open']);
    if (rendererLoaded && getWindow()) send({ command: 'open-path', path });
    else pendingPaths.push(path);
  };

  const openWindow = (): void => {
    const created = createMainWindow(electron.BrowserWindow, {
      preloadPath: options.preloadPath,
      entryUrl: rendererEntryUrl(devOrigin, options.rendererUrl),
      onLoadError: (e) => log('Could not load the MLArch Studio window.', e),
    });
    window = created;
    rendererLoaded = false;
    created.webContents.on('did-finish-load', () => {
      rendererLoaded = true;
      for (const path of pendingPaths.splice(0)) send({ command: 'open-path', path });
    });
    created.on('closed', () => {
      if (window === created) {
        window = null;
        rendererLoaded = false;
        // The page that held the documents is gone: a new window starts from the start screen.
        grants.revokeAll();
      }
    });
  };

  const showWindow = (): void => {
    const current = getWindow();
    if (!current) {
      if (started) openWindow();
      return;
    }
    if (current.isMinimized()) current.restore();
    current.focus();
  };

  const installMenu = (): void => {
    const template = buildMenuTemplate({
      platform: options.platform,
      isPackaged: app.isPackaged,
      appName: options.appName,
      recent,
      send,
      openDocument: () => void openWithDialog(),
      clearRecent: () => void clearRecent(),
    });
    electron.Menu.setApplicationMenu(electron.Menu.buildFromTemplate(template));
  };

  const refreshRecent = async (): Promise<void> => {
    if (!dispatcher) return;
    const result = await dispatcher.dispatch('recent.list', {});
    if (!result.ok) return log('Could not read the recent designs.', result.error);
    const parsed = contract['recent.list'].response.safeParse(result.data);
    if (!parsed.success) return;
    recent = parsed.data;
    grants.setRecent(recent.map((entry) => entry.path));
    installMenu();
  };

  const clearRecent = async (): Promise<void> => {
    const result = await dispatcher?.dispatch('recent.clear', {});
    if (result && !result.ok) log('Could not clear the recent designs.', result.error);
    await refreshRecent();
  };

  const dialogs = createDialogHandlers({
    dialog: electron.dialog,
    getWindow,
    grants,
    workspace: options.workspace,
  });
  const openWithDialog = async (): Promise<void> => {
    try {
      const { path } = await dialogs['dialog.openDocument']({});
      if (path) send({ command: 'open-path', path });
    } catch (error) {
      log('Could not show the Open dialog.', error);
    }
  };

  const trackDocuments = trackDocumentSessions(grants);
  const afterDispatch = (channel: Channel, payload: unknown, result: Result<unknown>): void => {
    if (!result.ok) return;
    trackDocuments(channel, payload, result.data);
    if (channel === 'recent.list') {
      const parsed = contract['recent.list'].response.safeParse(result.data);
      if (parsed.success) grants.setRecent(parsed.data.map((entry) => entry.path));
    }
    if (recentChanging.has(channel)) void refreshRecent();
  };

  app.on('open-file', (event, path) => {
    event.preventDefault();
    openPath(path);
    showWindow();
  });
  app.on('second-instance', (_event, argv, workingDirectory) => {
    documentPathsIn(argv, workingDirectory).forEach(openPath);
    showWindow();
  });
  documentPathsIn(options.argv, options.cwd).forEach(openPath);

  app.on('window-all-closed', () => {
    if (options.platform !== 'darwin') app.quit();
  });
  app.on('activate', showWindow);
  app.on('will-quit', () => {
    // Closing every document checkpoints its WAL, so each design is one file again.
    const current = services;
    services = null;
    try {
      current?.dispose();
    } catch (error) {
      log('Could not close every design cleanly.', error);
    }
  });

  const ready = app.whenReady().then(() => {
    hardenSession(electron.session.defaultSession);
    electron.protocol.handle(
      APP_SCHEME,
      createAppProtocolHandler({ rootDir: options.rendererDir, csp: contentSecurityPolicy }),
    );
    services = options.createServices(grants);
    dispatcher = createDispatcher({ ...services.handlers, ...dialogs }, (e) => log('Internal error.', e));
    registerIpcHandlers(electron.ipcMain, {
      dispatcher,
      isTrustedSender: createSenderCheck(getWindow, isAppUrl),
      afterDispatch,
    });
    installMenu();
    started = true;
    openWindow();
    void refreshRecent();
    return true;
  });
  return { ready, getWindow, grants };
}

/** The .mlarch paths on a command line, resolved against the directory it ran in. */
export function documentPathsIn(argv: readonly string[], workingDirectory: string): string[] {
  return argv
    .filter((arg) => !arg.startsWith('-') && arg.toLowerCase().endsWith('.mlarch'))
    .map((arg) => resolve(workingDirectory, arg));
}
