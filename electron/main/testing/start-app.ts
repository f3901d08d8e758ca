import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, vi } from 'vitest';
import { createEmptyDesign } from '../../../shared/model/factory.ts';
import type { Handlers } from '../../host/dispatch.ts';
import type { PathGuard, PathPurpose } from '../../host/workspace.ts';
import { startApp, type StartOptions } from '../app.ts';
import type { FakeElectron } from './fake-electron.ts';

/** Starts the app against a fake Electron with spy services: what every main-process test needs. */

export const workspace = join(tmpdir(), 'mlarch-main-test-workspace');

/** The purposes `guard` allows for `path`, in a fixed order: what a test asserts exactly. */
export function allowedPurposes(guard: PathGuard, path: string): PathPurpose[] {
  return (['open', 'write', 'replace'] as const).filter((purpose) => {
    try {
      guard.check(path, purpose);
      return true;
    } catch {
      return false;
    }
  });
}

/**
 * Spy services. The document channels check the guard main hands in, as the real host does, and answer
 * a new docId per document, so tests can play whole document sessions through IPC.
 */
export function fakeServices() {
  const recent: { path: string; name: string; openedAt: string; exists: boolean }[] = [];
  const state = { guard: null as PathGuard | null, nextDoc: 1 };
  const checked = (path: string, purpose: PathPurpose) => {
    if (!state.guard) throw new Error('the services have no guard');
    state.guard.check(path, purpose);
    const design = createEmptyDesign({ name: 'Fake', now: new Date('2026-01-01T00:00:00Z') });
    return { docId: `doc-${state.nextDoc++}`, path, revision: 0, design };
  };
  const spies = {
    'app.info': vi.fn(() => ({
      host: 'electron' as const,
      version: '0.1.0',
      workspace,
      nativeDialogs: true,
    })),
    'doc.close': vi.fn(() => ({})),
    'doc.open': vi.fn(({ path }: { path: string }) => checked(path, 'open')),
    'doc.saveAs': vi.fn(({ path, overwrite }: { path: string; overwrite?: boolean | undefined }) =>
      checked(path, overwrite === true ? 'replace' : 'write'),
    ),
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
    'doc.apply': vi.fn(),
    'doc.get': vi.fn(),
  };
  return {
    handlers,
    spies,
    recent,
    dispose: vi.fn(),
    get guard() {
      return state.guard;
    },
    set guard(guard: PathGuard | null) {
      state.guard = guard;
    },
  };
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

/** Starts the app and makes it ready; answers the window and the guard main handed to the services. */
export async function startReady(fake: FakeElectron, overrides: Partial<StartOptions> = {}) {
  const started = start(fake, overrides);
  fake.makeReady();
  expect(await started.running.ready).toBe(true);
  const window = fake.windows[0];
  if (!window) throw new Error('no window');
  const guard = started.services.guard;
  if (!guard) throw new Error('main never handed the services a guard');
  return { ...started, window, guard };
}
