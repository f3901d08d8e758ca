/*
 * Which URLs are "our page". Checks parse with `new URL` and compare protocol and host exactly, never by
 * substring. Note that Node's URL gives origin "null" for custom schemes, so app:// is compared by parts.
 */

export const APP_SCHEME = 'app';
export const APP_HOST = 'mlarch';
/** Where the production renderer is loaded from. */
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

const loopbackHosts = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The electron-vite dev server origin from ELECTRON_RENDERER_URL, only for an unpackaged app and only when
 * it is an http URL on the loopback interface; otherwise null.
 */
export function devServerOrigin(isPackaged: boolean, rendererUrl: string | undefined): string | null {
  if (isPackaged || !rendererUrl) return null;
  const url = parseUrl(rendererUrl);
  if (!url || url.protocol !== 'http:' || !loopbackHosts.has(url.hostname)) return null;
  return url.origin;
}

/** A predicate telling whether `url` belongs to the app (app://mlarch, or the dev server in dev). */
export function createAppUrlCheck(devOrigin: string | null): (url: string) => boolean {
  return (raw) => {
    const url = parseUrl(raw);
    if (!url) return false;
    if (url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST) return true;
    return devOrigin !== null && url.origin === devOrigin;
  };
}

/** The URL as a string when it is http(s) and safe to hand to the system browser; otherwise null. */
export function externalHttpUrl(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  const url = parseUrl(raw);
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || !url.hostname) return null;
  return url.href;
}

function parseUrl(raw: string): URL | null {
  try {
    return new URL(raw);
  } catch {
    return null;
  }
}
