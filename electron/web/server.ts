import { timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { contentSecurityPolicy } from '../host/csp.ts';
import type { Dispatcher } from '../host/dispatch.ts';
import { mimeTypeFor } from '../host/mime-types.ts';
import { readStaticFile, resolveStaticPath } from './static-files.ts';

/**
 * Largest API request body accepted (bytes). The largest real request is a whole design sent as one
 * doc.apply batch: the 5,000-component/8,000-connection synthetic design (shared/model/testing/synthetic.ts)
 * as component.add and connection.add operations measured 9.6 MB of JSON as the client sends it (5.4 MB for
 * the component.add operations alone; the same design as pretty-printed canonical JSON is 14.0 MB).
 * 16 MiB leaves 75% headroom for longer names and descriptions, and bounds what one request can buffer.
 */
export const MAX_BODY_BYTES = 16 * 1024 * 1024;

/** How long a client may take, in milliseconds (see WebServerOptions.timeouts). */
export interface WebServerTimeouts {
  /** From the start of a request (or of the connection) to the end of its headers. */
  headersMs: number;
  /** From the start of a request to the end of its body: 16 MiB over loopback takes well under a second. */
  requestMs: number;
  /** How long an idle keep-alive connection stays open between requests. */
  keepAliveMs: number;
  /** How often the server looks for connections past the headers and request timeouts. */
  checkIntervalMs: number;
}

// A client that never finishes its headers or body is answered 408 and dropped. There is deliberately no
// socket inactivity timeout: a large doc.apply may keep the host busy longer than any client should idle.
const DEFAULT_TIMEOUTS: WebServerTimeouts = {
  headersMs: 10_000,
  requestMs: 60_000,
  keepAliveMs: 5_000,
  checkIntervalMs: 1_000,
};
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

export interface WebServerOptions {
  dispatcher: Dispatcher;
  rendererDir: string;
  token: string;
  /** Where unexpected failures are reported (the web host logs them to stderr). */
  onError?: (error: unknown) => void;
  /** Largest API request body in bytes; tests lower it. Default MAX_BODY_BYTES. */
  maxBodyBytes?: number;
  /** The defaults suit the browser UI; tests shorten them. */
  timeouts?: Partial<WebServerTimeouts>;
}

/**
 * The web host: the built renderer and one POST route per contract channel, for 127.0.0.1 only.
 * Every API call needs the per-launch token; a request whose Host or Origin is not loopback is refused,
 * which also defeats DNS rebinding.
 */
export function createWebServer(options: WebServerOptions): Server {
  const expectedToken = Buffer.from(options.token);
  const maxBodyBytes = options.maxBodyBytes ?? MAX_BODY_BYTES;
  const timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
  const serverOptions = {
    headersTimeout: timeouts.headersMs,
    requestTimeout: timeouts.requestMs,
    keepAliveTimeout: timeouts.keepAliveMs,
    connectionsCheckingInterval: timeouts.checkIntervalMs,
  };
  const server = createServer(serverOptions, (request, response) => {
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
      const body = await readJsonBody(request, maxBodyBytes);
      if (body.status === 'aborted') return;
      if (body.status === 'too-large') {
        // The rest of the body is never read: closing the connection is the only way to refuse it.
        return send(
          response,
          413,
          { ok: false, error: tooLargeMessage(maxBodyBytes) },
          { Connection: 'close' },
        );
      }
      if (body.status === 'invalid') return send(response, 400, { ok: false, error: body.error });
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

type Body =
  | { status: 'ok'; data: unknown }
  | { status: 'invalid'; error: string }
  | { status: 'too-large' }
  | { status: 'aborted' };

/**
 * Reads and parses a JSON body of at most `maxBytes`. A body declared larger is refused before a byte of it
 * is read, one that grows larger (chunked) as soon as it does; only the accepted part is ever buffered.
 */
function readJsonBody(request: IncomingMessage, maxBytes: number): Promise<Body> {
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > maxBytes) return Promise.resolve({ status: 'too-large' });
  return new Promise((resolveBody) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const settle = (body: Body): void => {
      if (settled) return;
      settled = true;
      request.off('data', onData);
      resolveBody(body);
    };
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > maxBytes) {
        request.pause();
        settle({ status: 'too-large' });
      } else chunks.push(chunk);
    };
    request.on('data', onData);
    request.on('end', () => settle(parseJson(Buffer.concat(chunks).toString('utf8'))));
    // The client went away (or the request timeout dropped it): there is no one left to answer.
    request.on('error', () => settle({ status: 'aborted' }));
    request.on('close', () => settle({ status: 'aborted' }));
  });
}

function parseJson(text: string): Body {
  if (text.trim() === '') return { status: 'ok', data: {} };
  try {
    return { status: 'ok', data: JSON.parse(text) as unknown };
  } catch (error) {
    return { status: 'invalid', error: `The request body is not valid JSON: ${(error as Error).message}` };
  }
}

function tooLargeMessage(maxBytes: number): string {
  const mib = 1024 * 1024;
  const limit = maxBytes >= mib ? `${Math.floor(maxBytes / mib)} MiB` : `${maxBytes} bytes`;
  return (
    `The request is larger than the web host accepts (${limit}), so nothing was changed. ` +
    'Make the change in smaller steps, for example paste fewer components at a time.'
  );
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

function send(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    ...securityHeaders(),
    ...headers,
  });
  response.end(text);
}
