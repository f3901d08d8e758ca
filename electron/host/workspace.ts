import { readdirSync, realpathSync, statSync } from 'node:fs';
import { extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { UserError } from './dispatch.ts';

export const DOCUMENT_EXTENSION = '.mlarch';

/**
 * What the UI wants to do with a path: open it, write a new file there, or replace the file that is there
 * (only after the user confirmed it).
 */
export type PathPurpose = 'open' | 'write' | 'replace';

/** Decides which paths the UI may open or write. Throws UserError when a path is not allowed. */
export interface PathGuard {
  check(path: string, purpose: PathPurpose): void;
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

// Device names Windows opens instead of a file, whatever the folder or extension (CON.mlarch is the console).
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)\s*(\..*)?$/i;

/** A file name for a design called `name`: characters no file system accepts are replaced. */
export function fileNameFor(name: string): string {
  const cleaned = [...name]
    .map((ch) => (ch.charCodeAt(0) < 32 || '<>:"/\\|?*'.includes(ch) ? '-' : ch))
    .join('')
    .replace(/^[.\s]+|[.\s]+$/g, '')
    .slice(0, 100);
  const base = cleaned || 'Untitled';
  // Windows opens a device, not a file, for CON, NUL, COM1… whatever follows the first dot.
  return WINDOWS_DEVICE.test(base) ? base.replace(/^[^.\s]+/, '$&-design') : base;
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
  // Decide on the strings first, so a path outside never reaches the disk: on Windows, realpath of a
  // \\host\share\… path contacts that host and offers it the user's credentials.
  if (!liesBelow(resolve(folder), resolve(path))) return false;
  return liesBelow(realpathOrResolve(folder), realpathOrResolve(path));
}

/** True when absolute path `target` lies strictly below absolute path `root`, judged on the strings alone. */
export function liesBelow(root: string, target: string): boolean {
  const rel = relative(root, target);
  return (
    rel !== '' &&
    rel !== '..' &&
    !rel.startsWith(`..${sep}`) &&
    !isAbsolute(rel) &&
    resolve(root, rel) === resolve(target)
  );
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

/**
 * Why Windows would not read `path` as the plain file it looks like, or null. Windows drops trailing dots
 * and spaces from names, reads `name:stream` as an alternate data stream and `\\?\`, `\\.\` and device
 * names as devices, so such a path could name another file than the one the guard checked.
 */
export function windowsNameProblem(path: string): string | null {
  if (/^[\\/]{2}[?.][\\/]/.test(path)) return 'it uses a Windows device path';
  if (path.includes('\0')) return 'it contains a NUL character';
  if (path.slice(/^[a-zA-Z]:/.test(path) ? 2 : 0).includes(':')) return 'it names a data stream (":")';
  for (const segment of path.split(/[\\/]/)) {
    if (segment === '' || segment === '.' || segment === '..') continue;
    if (/[. ]$/.test(segment)) return `"${segment}" ends with a dot or a space`;
    if (WINDOWS_DEVICE.test(segment)) return `"${segment}" is a Windows device name`;
  }
  return null;
}

/** Refuses, on Windows, a path whose name Windows would read differently (see windowsNameProblem). */
export function checkWindowsName(path: string, platform: NodeJS.Platform): void {
  if (platform !== 'win32') return;
  const problem = windowsNameProblem(path);
  if (problem)
    throw new UserError(`Windows cannot use this file name safely: ${problem}. Choose another name.`);
}

/** The web host's guard: only .mlarch files inside the workspace folder. */
export function workspaceGuard(workspace: string, platform: NodeJS.Platform = process.platform): PathGuard {
  return {
    check(path, purpose) {
      if (extname(path).toLowerCase() !== DOCUMENT_EXTENSION) {
        throw new UserError(
          `Only ${DOCUMENT_EXTENSION} design files can be ${purpose === 'open' ? 'opened' : 'saved'}: ${path}`,
        );
      }
      checkWindowsName(path, platform);
      if (!isInside(workspace, path)) {
        throw new UserError(
          `In the browser, designs live in the workspace folder ${workspace}; ${path} is outside it.`,
        );
      }
    },
  };
}
