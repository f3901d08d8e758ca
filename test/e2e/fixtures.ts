import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test as base, expect } from '@playwright/test';
import type { Page } from '@playwright/test';

/*
 * Each test gets a fresh workspace and user-data folder and its own web host process (Actual Budget style),
 * so tests never see each other's files. The host is the built out/main/web.js, run by this same Node.
 */

export interface WebHost {
  /** The address the host printed, with its token (changes on restart). */
  readonly url: string;
  /** Scheme, host and port, without the token. */
  readonly origin: string;
  readonly token: string;
  readonly workspace: string;
  readonly userData: string;
  /**
   * Stops the host (SIGTERM: documents are closed and checkpointed) and starts a new one on the same
   * folders, so what the UI shows next comes from the file on disk, not from the old process's memory.
   */
  restart(): Promise<void>;
  /** Calls a channel directly, as the page would; answers the host's { ok, data | error }. */
  call(channel: string, payload: unknown): Promise<{ ok: boolean; data?: unknown; error?: string }>;
}

const WEB_HOST = resolve(import.meta.dirname, '..', '..', 'out', 'main', 'web.js');
const READY = /MLArch Studio is running at (http:\/\/127\.0\.0\.1:\d+\/\?token=(\S+))/;

function startHost(
  workspace: string,
  userData: string,
  port = 0,
): Promise<{ child: ChildProcess; url: string; token: string }> {
  const child = spawn(
    process.execPath,
    [WEB_HOST, '--workspace', workspace, '--user-data', userData, '--port', String(port)],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  return new Promise((resolvePromise, reject) => {
    let output = '';
    const timer = setTimeout(
      () => reject(new Error(`The web host did not start within 15 s:\n${output}`)),
      15_000,
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = READY.exec(output);
      if (match?.[1] && match[2]) {
        clearTimeout(timer);
        resolvePromise({ child, url: match[1], token: match[2] });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The web host exited with code ${code} before it was ready:\n${output}`));
    });
  });
}

function stopHost(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((done) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(force);
      done();
    });
    // SIGTERM lets the host close its documents (checkpoint, no -wal left behind).
    child.kill('SIGTERM');
  });
}

export const test = base.extend<{ host: WebHost; app: Page }>({
  // Playwright reads a fixture's dependencies from its first parameter's pattern: this one has none.
  // eslint-disable-next-line no-empty-pattern
  host: async ({}, use) => {
    const root = mkdtempSync(join(tmpdir(), 'mlarch-e2e-'));
    const workspace = join(root, 'workspace');
    const userData = join(root, 'user-data');
    let current = await startHost(workspace, userData);
    const host: WebHost = {
      get url() {
        return current.url;
      },
      get origin() {
        return new URL(current.url).origin;
      },
      get token() {
        return current.token;
      },
      workspace,
      userData,
      async restart() {
        // The same port keeps the page's origin, so the tab's sessionStorage (token, open document) survives.
        const port = Number(new URL(current.url).port);
        await stopHost(current.child);
        current = await startHost(workspace, userData, port);
      },
      async call(channel, payload) {
        const response = await fetch(`${host.origin}/api/${channel}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-MLArch-Token': current.token },
          body: JSON.stringify(payload),
        });
        return (await response.json()) as { ok: boolean; data?: unknown; error?: string };
      },
    };
    try {
      await use(host);
    } finally {
      await stopHost(current.child);
      rmSync(root, { recursive: true, force: true });
    }
  },
  /** The page with the app loaded from the host's printed address. */
  app: async ({ page, host }, use) => {
    // Errors in the page (uncaught exceptions, console.error, CSP violations) fail the test that caused them.
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(`uncaught: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(`console.error: ${message.text()}`);
    });
    await page.goto(host.url);
    await use(page);
    expect(pageErrors, 'errors in the page').toEqual([]);
  },
});

export { expect };

/** The SHA-256 of a file's bytes, to prove a file was not modified. */
export function sha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}
