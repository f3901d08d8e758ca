import { mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request as httpRequest, type Server } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { syntheticDesign } from '../../shared/model/testing/synthetic.ts';
import { createDispatcher } from '../host/dispatch.ts';
import { createWebServer, listen, MAX_BODY_BYTES, type WebServerOptions } from './server.ts';

const TOKEN = 'test-token-0123456789';
let server: Server;
let port: number;
let root: string;
const appInfo = vi.fn(() => ({
  host: 'web' as const,
  version: '1.2.3',
  workspace: '/w',
  nativeDialogs: false,
}));
const docGet = vi.fn();

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'mlarch-web-'));
  const rendererDir = join(root, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>MLArch</title>');
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(root, 'secret.txt'), 'do not serve');
  symlinkSync(join(root, 'secret.txt'), join(rendererDir, 'assets', 'link.js'));
  const dispatcher = createDispatcher({ 'app.info': appInfo, 'doc.get': docGet });
  server = createWebServer({ dispatcher, rendererDir, token: TOKEN });
  port = await listen(server, 0);
});

afterAll(() => {
  server.close();
  rmSync(root, { recursive: true, force: true });
});

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

// Raw http.request, because fetch will not let a test forge the Host header.
function call(
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string; port?: number } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port: options.port ?? port,
        path,
        method: options.method ?? 'GET',
        headers: options.headers,
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

const api = (channel: string, body: string, headers: Record<string, string> = {}) =>
  call(`/api/${channel}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-MLArch-Token': TOKEN, ...headers },
    body,
  });

describe('web host', () => {
  it('serves the renderer with the CSP header', async () => {
    const reply = await call('/');
    expect(reply.status).toBe(200);
    expect(reply.body).toContain('<title>MLArch</title>');
    expect(String(reply.headers['content-security-policy'])).toContain("default-src 'self'");
    expect(reply.headers['x-content-type-options']).toBe('nosniff');
    const asset = await call('/assets/app.js');
    expect(asset.headers['content-type']).toContain('text/javascript');
  });

  it('answers a channel with the token', async () => {
    const reply = await api('app.info', '{}');
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toEqual({ ok: true, data: appInfo.mock.results[0]?.value });
  });

  it('refuses API calls without the right token', async () => {
    const missing = await call('/api/app.info', { method: 'POST', body: '{}' });
    expect(missing.status).toBe(401);
    const wrong = await api('app.info', '{}', { 'X-MLArch-Token': 'test-token-9876543210' });
    expect(wrong.status).toBe(401);
  });

  it('refuses a Host or Origin that is not loopback (DNS rebinding, cross-site pages)', async () => {
    const rebinding = await api('app.info', '{}', { Host: `evil.example:${port}` });
    expect(rebinding.status).toBe(403);
    const crossSite = await api('app.info', '{}', { Origin: 'https://evil.example' });
    expect(crossSite.status).toBe(403);
    const otherPort = await api('app.info', '{}', { Origin: `http://127.0.0.1:${port + 1}` });
    expect(otherPort.status).toBe(403);
    const sameOrigin = await api('app.info', '{}', { Origin: `http://127.0.0.1:${port}` });
    expect(sameOrigin.status).toBe(200);
  });

  it('rejects a payload that fails its schema before the service sees it', async () => {
    const reply = await api('doc.get', JSON.stringify({ docId: '../../etc' }));
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: expect.stringContaining('docId') });
    expect(docGet).not.toHaveBeenCalled();
  });

  it('answers malformed JSON and unknown channels with clear errors', async () => {
    const malformed = await api('app.info', '{"oops"');
    expect(malformed.status).toBe(400);
    expect(JSON.parse(malformed.body).error).toContain('not valid JSON');
    const unknown = await api('shell.exec', '{}');
    expect(unknown.status).toBe(404);
    const served = await api('doc.open', '{"path":"/x.mlarch"}');
    expect(served.status).toBe(404);
  });

  it('never serves files outside the renderer folder', async () => {
    for (const path of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/assets/%2e%2e/%2e%2e/secret.txt',
      '/%2fetc%2fpasswd',
    ]) {
      const reply = await call(path);
      expect(reply.status, path).toBe(404);
      expect(reply.body).not.toContain('do not serve');
    }
  });

  it('never follows a symbolic link out of the renderer folder', async () => {
    const reply = await call('/assets/link.js');
    expect(reply.status).toBe(404);
    expect(reply.body).not.toContain('do not serve');
  });

  it('serves no channel named after Object.prototype or smuggled through the path', async () => {
    for (const channel of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'app.info%2f..%2fx']) {
      const reply = await api(channel, '{}');
      expect(reply.status, channel).toBe(404);
      expect(JSON.parse(reply.body), channel).toMatchObject({ ok: false });
    }
    // The URL parser folds the dot segments first: what is left is a POST to a static path.
    expect((await api('app.info/../../x', '{}')).status).toBe(405);
    expect((await api('app.info/', '{}')).status).toBe(404);
    expect(appInfo).not.toHaveBeenCalled();
  });

  it('refuses CORS preflights and other methods without any CORS header', async () => {
    const preflight = await call('/api/app.info', {
      method: 'OPTIONS',
      headers: {
        Origin: `http://127.0.0.1:${port}`,
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'x-mlarch-token',
      },
    });
    expect(preflight.status).toBe(405);
    const crossSite = await call('/api/app.info', {
      method: 'OPTIONS',
      headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'POST' },
    });
    expect(crossSite.status).toBe(403);
    for (const reply of [preflight, crossSite]) {
      expect(Object.keys(reply.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
    }
    expect((await call('/api/app.info', { method: 'GET' })).status).toBe(405);
    expect((await call('/index.html', { method: 'PUT', body: 'x' })).status).toBe(405);
    const head = await call('/index.html', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
  });

  it('keeps __proto__ in a request body from polluting Object.prototype', async () => {
    const reply = await api('app.info', '{"__proto__": {"polluted": true}}');
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: expect.stringContaining('app.info') });
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(appInfo).not.toHaveBeenCalled();
  });

  it('answers a deeply nested body with a refusal and keeps serving', async () => {
    const depth = 200_000;
    const reply = await api('doc.get', `${'['.repeat(depth)}${']'.repeat(depth)}`);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false });
    expect(docGet).not.toHaveBeenCalled();
    expect((await api('app.info', '{}')).status).toBe(200);
  });
});

describe('web host failures', () => {
  it('answers 500 without internal details and reports the error to the log', async () => {
    const failure = new Error('EACCES: permission denied, open /home/someone/secret/path');
    const onError = vi.fn();
    const broken = createWebServer({
      dispatcher: {
        has: (channel): channel is never => channel === 'app.info',
        dispatch: () => Promise.reject(failure),
      },
      rendererDir: root,
      token: TOKEN,
      onError,
    });
    const brokenPort = await listen(broken, 0);
    try {
      const reply = await call('/api/app.info', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-MLArch-Token': TOKEN },
        body: '{}',
        port: brokenPort,
      });
      expect(reply.status).toBe(500);
      expect(reply.body).not.toContain('secret');
      expect(JSON.parse(reply.body)).toEqual({ ok: false, error: expect.stringContaining('see its log') });
      expect(onError).toHaveBeenCalledWith(failure);
    } finally {
      broken.close();
    }
  });
});

interface RawExchange {
  /** Everything the server sent before it closed the connection. */
  received: string;
}

// A raw socket, so a test can send half a request, or headers that promise a body it never sends.
function rawExchange(
  targetPort: number,
  chunks: readonly string[],
  options: { onData?: (received: string, write: (text: string) => void) => void } = {},
): Promise<RawExchange> {
  return new Promise((resolve, reject) => {
    let received = '';
    const socket = connect(targetPort, '127.0.0.1', () => {
      for (const chunk of chunks) socket.write(chunk);
    });
    socket.setEncoding('utf8');
    socket.on('data', (data: string) => {
      received += data;
      options.onData?.(received, (text) => socket.write(text));
    });
    // Writing into a connection the server closed fails with EPIPE/ECONNRESET; what it answered counts.
    socket.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE' && error.code !== 'ECONNRESET') reject(error);
    });
    socket.on('close', () => resolve({ received }));
  });
}

function apiHead(targetPort: number, channel: string, headers: Record<string, string | number>): string {
  const lines = Object.entries({
    Host: `127.0.0.1:${targetPort}`,
    'Content-Type': 'application/json',
    'X-MLArch-Token': TOKEN,
    ...headers,
  }).map(([name, value]) => `${name}: ${value}`);
  return `POST /api/${channel} HTTP/1.1\r\n${lines.join('\r\n')}\r\n\r\n`;
}

async function startServer(overrides: Partial<WebServerOptions>): Promise<{
  port: number;
  server: Server;
  dispatch: ReturnType<typeof vi.fn>;
  onError: ReturnType<typeof vi.fn>;
}> {
  const dispatch = vi.fn(() => Promise.resolve({ ok: true as const, data: {} }));
  const onError = vi.fn();
  const started = createWebServer({
    dispatcher: { has: (channel): channel is never => channel === 'app.info', dispatch },
    rendererDir: join(root, 'renderer'),
    token: TOKEN,
    onError,
    ...overrides,
  });
  return { port: await listen(started, 0), server: started, dispatch, onError };
}

describe('web host limits', () => {
  it('accepts the largest real request: a 5,000-component, 8,000-connection design as one batch', async () => {
    const design = syntheticDesign({ components: 5000, connections: 8000, seed: 7 });
    const ops = [
      ...design.components.map((component) => ({ type: 'component.add', component })),
      ...design.connections.map((connection) => ({ type: 'connection.add', connection })),
    ];
    const applied = vi.fn((request: { ops: unknown[] }) => ({ revision: request.ops.length }));
    const big = createWebServer({
      dispatcher: createDispatcher({ 'doc.apply': applied }),
      rendererDir: root,
      token: TOKEN,
    });
    const bigPort = await listen(big, 0);
    try {
      const body = JSON.stringify({ docId: 'doc_1', ops });
      const reply = await call('/api/doc.apply', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-MLArch-Token': TOKEN },
        body,
        port: bigPort,
      });
      expect(JSON.parse(reply.body)).toEqual({ ok: true, data: { revision: 13_000 } });
    } finally {
      big.close();
    }
  }, 30_000);

  it('refuses a body declared too large with 413 before reading any of it', async () => {
    const { port: limitedPort, server: limited, dispatch } = await startServer({});
    try {
      // The headers promise MAX_BODY_BYTES + 1 bytes; not one is sent, so only an early answer can come.
      const { received } = await rawExchange(limitedPort, [
        apiHead(limitedPort, 'app.info', { 'Content-Length': MAX_BODY_BYTES + 1 }),
      ]);
      expect(received).toMatch(/^HTTP\/1\.1 413 /);
      expect(received).toMatch(/\r\nConnection: close\r\n/i);
      expect(received).toContain(
        'The request is larger than the web host accepts (16 MiB), so nothing was changed. Make the change in ' +
          'smaller steps',
      );
      expect(dispatch).not.toHaveBeenCalled();
    } finally {
      limited.close();
    }
  });

  it('refuses a chunked body with 413 as soon as it grows past the limit', async () => {
    const { port: limitedPort, server: limited, dispatch } = await startServer({ maxBodyBytes: 1000 });
    try {
      const chunk = (text: string) => `${text.length.toString(16)}\r\n${text}\r\n`;
      // 600 + 600 bytes and the body is never finished (no last chunk): only an early refusal answers.
      const { received } = await rawExchange(limitedPort, [
        apiHead(limitedPort, 'app.info', { 'Transfer-Encoding': 'chunked' }),
        chunk(`[${' '.repeat(598)}`),
        chunk(`${' '.repeat(599)}]`),
      ]);
      expect(received).toMatch(/^HTTP\/1\.1 413 /);
      expect(received).toContain('The request is larger than the web host accepts (1000 bytes)');
      expect(dispatch).not.toHaveBeenCalled();
    } finally {
      limited.close();
    }
  });

  it('drops a client that never finishes its headers, and one that never finishes its body', async () => {
    const timeouts = { headersMs: 200, requestMs: 400, keepAliveMs: 100, checkIntervalMs: 50 };
    const { port: slowPort, server: slow, dispatch, onError } = await startServer({ timeouts });
    try {
      const [silent, halfHeaders, halfBody] = await Promise.all([
        rawExchange(slowPort, []),
        rawExchange(slowPort, [`POST /api/app.info HTTP/1.1\r\nHost: 127.0.0.1:${slowPort}\r\n`]),
        rawExchange(slowPort, [apiHead(slowPort, 'app.info', { 'Content-Length': 100 }), '{"a":']),
      ]);
      for (const { received } of [silent, halfHeaders, halfBody]) {
        expect(received).toMatch(/^HTTP\/1\.1 408 /);
      }
      expect(dispatch).not.toHaveBeenCalled();
      // A client that went away is not an internal failure worth logging.
      expect(onError).not.toHaveBeenCalled();
    } finally {
      slow.close();
    }
  });

  it('closes an idle keep-alive connection after answering', async () => {
    const timeouts = { headersMs: 5_000, requestMs: 10_000, keepAliveMs: 100, checkIntervalMs: 50 };
    const { port: idlePort, server: idle } = await startServer({ timeouts });
    try {
      const exchange = rawExchange(idlePort, [
        `GET /index.html HTTP/1.1\r\nHost: 127.0.0.1:${idlePort}\r\nConnection: keep-alive\r\n\r\n`,
      ]);
      // Node's default would keep it open 5 s (plus a 1 s grace); with 100 ms it closes long before 4 s.
      const stillOpen = new Promise<'still open'>((resolve) =>
        setTimeout(() => resolve('still open'), 4_000),
      );
      const outcome = await Promise.race([exchange, stillOpen]);
      expect(outcome).not.toBe('still open');
      const { received } = await exchange;
      expect(received).toMatch(/^HTTP\/1\.1 200 /);
      expect(received).toContain('<title>MLArch</title>');
    } finally {
      idle.close();
    }
  });
});
