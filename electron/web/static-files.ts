import { readFile, realpath, stat } from 'node:fs/promises';
import { join, normalize, resolve } from 'node:path';
import { liesBelow } from '../host/workspace.ts';

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
  return liesBelow(absoluteRoot, target) ? target : null;
}

/**
 * Reads a servable file under `root`, or null when it does not exist, is not a regular file or is a
 * symbolic link (or lies under one) that leads out of `root`.
 */
export async function readStaticFile(root: string, path: string): Promise<Buffer | null> {
  try {
    const [realRoot, real] = await Promise.all([realpath(root), realpath(path)]);
    if (!liesBelow(realRoot, real)) return null;
    const info = await stat(real);
    if (!info.isFile()) return null;
    return await readFile(real);
  } catch {
    return null;
  }
}
