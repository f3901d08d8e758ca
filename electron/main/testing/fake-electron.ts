import { EventEmitter } from 'node:events';
import type {
  BrowserWindowOptionsLike,
  CustomSchemeLike,
  ElectronLike,
  IpcInvokeEventLike,
  MenuTemplateItem,
  MessageBoxOptionsLike,
  OpenDialogOptionsLike,
  ResponseHeaders,
  SaveDialogOptionsLike,
  WebFrameLike,
} from '../electron-like.ts';

/*
 * An in-memory Electron for main-process tests: records what main registers and lets tests play the
 * parts of Chromium and the user (navigate, open a window, invoke a channel, answer a dialog).
 */

/** An event whose preventDefault is observable. */
export class FakeEvent {
  defaultPrevented = false;
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

let nextId = 1;

export class FakeFrame implements WebFrameLike {
  readonly processId = 7;
  readonly routingId = nextId++;
  url: string;
  readonly parent: WebFrameLike | null;
  constructor(url: string, parent: WebFrameLike | null = null) {
    this.url = url;
    this.parent = parent;
  }
}

export class FakeWebContents extends EventEmitter {
  readonly id = nextId++;
  readonly mainFrame: FakeFrame;
  readonly sent: Array<{ channel: string; args: unknown[] }> = [];
  windowOpenHandler: ((details: { url: string }) => { action: 'deny' }) | null = null;
  destroyed = false;

  constructor(url = 'about:blank') {
    super();
    this.mainFrame = new FakeFrame(url);
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  send(channel: string, ...args: unknown[]): void {
    this.sent.push({ channel, args });
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void {
    this.windowOpenHandler = handler;
  }
  /** Plays a navigation attempt; true when main prevented it. */
  attempt(event: 'will-navigate' | 'will-redirect' | 'will-attach-webview', url = ''): boolean {
    const e = new FakeEvent();
    this.emit(event, e, url);
    return e.defaultPrevented;
  }
  /** The event ipcMain would receive for a message from `frame` (default: this page's main frame). */
  invokeEvent(frame: FakeFrame | null = this.mainFrame): IpcInvokeEventLike {
    return { sender: { id: this.id }, senderFrame: frame };
  }
}

type HeadersCallback = (response: { responseHeaders?: Record<string, string | string[]> }) => void;

/** A session: records the handlers main installs and plays downloads. */
export class FakeSession extends EventEmitter {
  headersListener: ((details: ResponseHeaders, callback: HeadersCallback) => void) | null = null;
  requestHandler:
    ((webContents: unknown, permission: string, callback: (granted: boolean) => void) => void) | null = null;
  checkHandler: ((webContents: unknown, permission: string) => boolean) | null = null;
  readonly webRequest = {
    onHeadersReceived: (listener: (details: ResponseHeaders, callback: HeadersCallback) => void) => {
      this.headersListener = listener;
    },
  };
  setPermissionRequestHandler(handler: NonNullable<FakeSession['requestHandler']>): void {
    this.requestHandler = handler;
  }
  setPermissionCheckHandler(handler: NonNullable<FakeSession['checkHandler']>): void {
    this.checkHandler = handler;
  }
  /** Plays a page starting a download of `url`; true when main prevented it. */
  download(url: string): boolean {
    const event = new FakeEvent();
    this.emit('will-download', event, { getURL: () => url }, null);
    return event.defaultPrevented;
  }
}

export interface FakeElectronOptions {
  isPackaged?: boolean;
  hasLock?: boolean;
}

/** Builds a fresh fake Electron and handles to drive it. */
export function createFakeElectron(options: FakeElectronOptions = {}) {
  let markReady: () => void = () => {};
  const readyPromise = new Promise<void>((resolve) => (markReady = resolve));

  let isReady = false;

  class FakeApp extends EventEmitter {
    isPackaged = options.isPackaged ?? false;
    quitCalls = 0;
    sandboxEnabled = false;
    enableSandbox(): void {
      // Electron ignores (and logs) a call after ready; failing here makes a late call visible in tests.
      if (isReady) throw new Error('app.enableSandbox() must be called before the app is ready');
      this.sandboxEnabled = true;
    }
    requestSingleInstanceLock(): boolean {
      return options.hasLock ?? true;
    }
    whenReady(): Promise<void> {
      return readyPromise;
    }
    quit(): void {
      this.quitCalls += 1;
    }
  }
  const app = new FakeApp();

  const windows: FakeBrowserWindow[] = [];
  class FakeBrowserWindow extends EventEmitter {
    readonly webContents = new FakeWebContents();
    loadedUrl: string | null = null;
    shown = false;
    destroyed = false;
    readonly options: BrowserWindowOptionsLike;
    constructor(options: BrowserWindowOptionsLike) {
      super();
      this.options = options;
      windows.push(this);
      app.emit('web-contents-created', {}, this.webContents);
    }
    static getAllWindows(): FakeBrowserWindow[] {
      return windows.filter((w) => !w.destroyed);
    }
    loadURL(url: string): Promise<void> {
      this.loadedUrl = url;
      this.webContents.mainFrame.url = url;
      return Promise.resolve();
    }
    /** Plays the page finishing its load. */
    finishLoad(): void {
      this.webContents.emit('did-finish-load');
    }
    show(): void {
      this.shown = true;
    }
    focus(): void {}
    restore(): void {}
    isMinimized(): boolean {
      return false;
    }
    isDestroyed(): boolean {
      return this.destroyed;
    }
    close(): void {
      this.destroyed = true;
      this.webContents.destroyed = true;
      this.emit('closed');
      if (FakeBrowserWindow.getAllWindows().length === 0) app.emit('window-all-closed');
    }
  }

  const ipcHandlers = new Map<string, (event: IpcInvokeEventLike, ...args: unknown[]) => unknown>();
  const ipcMain = {
    handle(channel: string, listener: (event: IpcInvokeEventLike, ...args: unknown[]) => unknown): void {
      // Like Electron: a second handler for the same channel is an error.
      if (ipcHandlers.has(channel))
        throw new Error(`Attempted to register a second handler for '${channel}'`);
      ipcHandlers.set(channel, listener);
    },
  };

  const dialogState = {
    openResult: { canceled: true, filePaths: [] as string[] },
    saveResult: { canceled: true } as { canceled: boolean; filePath?: string },
    openCalls: [] as OpenDialogOptionsLike[],
    saveCalls: [] as SaveDialogOptionsLike[],
    messageBoxCalls: [] as Array<{ window: unknown; options: MessageBoxOptionsLike }>,
    /** Plays the user answering a message box: the index of the button pressed (default: Cancel). */
    answerMessageBox: (() => 0) as (options: MessageBoxOptionsLike) => number | Promise<number>,
  };
  const dialog = {
    showOpenDialog: async (_window: unknown, o: OpenDialogOptionsLike) => {
      dialogState.openCalls.push(o);
      return dialogState.openResult;
    },
    showSaveDialog: async (_window: unknown, o: SaveDialogOptionsLike) => {
      dialogState.saveCalls.push(o);
      return dialogState.saveResult;
    },
    showMessageBox: async (window: unknown, o: MessageBoxOptionsLike) => {
      dialogState.messageBoxCalls.push({ window, options: o });
      return { response: await dialogState.answerMessageBox(o) };
    },
  };

  const opened: string[] = [];
  const shell = { openExternal: async (url: string) => void opened.push(url) };

  const menuState = { template: null as MenuTemplateItem[] | null };
  const Menu = {
    buildFromTemplate: (template: MenuTemplateItem[]) => ({ template }),
    setApplicationMenu: (menu: object | null) => {
      menuState.template = menu ? (menu as { template: MenuTemplateItem[] }).template : null;
    },
  };

  const protocolState = {
    privileged: [] as CustomSchemeLike[],
    handlers: new Map<string, (request: Request) => Response | Promise<Response>>(),
  };
  const protocol = {
    registerSchemesAsPrivileged: (schemes: CustomSchemeLike[]) =>
      void protocolState.privileged.push(...schemes),
    handle: (scheme: string, handler: (request: Request) => Response | Promise<Response>) =>
      void protocolState.handlers.set(scheme, handler),
  };

  const defaultSession = new FakeSession();

  const electron: ElectronLike = {
    app,
    BrowserWindow: FakeBrowserWindow,
    ipcMain,
    dialog,
    shell,
    Menu,
    protocol,
    session: { defaultSession },
  };

  /** Plays Electron creating another session (a partition): app emits 'session-created'. */
  const createSession = (): FakeSession => {
    const session = new FakeSession();
    app.emit('session-created', session);
    return session;
  };

  return {
    electron,
    app,
    windows,
    ipcHandlers,
    dialogState,
    opened,
    menuState,
    protocolState,
    sessionState: defaultSession,
    createSession,
    /** Resolves app.whenReady(). */
    makeReady: () => {
      isReady = true;
      markReady();
    },
    /** Calls the registered handler as the renderer would, from `event` (default: the first window). */
    invoke(channel: string, payload: unknown, event?: IpcInvokeEventLike): Promise<unknown> {
      const handler = ipcHandlers.get(channel);
      if (!handler) throw new Error(`No handler for ${channel}`);
      const window = windows[0];
      if (!event && !window) throw new Error('No window to invoke from');
      return Promise.resolve(handler(event ?? window!.webContents.invokeEvent(), payload));
    },
  };
}

export type FakeElectron = ReturnType<typeof createFakeElectron>;
