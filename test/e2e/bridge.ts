import type { Page } from '@playwright/test';

/*
 * A stand-in for the Electron preload, installed before the page's own scripts: the same `window.mlarch`
 * shape (one function per channel, plus `on`), calling the web host over HTTP, and a way for the test to
 * send menu commands as Electron's main process would. It lets the browser tests drive the menu paths.
 */

export interface MenuCommandPayload {
  readonly command: string;
  readonly path?: string;
}

/** What the stand-in adds to the page's global scope (the test code has no DOM typings). */
interface BridgeGlobals {
  mlarch?: unknown;
  /** Sends a menu command to whatever subscribed through the stand-in bridge. */
  __sendMenuCommand?: (payload: MenuCommandPayload) => void;
  document: { addEventListener(type: string, listener: () => void, options: { once: boolean }): void };
}

/**
 * Installs the stand-in bridge for every load of `page`. `early` is sent as soon as the page has loaded,
 * as main does for a file the app was launched with, before React is up.
 */
export async function installMenuBridge(
  page: Page,
  token: string,
  early: MenuCommandPayload | null = null,
): Promise<void> {
  await page.addInitScript(
    ({ token: apiToken, early: earlyCommand }) => {
      const scope = globalThis as unknown as BridgeGlobals;
      const listeners = new Set<(payload: unknown) => void>();
      const send = (payload: unknown) => {
        for (const listener of [...listeners]) listener(payload);
      };
      const call = async (channel: string, request: unknown) => {
        const response = await fetch(`/api/${channel}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-MLArch-Token': apiToken },
          body: JSON.stringify(request),
        });
        return (await response.json()) as unknown;
      };
      const on = (event: string, listener: (payload: unknown) => void) => {
        if (event !== 'menu.command') return () => {};
        listeners.add(listener);
        return () => listeners.delete(listener);
      };
      Object.defineProperty(scope, 'mlarch', {
        value: new Proxy(
          {},
          { get: (_, key) => (key === 'on' ? on : (request: unknown) => call(String(key), request)) },
        ),
      });
      scope.__sendMenuCommand = send;
      // Like Electron's main: sent once the page has loaded, to whoever listens at that moment.
      if (earlyCommand)
        scope.document.addEventListener('DOMContentLoaded', () => send(earlyCommand), { once: true });
    },
    { token, early },
  );
}

/** Sends a menu command as Electron's main process would. */
export async function sendMenuCommand(page: Page, payload: MenuCommandPayload): Promise<void> {
  await page.evaluate((p) => (globalThis as unknown as BridgeGlobals).__sendMenuCommand?.(p), payload);
}
