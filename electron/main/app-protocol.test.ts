import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { mimeTypeFor } from '../host/mime-types.ts';
import { createAppProtocolHandler, requestPath } from './app-protocol.ts';

const csp = "default-src 'self'";
let root: string;
let handler: (request: Request) => Promise<Response>;

beforeAll(() => {
  const base = mkdtempSync(join(tmpdir(), 'mlarch-protocol-'));
  root = join(base, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>MLArch</title>');
  writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(root, 'assets', 'style.css'), 'body{}');
  writeFileSync(join(base, 'secret.txt'), 'secret');
  symlinkSync(join(base, 'secret.txt'), join(root, 'assets', 'link.txt'));
  handler = createAppProtocolHandler({ rootDir: root, csp });
});

const get = (url: string, method = 'GET') => handler(new Request(url, { method }));

describe('app:// handler', () => {
  it('serves index.html with its MIME type and the CSP header', async () => {
    for (const url of ['app://mlarch/index.html', 'app://mlarch/']) {
      const response = await get(url);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(response.headers.get('content-security-policy')).toBe(csp);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(await response.text()).toContain('<title>MLArch</title>');
    }
  });

  it('serves assets with correct MIME types', async () => {
    expect((await get('app://mlarch/assets/app.js')).headers.get('content-type')).toBe(
      'text/javascript; charset=utf-8',
    );
    expect((await get('app://mlarch/assets/style.css')).headers.get('content-type')).toBe(
      'text/css; charset=utf-8',
    );
  });

  it('refuses traversal, encoded traversal and absolute paths', async () => {
    const attempts = [
      'app://mlarch/../../etc/passwd',
      'app://mlarch/%2e%2e/%2e%2e/etc/passwd',
      'app://mlarch/%2e%2e/secret.txt',
      'app://mlarch/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
      'app://mlarch/..%2fsecret.txt',
      'app://mlarch/%2fetc%2fpasswd',
      'app://mlarch/..%5csecret.txt',
      'app://mlarch/C:%5cWindows%5cwin.ini',
      'app://mlarch/index.html%00.js',
      'app://mlarch/%E0%A4%A',
    ];
    for (const url of attempts) {
      const response = await get(url);
      expect([403, 404], url).toContain(response.status);
      expect(await response.text(), url).not.toContain('secret');
    }
  });

  it('refuses symbolic links that point outside the folder', async () => {
    expect((await get('app://mlarch/assets/link.txt')).status).toBe(403);
  });

  it('refuses other hosts, missing files, folders and non-GET methods', async () => {
    expect((await get('app://other/index.html')).status).toBe(403);
    expect((await get('app://mlarch/missing.js')).status).toBe(404);
    expect((await get('app://mlarch/assets')).status).toBe(404);
    expect((await get('app://mlarch/index.html', 'POST')).status).toBe(405);
    const head = await get('app://mlarch/index.html', 'HEAD');
    expect(head.status).toBe(200);
  });
});

describe('requestPath', () => {
  it('maps URLs to relative paths and rejects unsafe ones', () => {
    expect(requestPath('app://mlarch/')).toBe('index.html');
    expect(requestPath('app://mlarch/assets/a%20b.js')).toBe('assets/a b.js');
    expect(requestPath('app://mlarch/assets/..%2f..%2fx')).toBeNull();
    expect(requestPath('https://mlarch/index.html')).toBeNull();
    expect(requestPath('not a url')).toBeNull();
  });

  it('knows the MIME types the renderer build uses', () => {
    expect(mimeTypeFor('a.woff2')).toBe('font/woff2');
    expect(mimeTypeFor('a.svg')).toBe('image/svg+xml');
    expect(mimeTypeFor('a.unknown')).toBe('application/octet-stream');
  });
});
