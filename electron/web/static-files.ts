import { readFile, realpath, stat } from 'node:fs/promises';
import { extname, isAbsolute, join, normalize, relative, resolve, sep } from 'node:path';

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
};

/**
 * The file under `root` that a URL path names, or null when the path leaves the folder (`..`, encoded
 * traversal, absolute paths) or names nothing servable. `/` is index.html.
 */
export function resolveStaticPath(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const wanted = decoded === '/' || decoded === '' ? '/index.html' : decoded;
  const absoluteRoot = resolve(root);
  const target = resolve(join(absoluteRoot, normalize(wanted)));
  const rel = relative(absoluteRoot, target);
  if (rel === '' || rel.startsWith('..') || rel.startsWith(sep) || resolve(absoluteRoot, rel) !== target)
    return null;
  return target;
}

export function mimeTypeOf(path: string): string {
  return MIME_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Reads a servable file under `root`, or null when it does not exist, is not a regular file or is a
 * symbolic link (or lies under one) that leads out of `root`.
 */
export async function readStaticFile(root: string, path: string): Promise<Buffer | null> {
  try {
    const [realRoot, real] = await Promise.all([realpath(root), realpath(path)]);
    const rel = relative(realRoot, real);
    if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return null;
    const info = await stat(real);
    if (!info.isFile()) return null;
    return await readFile(real);
  } catch {
    return null;
  }
}
