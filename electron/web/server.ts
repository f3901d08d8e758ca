import { timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { contentSecurityPolicy } from '../host/csp.ts';
import type { Dispatcher } from '../host/dispatch.ts';
import { mimeTypeFor } from '../host/mime-types.ts';
import { readStaticFile, resolveStaticPath } from './static-files.ts';

/** Largest API request body accepted: a 50,000-operation paste fits with room to spare. */
const MAX_BODY_BYTES = 64 * 1024 * 1024;
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

export interface WebServerOptions {
  dispatcher: Dispatcher;
  rendererDir: string;
  token: string;
  /** Where unexpected failures are reported (the web host logs them to stderr). */
  onError?: (error: unknown) => void;
}

/**
 * The web host: the built renderer and one POST route per contract channel, for 127.0.0.1 only.
 * Every API call needs the per-launch token; a request whose Host or Origin is not loopback is refused,
 * which also defeats DNS rebinding.
 */
export function createWebServer(options: WebServerOptions): Server {
  const expectedToken = Buffer.from(options.token);
  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      // The details (paths, stack) go to the host's log, not to the page.
      options.onError?.(error);
      if (!response.headersSent)
        send(response, 500, { ok: false, error: 'The web host could not answer this request; see its log.' });
      else response.destroy();
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const port = (server.address() as AddressInfo | null)?.port;
    if (!isLoopbackHost(request.headers.host, port)) {
      return send(response, 403, { ok: false, error: 'The MLArch web host only answers on 127.0.0.1.' });
    }
    const origin = request.headers.origin;
    if (origin !== undefined && !isLoopbackOrigin(origin, port)) {
      return send(response, 403, { ok: false, error: 'Cross-origin requests are refused.' });
    }
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (url.pathname.startsWith('/api/')) {
      if (request.method !== 'POST')
        return send(response, 405, { ok: false, error: 'API calls are POST requests.' });
      if (!tokenMatches(request.headers['x-mlarch-token'], expectedToken)) {
        return send(response, 401, {
          ok: false,
          error: 'Missing or wrong token: open the address the web host printed.',
        });
      }
      const channel = url.pathname.slice('/api/'.length);
      if (!options.dispatcher.has(channel)) {
        return send(response, 404, { ok: false, error: `This host does not serve "${channel}".` });
      }
      const body = await readJsonBody(request);
      if (!body.ok) return send(response, 400, body);
      return send(response, 200, await options.dispatcher.dispatch(channel, body.data));
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return send(response, 405, { ok: false, error: 'Only GET is served here.' });
    }
    return serveStatic(options.rendererDir, url.pathname, request.method === 'HEAD', response);
  }

  return server;
}

/** Starts listening on 127.0.0.1 (`port` 0: the OS chooses) and resolves with the port. */
export function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolvePort, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolvePort((server.address() as AddressInfo).port);
    });
  });
}

function isLoopbackHost(host: string | undefined, port: number | undefined): boolean {
  if (!host) return false;
  try {
    const url = new URL(`http://${host}`);
    return LOOPBACK_HOSTS.has(url.hostname) && (port === undefined || Number(url.port || 80) === port);
  } catch {
    return false;
  }
}

function isLoopbackOrigin(origin: string, port: number | undefined): boolean {
  try {
    const url = new URL(origin);
    return url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname) && Number(url.port || 80) === port;
  } catch {
    return false;
  }
}

function tokenMatches(header: string | string[] | undefined, expected: Buffer): boolean {
  if (typeof header !== 'string') return false;
  const given = Buffer.from(header);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

async function readJsonBody(
  request: IncomingMessage,
): Promise<{ ok: true; data: unknown } | { ok: false; error: string }> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return { ok: false, error: 'The request is too large.' };
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return { ok: true, data: {} };
  try {
    return { ok: true, data: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, error: `The request body is not valid JSON: ${(error as Error).message}` };
  }
}

async function serveStatic(
  root: string,
  pathname: string,
  headOnly: boolean,
  response: ServerResponse,
): Promise<void> {
  const path = resolveStaticPath(root, pathname);
  const content = path ? await readStaticFile(root, path) : null;
  if (!path || !content) {
    response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', ...securityHeaders() });
    response.end('Not found');
    return;
  }
  response.writeHead(200, {
    'Content-Type': mimeTypeFor(path),
    'Content-Length': content.length,
    // Hashed assets never change; index.html must be fetched afresh after a rebuild.
    'Cache-Control': path.endsWith('index.html') ? 'no-store' : 'public, max-age=31536000, immutable',
    ...securityHeaders(),
  });
  response.end(headOnly ? undefined : content);
}

function securityHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
  };
}

function send(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    ...securityHeaders(),
  });
  response.end(text);
}
