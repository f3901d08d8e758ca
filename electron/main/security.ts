import { externalHttpUrl } from './origin.ts';
import type { AppLike, SessionLike, WebContentsLike } from './electron-like.ts';

/*
 * Hardening that does not depend on which page is loaded: a CSP header on every response, every permission
 * denied, every download refused, navigation confined to the app, no new windows, no <webview>.
 */

export interface SessionPolicy {
  csp: string;
  /** Told about each download refused (the URL), for the log. */
  onDownloadRefused(url: string): void;
}

/**
 * On `session`: adds the CSP header to every response, denies every permission request and check, and
 * refuses every download. The app starts no download of its own (exports are written by the host), so any
 * download is a page's doing; one the app starts itself would have to be told apart here first.
 */
export function hardenSession(session: SessionLike, policy: SessionPolicy): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withCsp(details.responseHeaders, policy.csp) });
  });
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.on('will-download', (event, item) => {
    event.preventDefault();
    policy.onDownloadRefused(item.getURL());
  });
}

/**
 * Hardens every session the app ever creates (app 'session-created') and answers a function that hardens
 * one more, such as the default session at ready; each session is hardened once.
 */
export function installSessionGuard(app: AppLike, policy: SessionPolicy): (session: SessionLike) => void {
  const hardened = new WeakSet<SessionLike>();
  const harden = (session: SessionLike): void => {
    if (hardened.has(session)) return;
    hardened.add(session);
    hardenSession(session, policy);
  };
  app.on('session-created', harden);
  return harden;
}

/** The headers with any Content-Security-Policy (in any letter case) replaced by ours. */
export function withCsp(
  headers: Record<string, string[]> | undefined,
  csp: string,
): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() !== 'content-security-policy') result[name] = value;
  }
  result['Content-Security-Policy'] = [csp];
  return result;
}

export interface WebContentsPolicy {
  /** True for URLs of our own page (app://mlarch, the dev server in dev). */
  isAppUrl(url: string): boolean;
  /** Offers an http(s) URL to the system browser (main asks the user first). */
  openExternal(url: string): Promise<void>;
  onError?(error: unknown): void;
}

/** Blocks navigation away from the app, new windows and webviews on one webContents. */
export function hardenWebContents(contents: WebContentsLike, policy: WebContentsPolicy): void {
  const confine = (event: { preventDefault(): void }, url: string): void => {
    if (!policy.isAppUrl(url)) event.preventDefault();
  };
  contents.on('will-navigate', confine);
  contents.on('will-redirect', confine);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    // Links the page opens (target=_blank, window.open) never become app windows; http(s) ones go to
    // the system browser, anything else (javascript:, file:, data:, custom schemes) is dropped.
    const external = externalHttpUrl(url);
    if (external) policy.openExternal(external).catch((error: unknown) => policy.onError?.(error));
    return { action: 'deny' };
  });
}

/** Applies hardenWebContents to every webContents the app ever creates, the main window's included. */
export function installWebContentsGuard(app: AppLike, policy: WebContentsPolicy): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, policy));
}
