import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { channels, nativeOnlyChannels } from '../../shared/api.ts';
import { contentSecurityPolicy } from '../host/csp.ts';
import { FOREIGN_SENDER_ERROR } from './ipc.ts';
import { createFakeElectron, FakeFrame, type FakeElectron } from './testing/fake-electron.ts';
import { allowedPurposes, fakeServices, start, startReady } from './testing/start-app.ts';

let fake: FakeElectron;
beforeEach(() => {
  fake = createFakeElectron();
});
afterEach(() => {
  delete process.env['ELECTRON_RENDERER_URL'];
});

describe('IPC registration', () => {
  it('registers every served channel and both dialog channels, each exactly once', async () => {
    await startReady(fake);
    // The fake ipcMain throws on a second handler for a channel, as Electron does.
    expect([...fake.ipcHandlers.keys()].sort()).toEqual([...channels].sort());
    for (const channel of nativeOnlyChannels) expect(fake.ipcHandlers.has(channel)).toBe(true);
  });

  it('does not register channels the services do not serve', async () => {
    const { running } = start(fake, {
      createServices: () => ({ handlers: { 'app.info': fakeServices().handlers['app.info'] }, dispose() {} }),
    });
    fake.makeReady();
    await running.ready;
    expect([...fake.ipcHandlers.keys()].sort()).toEqual(['app.info', ...nativeOnlyChannels].sort());
  });

  it('answers a valid request from our window through the service', async () => {
    const { window, services } = await startReady(fake);
    const result = await fake.invoke('app.info', {}, window.webContents.invokeEvent());
    expect(result).toMatchObject({ ok: true, data: { host: 'electron' } });
    expect(services.spies['app.info']).toHaveBeenCalledTimes(1);
  });

  it('rejects a payload that fails its schema without calling the service', async () => {
    const { services } = await startReady(fake);
    const result = (await fake.invoke('doc.close', { docId: 42, extra: true })) as {
      ok: boolean;
      error: string;
    };
    expect(result.ok).toBe(false);
    expect(result.error).toMatch(/Invalid request to doc.close/);
    expect(services.spies['doc.close']).not.toHaveBeenCalled();
    expect(await fake.invoke('app.info', { sneaky: 1 })).toMatchObject({ ok: false });
    expect(services.spies['app.info']).not.toHaveBeenCalled();
  });

  it('rejects messages from foreign frames, subframes, other webContents or no frame', async () => {
    const { window, services } = await startReady(fake);
    const contents = window.webContents;
    const foreignPage = new FakeFrame('https://evil.example/');
    const subframe = new FakeFrame('app://mlarch/index.html', contents.mainFrame);
    const cases = [
      contents.invokeEvent(null),
      contents.invokeEvent(subframe),
      { sender: { id: contents.id + 1000 }, senderFrame: contents.mainFrame },
      { sender: { id: contents.id }, senderFrame: foreignPage },
    ];
    for (const event of cases) {
      expect(await fake.invoke('app.info', {}, event)).toEqual({ ok: false, error: FOREIGN_SENDER_ERROR });
    }
    // Our own main frame after navigating to another origin is foreign too.
    contents.mainFrame.url = 'https://evil.example/';
    expect(await fake.invoke('app.info', {})).toEqual({ ok: false, error: FOREIGN_SENDER_ERROR });
    contents.mainFrame.url = 'app://mlarch.evil.example/index.html';
    expect(await fake.invoke('app.info', {})).toEqual({ ok: false, error: FOREIGN_SENDER_ERROR });
    expect(services.spies['app.info']).not.toHaveBeenCalled();
  });
});

describe('window', () => {
  it('uses the secure webPreferences and shows on ready-to-show', async () => {
    const { window } = await startReady(fake);
    const prefs = window.options.webPreferences;
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.spellcheck).toBe(false);
    expect(prefs.disableBlinkFeatures).toBe('Auxclick');
    expect(prefs.preload).toBe('/app/out/preload/index.cjs');
    expect(window.options.show).toBe(false);
    expect(window.options.minWidth).toBeGreaterThan(0);
    expect(window.loadedUrl).toBe('app://mlarch/index.html');
    expect(window.shown).toBe(false);
    window.emit('ready-to-show');
    expect(window.shown).toBe(true);
  });

  it('sandboxes every renderer, turned on before the app is ready', async () => {
    start(fake);
    // enableSandbox only works before ready; the fake throws when it comes later.
    expect(fake.app.sandboxEnabled).toBe(true);
    fake.makeReady();
    await new Promise((r) => setTimeout(r, 0));
    expect(fake.windows).toHaveLength(1);
  });

  it('loads the dev server only when not packaged', async () => {
    const dev = await startReady(fake, { rendererUrl: 'http://localhost:5173/' });
    expect(dev.window.loadedUrl).toBe('http://localhost:5173/');
    const packaged = createFakeElectron({ isPackaged: true });
    const prod = await startReady(packaged, { rendererUrl: 'http://localhost:5173/' });
    expect(prod.window.loadedUrl).toBe('app://mlarch/index.html');
    const remote = createFakeElectron();
    const other = await startReady(remote, { rendererUrl: 'http://evil.example:5173/' });
    expect(other.window.loadedUrl).toBe('app://mlarch/index.html');
  });
});

describe('navigation and new windows', () => {
  it('prevents navigation and redirects to other origins, allows our own', async () => {
    const { window } = await startReady(fake);
    const contents = window.webContents;
    expect(contents.attempt('will-navigate', 'https://evil.example/')).toBe(true);
    expect(contents.attempt('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(contents.attempt('will-navigate', 'app://other/index.html')).toBe(true);
    expect(contents.attempt('will-redirect', 'https://evil.example/')).toBe(true);
    expect(contents.attempt('will-navigate', 'app://mlarch/index.html')).toBe(false);
    expect(contents.attempt('will-redirect', 'app://mlarch/index.html#x')).toBe(false);
    expect(contents.attempt('will-attach-webview')).toBe(true);
  });

  it('denies window.open and offers only http(s) links, each after the user confirms it', async () => {
    const { window } = await startReady(fake);
    const open = window.webContents.windowOpenHandler;
    if (!open) throw new Error('no window open handler');
    for (const url of ['javascript:alert(1)', 'file:///etc/passwd', 'data:text/html,x', 'app://mlarch/x']) {
      expect(open({ url })).toEqual({ action: 'deny' });
    }
    await new Promise((r) => setTimeout(r, 0));
    expect(fake.dialogState.messageBoxCalls).toEqual([]);

    // The user cancels (the default answer): nothing opens.
    expect(open({ url: 'https://example.com/docs?q=1' })).toEqual({ action: 'deny' });
    await vi.waitFor(() => expect(fake.dialogState.messageBoxCalls).toHaveLength(1));
    const asked = fake.dialogState.messageBoxCalls[0];
    expect(asked?.window).toBe(window);
    expect(asked?.options).toMatchObject({
      detail: 'https://example.com/docs?q=1',
      message: 'Open this link from example.com in your browser?',
      buttons: ['Cancel', 'Open Link'],
      defaultId: 0,
      cancelId: 0,
    });
    await new Promise((r) => setTimeout(r, 0));
    expect(fake.opened).toEqual([]);

    // The user confirms: exactly the URL shown opens.
    fake.dialogState.answerMessageBox = () => 1;
    open({ url: 'https://example.com/docs' });
    await vi.waitFor(() => expect(fake.opened).toEqual(['https://example.com/docs']));
  });

  it('shows a look-alike host in its xn-- form and asks one question at a time', async () => {
    const { window } = await startReady(fake);
    const open = window.webContents.windowOpenHandler;
    if (!open) throw new Error('no window open handler');
    let answer: (response: number) => void = () => {};
    fake.dialogState.answerMessageBox = () => new Promise<number>((resolve) => (answer = resolve));
    // Cyrillic "а" in place of the Latin one.
    open({ url: 'https://ex\u0430mple.com/' });
    open({ url: 'https://example.com/second' });
    await vi.waitFor(() => expect(fake.dialogState.messageBoxCalls).toHaveLength(1));
    expect(fake.dialogState.messageBoxCalls[0]?.options.detail).toBe('https://xn--exmple-4nf.com/');
    answer(1);
    await vi.waitFor(() => expect(fake.opened).toEqual(['https://xn--exmple-4nf.com/']));
    expect(fake.dialogState.messageBoxCalls).toHaveLength(1);
  });

  it('guards every webContents the app creates', async () => {
    await startReady(fake);
    const { FakeWebContents } = await import('./testing/fake-electron.ts');
    const stray = new FakeWebContents();
    fake.app.emit('web-contents-created', {}, stray);
    expect(stray.attempt('will-navigate', 'https://evil.example/')).toBe(true);
    expect(stray.windowOpenHandler?.({ url: 'https://a.example/' })).toEqual({ action: 'deny' });
  });

  it('refuses every download, on the default session and on sessions created later, and logs it', async () => {
    const logged: unknown[][] = [];
    await startReady(fake, { log: (...args) => void logged.push(args) });
    expect(fake.sessionState.download('https://evil.example/payload.exe')).toBe(true);
    const partition = fake.createSession();
    expect(partition.download('blob:app://mlarch/1234')).toBe(true);
    expect(logged).toEqual([
      ['Refused a download the app did not start.', 'https://evil.example/payload.exe'],
      ['Refused a download the app did not start.', 'blob:app://mlarch/1234'],
    ]);
    // Hardened like the default session: CSP header and permissions too.
    expect(partition.checkHandler?.({}, 'clipboard-read')).toBe(false);
    expect(partition.headersListener).not.toBeNull();
  });
});

describe('session', () => {
  it('sets the CSP header on every response, replacing any other', async () => {
    await startReady(fake);
    const listener = fake.sessionState.headersListener;
    if (!listener) throw new Error('no headers listener');
    let headers: Record<string, string | string[]> | undefined;
    listener({ responseHeaders: { 'content-security-policy': ['default-src *'], 'X-A': ['1'] } }, (r) => {
      headers = r.responseHeaders;
    });
    expect(headers).toEqual({ 'X-A': ['1'], 'Content-Security-Policy': [contentSecurityPolicy] });
  });

  it('denies permission requests and checks', async () => {
    await startReady(fake);
    const granted = vi.fn();
    fake.sessionState.requestHandler?.({}, 'media', granted);
    fake.sessionState.requestHandler?.({}, 'notifications', granted);
    expect(granted.mock.calls).toEqual([[false], [false]]);
    expect(fake.sessionState.checkHandler?.({}, 'clipboard-read')).toBe(false);
  });

  it('registers app:// as privileged before ready and serves it after', async () => {
    start(fake);
    expect(fake.protocolState.privileged).toEqual([
      expect.objectContaining({
        scheme: 'app',
        privileges: expect.objectContaining({ standard: true, secure: true }),
      }),
    ]);
    expect(fake.protocolState.handlers.has('app')).toBe(false);
    fake.makeReady();
    await new Promise((r) => setTimeout(r, 0));
    expect(fake.protocolState.handlers.has('app')).toBe(true);
  });
});

describe('lifecycle', () => {
  it('quits at once when another instance holds the lock', async () => {
    const locked = createFakeElectron({ hasLock: false });
    const { running } = start(locked);
    expect(await running.ready).toBe(false);
    expect(locked.app.quitCalls).toBe(1);
    expect(locked.windows).toHaveLength(0);
  });

  it('sends argv, open-file and second-instance paths to the renderer once it has loaded', async () => {
    const { window, guard } = await startReady(fake, {
      argv: ['--flag', 'designs/A.mlarch', 'notes.txt'],
    });
    const event = { preventDefault: vi.fn() };
    fake.app.emit('open-file', event, '/tmp/B.mlarch');
    expect(event.preventDefault).toHaveBeenCalled();
    expect(window.webContents.sent).toEqual([]);
    window.finishLoad();
    fake.app.emit('second-instance', {}, ['/usr/bin/mlarch', 'C.mlarch'], '/work');
    expect(window.webContents.sent).toEqual([
      { channel: 'menu.command', args: [{ command: 'open-path', path: '/home/user/designs/A.mlarch' }] },
      { channel: 'menu.command', args: [{ command: 'open-path', path: '/tmp/B.mlarch' }] },
      { channel: 'menu.command', args: [{ command: 'open-path', path: '/work/C.mlarch' }] },
    ]);
    expect(allowedPurposes(guard, '/tmp/B.mlarch')).toEqual(['open']);
    expect(allowedPurposes(guard, '/work/C.mlarch')).toEqual(['open']);
    expect(allowedPurposes(guard, '/home/user/designs/A.mlarch')).toEqual(['open']);
    expect(allowedPurposes(guard, '/home/user/notes.mlarch')).toEqual([]);
  });

  it('quits when all windows close, except on macOS', async () => {
    const linux = await startReady(fake);
    linux.window.close();
    expect(fake.app.quitCalls).toBe(1);
    const macFake = createFakeElectron();
    const mac = await startReady(macFake, { platform: 'darwin' });
    mac.window.close();
    expect(macFake.app.quitCalls).toBe(0);
    macFake.app.emit('activate');
    expect(macFake.windows).toHaveLength(2);
  });

  it('disposes the host services once on quit', async () => {
    const { services } = await startReady(fake);
    fake.app.emit('will-quit');
    fake.app.emit('will-quit');
    expect(services.dispose).toHaveBeenCalledTimes(1);
  });
});

describe('menu', () => {
  const findItem = (label: string) => {
    const file = fake.menuState.template?.find((m) => m.label === '&File');
    return file?.submenu?.find((m) => m.label === label);
  };

  it('lists recent designs and sends open-path; Open… shows the dialog then sends open-path', async () => {
    const { window, services } = await startReady(fake);
    expect(findItem('Open Recent')?.submenu?.[0]).toMatchObject({
      label: 'No Recent Designs',
      enabled: false,
    });
    services.recent.push({
      path: '/d/R.mlarch',
      name: 'R',
      openedAt: '2026-01-01T00:00:00.000Z',
      exists: true,
    });
    // A recent-changing channel refreshes the menu (the listed design may be opened).
    await fake.invoke('recent.list', {});
    expect(await fake.invoke('doc.open', { path: '/d/R.mlarch' })).toMatchObject({ ok: true });
    await vi.waitFor(() => expect(findItem('Open Recent')?.submenu?.[0]?.label).toBe('R'));
    findItem('Open Recent')?.submenu?.[0]?.click?.();
    expect(window.webContents.sent.at(-1)).toEqual({
      channel: 'menu.command',
      args: [{ command: 'open-path', path: '/d/R.mlarch' }],
    });
    fake.dialogState.openResult = { canceled: false, filePaths: ['/d/Chosen.mlarch'] };
    findItem('Open…')?.click?.();
    await vi.waitFor(() =>
      expect(window.webContents.sent.at(-1)?.args).toEqual([
        { command: 'open-path', path: '/d/Chosen.mlarch' },
      ]),
    );
  });

  it('sends menu commands to the renderer', async () => {
    const { window } = await startReady(fake);
    findItem('New Design…')?.click?.();
    expect(window.webContents.sent).toEqual([{ channel: 'menu.command', args: [{ command: 'new' }] }]);
  });
});
