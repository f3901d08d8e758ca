import { readdirSync, realpathSync, statSync } from 'node:fs';
import { extname, join, relative, resolve, sep } from 'node:path';
import { UserError } from './dispatch.ts';

export const DOCUMENT_EXTENSION = '.mlarch';

/** Decides which paths the UI may open or write. Throws UserError when a path is not allowed. */
export interface PathGuard {
  check(path: string, purpose: 'open' | 'write'): void;
}

/** The .mlarch files directly in `folder`, newest first. */
export function listDocuments(
  folder: string,
): { path: string; name: string; modifiedAt: string; sizeBytes: number }[] {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  return names
    .filter((name) => extname(name).toLowerCase() === DOCUMENT_EXTENSION)
    .flatMap((name) => {
      const path = join(folder, name);
      try {
        const stat = statSync(path);
        if (!stat.isFile()) return [];
        return [
          {
            path,
            name: name.slice(0, -DOCUMENT_EXTENSION.length),
            modifiedAt: stat.mtime.toISOString(),
            sizeBytes: stat.size,
          },
        ];
      } catch {
        return [];
      }
    })
    .sort((a, b) => b.modifiedAt.localeCompare(a.modifiedAt) || a.name.localeCompare(b.name));
}

/** A file name for a design called `name`: characters no file system accepts are replaced. */
export function fileNameFor(name: string): string {
  const cleaned = [...name]
    .map((ch) => (ch.charCodeAt(0) < 32 || '<>:"/\\|?*'.includes(ch) ? '-' : ch))
    .join('')
    .replace(/^[.\s]+|[.\s]+$/g, '')
    .slice(0, 100);
  return cleaned || 'Untitled';
}

/** `<folder>/<name>.mlarch`, or `<name> 2.mlarch`, `<name> 3.mlarch`… when taken. */
export function uniqueDocumentPath(folder: string, name: string, exists: (path: string) => boolean): string {
  const base = fileNameFor(name);
  for (let n = 1; ; n += 1) {
    const path = join(folder, `${n === 1 ? base : `${base} ${n}`}${DOCUMENT_EXTENSION}`);
    if (!exists(path)) return path;
  }
}

/** True when `path` lies inside `folder` (after resolving symbolic links of what exists). */
export function isInside(folder: string, path: string): boolean {
  const root = realpathOrResolve(folder);
  const target = realpathOrResolve(path);
  const rel = relative(root, target);
  return rel !== '' && !rel.startsWith('..') && !rel.startsWith(sep) && resolve(root, rel) === target;
}

// A file about to be created does not exist yet: resolve its folder's real path instead.
function realpathOrResolve(path: string): string {
  const absolute = resolve(path);
  try {
    return realpathSync(absolute);
  } catch {
    const parent = resolve(absolute, '..');
    if (parent === absolute) return absolute;
    return join(realpathOrResolve(parent), absolute.slice(parent.length + (parent.endsWith(sep) ? 0 : 1)));
  }
}

/** The web host's guard: only .mlarch files inside the workspace folder. */
export function workspaceGuard(workspace: string): PathGuard {
  return {
    check(path, purpose) {
      if (extname(path).toLowerCase() !== DOCUMENT_EXTENSION) {
        throw new UserError(
          `Only ${DOCUMENT_EXTENSION} design files can be ${purpose === 'open' ? 'opened' : 'written'}: ${path}`,
        );
      }
      if (!isInside(workspace, path)) {
        throw new UserError(
          `In the browser, designs live in the workspace folder ${workspace}; ${path} is outside it.`,
        );
      }
    },
  };
}
