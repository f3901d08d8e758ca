import { extname } from 'node:path';

/*
 * Content types of the files the renderer build contains, for both ways it is served: the app:// protocol
 * (Electron) and the web host. Unknown kinds are served as opaque bytes (with nosniff, never executed).
 */
const mimeTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

/** The Content-Type for a file name. */
export function mimeTypeFor(fileName: string): string {
  return mimeTypes[extname(fileName).toLowerCase()] ?? 'application/octet-stream';
}
