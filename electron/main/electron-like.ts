/*
 * The slices of Electron's main-process API that main uses, as structural types. Only electron/main/index.ts
 * value-imports 'electron' and hands the real module to startApp (the compiler checks it fits these types);
 * tests hand in a fake (testing/fake-electron.ts), since the Electron binary is not available to tests.
 */

export interface PreventableEvent {
  preventDefault(): void;
}

export interface WebFrameLike {
  readonly url: string;
  readonly parent: WebFrameLike | null;
  readonly processId: number;
  readonly routingId: number;
}

export interface WebContentsLike {
  readonly id: number;
  readonly mainFrame: WebFrameLike;
  isDestroyed(): boolean;
  send(channel: string, ...args: unknown[]): void;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
  on(event: 'will-navigate', listener: (event: PreventableEvent, url: string) => void): unknown;
  on(event: 'will-redirect', listener: (event: PreventableEvent, url: string) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
  on(event: 'did-finish-load', listener: () => void): unknown;
}

export interface WebPreferencesLike {
  contextIsolation: boolean;
  sandbox: boolean;
  nodeIntegration: boolean;
  nodeIntegrationInWorker: boolean;
  webviewTag: boolean;
  webSecurity: boolean;
  allowRunningInsecureContent: boolean;
  spellcheck: boolean;
  /** Blink features turned off, comma-separated ('Auxclick': middle-click opens no new window). */
  disableBlinkFeatures: string;
  preload: string;
}

export interface BrowserWindowOptionsLike {
  width: number;
  height: number;
  minWidth: number;
  minHeight: number;
  title: string;
  show: boolean;
  backgroundColor: string;
  webPreferences: WebPreferencesLike;
}

export interface BrowserWindowLike {
  readonly webContents: WebContentsLike;
  loadURL(url: string): Promise<void>;
  show(): void;
  focus(): void;
  restore(): void;
  isMinimized(): boolean;
  isDestroyed(): boolean;
  once(event: 'ready-to-show', listener: () => void): unknown;
  on(event: 'closed', listener: () => void): unknown;
}

export interface BrowserWindowStatic {
  new (options: BrowserWindowOptionsLike): BrowserWindowLike;
}

export interface AppLike {
  readonly isPackaged: boolean;
  /** Sandboxes every renderer, whatever its webPreferences say; only before the app is ready. */
  enableSandbox(): void;
  requestSingleInstanceLock(): boolean;
  whenReady(): Promise<void>;
  quit(): void;
  on(
    event: 'second-instance',
    listener: (event: unknown, argv: string[], workingDirectory: string) => void,
  ): unknown;
  on(event: 'open-file', listener: (event: PreventableEvent, path: string) => void): unknown;
  on(event: 'web-contents-created', listener: (event: unknown, contents: WebContentsLike) => void): unknown;
  on(event: 'session-created', listener: (session: SessionLike) => void): unknown;
  on(event: 'window-all-closed', listener: () => void): unknown;
  on(event: 'activate', listener: () => void): unknown;
  on(event: 'will-quit', listener: () => void): unknown;
}

export interface IpcInvokeEventLike {
  readonly sender: { readonly id: number };
  readonly senderFrame: WebFrameLike | null;
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcInvokeEventLike, ...args: unknown[]) => unknown): void;
}

export interface FileFilter {
  name: string;
  extensions: string[];
}

export interface OpenDialogOptionsLike {
  title: string;
  defaultPath: string;
  filters: FileFilter[];
  properties: Array<'openFile'>;
}

export interface SaveDialogOptionsLike {
  title: string;
  defaultPath: string;
  filters: FileFilter[];
  properties: Array<'createDirectory' | 'showOverwriteConfirmation'>;
}

export interface MessageBoxOptionsLike {
  type: 'question';
  title: string;
  message: string;
  detail: string;
  buttons: string[];
  /** The button Enter presses. */
  defaultId: number;
  /** The button Escape and closing the box answer. */
  cancelId: number;
  /** Plain buttons, never Windows' command links. */
  noLink: boolean;
}

export interface DialogLike {
  showOpenDialog(
    window: BrowserWindowLike,
    options: OpenDialogOptionsLike,
  ): Promise<{ canceled: boolean; filePaths: string[] }>;
  showSaveDialog(
    window: BrowserWindowLike,
    options: SaveDialogOptionsLike,
  ): Promise<{ canceled: boolean; filePath?: string }>;
  /** Attached to `window` when there is one. Answers the index of the button pressed. */
  showMessageBox(
    window: BrowserWindowLike | null,
    options: MessageBoxOptionsLike,
  ): Promise<{ response: number }>;
}

export interface ShellLike {
  openExternal(url: string): Promise<void>;
}

export type MenuRole =
  | 'cut'
  | 'copy'
  | 'paste'
  | 'quit'
  | 'services'
  | 'hide'
  | 'hideOthers'
  | 'unhide'
  | 'toggleDevTools'
  | 'togglefullscreen'
  | 'windowMenu';

/** One entry of a menu template (a subset of Electron's MenuItemConstructorOptions). */
export interface MenuTemplateItem {
  label?: string;
  role?: MenuRole;
  type?: 'normal' | 'separator' | 'submenu';
  accelerator?: string;
  enabled?: boolean;
  click?: () => void;
  submenu?: MenuTemplateItem[];
}

export interface MenuStatic {
  buildFromTemplate(template: MenuTemplateItem[]): object;
  setApplicationMenu(menu: object | null): void;
}

export interface ResponseHeaders {
  responseHeaders?: Record<string, string[]>;
}

export interface DownloadItemLike {
  getURL(): string;
}

export interface SessionLike {
  on(
    event: 'will-download',
    listener: (event: PreventableEvent, item: DownloadItemLike, webContents: unknown) => void,
  ): unknown;
  readonly webRequest: {
    onHeadersReceived(
      listener: (
        details: ResponseHeaders,
        callback: (response: { responseHeaders?: Record<string, string | string[]> }) => void,
      ) => void,
    ): void;
  };
  setPermissionRequestHandler(
    handler: (webContents: unknown, permission: string, callback: (granted: boolean) => void) => void,
  ): void;
  setPermissionCheckHandler(handler: (webContents: unknown, permission: string) => boolean): void;
}

export interface CustomSchemeLike {
  scheme: string;
  privileges: { standard: boolean; secure: boolean; supportFetchAPI: boolean; codeCache: boolean };
}

export interface ProtocolLike {
  registerSchemesAsPrivileged(schemes: CustomSchemeLike[]): void;
  handle(scheme: string, handler: (request: Request) => Response | Promise<Response>): void;
}

/** Everything startApp needs from Electron. */
export interface ElectronLike {
  app: AppLike;
  BrowserWindow: BrowserWindowStatic;
  ipcMain: IpcMainLike;
  dialog: DialogLike;
  shell: ShellLike;
  Menu: MenuStatic;
  protocol: ProtocolLike;
  session: { readonly defaultSession: SessionLike };
}
