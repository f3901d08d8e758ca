import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, vi } from 'vitest';
import type { Handlers } from '../../host/dispatch.ts';
import type { PathGuard } from '../../host/workspace.ts';
import { startApp, type StartOptions } from '../app.ts';
import type { FakeElectron } from './fake-electron.ts';

/** Starts the app against a fake Electron with spy services: what every main-process test needs. */

export const workspace = join(tmpdir(), 'mlarch-main-test-workspace');

export function fakeServices() {
  const recent: { path: string; name: string; openedAt: string; exists: boolean }[] = [];
  const spies = {
    'app.info': vi.fn(() => ({
      host: 'electron' as const,
      version: '0.1.0',
      workspace,
      nativeDialogs: true,
    })),
    'doc.close': vi.fn(() => ({})),
    'recent.list': vi.fn(() => recent),
    'recent.clear': vi.fn(() => {
      recent.length = 0;
      return {};
    }),
    'templates.list': vi.fn(() => []),
    'workspace.list': vi.fn(() => []),
  };
  const handlers: Handlers = {
    ...spies,
    'doc.new': vi.fn(),
    'doc.open': vi.fn(),
    'doc.apply': vi.fn(),
    'doc.get': vi.fn(),
    'doc.saveAs': vi.fn(),
  };
  return { handlers, spies, recent, dispose: vi.fn(), guard: null as PathGuard | null };
}

export function start(fake: FakeElectron, overrides: Partial<StartOptions> = {}) {
  const services = fakeServices();
  const running = startApp(fake.electron, {
    platform: 'linux',
    argv: [],
    cwd: '/home/user',
    appName: 'MLArch Studio',
    preloadPath: '/app/out/preload/index.cjs',
    rendererDir: '/app/out/renderer',
    workspace,
    rendererUrl: undefined,
    createServices: (guard) => {
      services.guard = guard;
      return services;
    },
    log: () => {},
    ...overrides,
  });
  return { running, services };
}

export async function startReady(fake: FakeElectron, overrides: Partial<StartOptions> = {}) {
  const started = start(fake, overrides);
  fake.makeReady();
  expect(await started.running.ready).toBe(true);
  const window = fake.windows[0];
  if (!window) throw new Error('no window');
  return { ...started, window };
}
