import { readFile, realpath, stat } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import { mimeTypeFor } from '../host/mime-types.ts';
import { liesBelow } from '../host/workspace.ts';
import { APP_HOST, APP_SCHEME } from './origin.ts';
import type { CustomSchemeLike, ProtocolLike } from './electron-like.ts';

/*
 * The app:// protocol serves the built renderer (out/renderer) and nothing else. Every request path is
 * decoded, resolved against the folder and checked to stay inside it, before and after following symbolic
 * links, so `..`, encoded traversal, absolute paths and links pointing out are refused.
 */

/** app:// as a standard, secure scheme; must be registered before the app is ready. */
export const appScheme: CustomSchemeLike = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
};

/** Registers app:// as privileged. Call before `app.whenReady()` resolves. */
export function registerAppScheme(protocol: ProtocolLike): void {
  protocol.registerSchemesAsPrivileged([appScheme]);
}

export interface AppProtocolOptions {
  /** The built renderer folder (out/renderer). */
  rootDir: string;
  /** Sent as Content-Security-Policy on every response. */
  csp: string;
}

/** A protocol.handle handler serving files from `rootDir` only. */
export function createAppProtocolHandler(
  options: AppProtocolOptions,
): (request: Request) => Promise<Response> {
  const root = resolve(options.rootDir);
  let realRoot: Promise<string> | null = null;
  const baseHeaders = {
    'Content-Security-Policy': options.csp,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-cache',
  };
  const refuse = (status: number, text: string): Response =>
    new Response(text, { status, headers: { ...baseHeaders, 'Content-Type': 'text/plain; charset=utf-8' } });

  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(405, 'Method not allowed');
    const relativePath = requestPath(request.url);
    if (relativePath === null) return refuse(403, 'Forbidden');
    const target = resolve(root, relativePath);
    if (!liesBelow(root, target)) return refuse(403, 'Forbidden');
    let real: string;
    try {
      real = await realpath(target);
      realRoot ??= realpath(root);
      if (!liesBelow(await realRoot, real)) return refuse(403, 'Forbidden');
      if (!(await stat(real)).isFile()) return refuse(404, 'Not found');
    } catch {
      return refuse(404, 'Not found');
    }
    const body = request.method === 'HEAD' ? null : await readFile(real);
    return new Response(body, {
      status: 200,
      headers: { ...baseHeaders, 'Content-Type': mimeTypeFor(real) },
    });
  };
}

/**
 * The file path a request asks for, relative to the renderer folder ("index.html" for "/"), or null when
 * the URL is not app://mlarch/… or the path is unsafe (traversal, absolute, backslash, NUL, bad encoding).
 */
export function requestPath(rawUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const relativePath = decoded.replace(/^\/+/, '') || 'index.html';
  // Decoding can reveal segments the URL parser did not normalise (%2e%2e, %2f): refuse rather than resolve.
  const segments = relativePath.split('/');
  if (segments.some((s) => s === '..' || s === '.')) return null;
  if (isAbsolute(relativePath) || /^[a-zA-Z]:/.test(relativePath)) return null;
  return relativePath;
}
