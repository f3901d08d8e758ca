import { lstatSync, readdirSync, realpathSync, statSync } from 'node:fs';
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

/** A design file in the workspace folder, as the in-app Open dialog lists it. */
export interface WorkspaceFile {
  path: string;
  name: string;
  modifiedAt: string;
  sizeBytes: number;
}

/**
 * The .mlarch files directly in `folder`, newest first: regular files only, each lying inside the folder
 * once symbolic links are resolved (a link to /etc/passwd, a folder, a pipe or a dangling link is not
 * listed). A file reached by several names is listed once, under its own name when it has one here.
 */
export function listDocuments(folder: string): WorkspaceFile[] {
  let realFolder: string;
  let names: string[];
  try {
    realFolder = realpathSync(folder);
    names = readdirSync(folder).sort();
  } catch {
    return [];
  }
  const byRealPath = new Map<string, { file: WorkspaceFile; viaLink: boolean }>();
  for (const name of names) {
    if (extname(name).toLowerCase() !== DOCUMENT_EXTENSION) continue;
    const path = join(folder, name);
    try {
      // lstat, realpath and stat never open the file, so a pipe named x.mlarch cannot block the listing.
      const viaLink = lstatSync(path).isSymbolicLink();
      const real = realpathSync(path);
      if (!liesBelow(realFolder, real)) continue;
      const stat = statSync(real);
      if (!stat.isFile()) continue;
      const seen = byRealPath.get(real);
      if (seen && (viaLink || !seen.viaLink)) continue;
      const file = {
        path,
        name: name.slice(0, -DOCUMENT_EXTENSION.length),
        modifiedAt: stat.mtime.toISOString(),
        sizeBytes: stat.size,
      };
      byRealPath.set(real, { file, viaLink });
    } catch {
      continue;
    }
  }
  return [...byRealPath.values()]
    .map((entry) => entry.file)
    .sort((a, b) => b.modifiedAt.localeCompare(a.modifiedAt) || a.name.localeCompare(b.name));
}

// Device names Windows opens instead of a file, whatever the folder or extension (CON.mlarch is the console).
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)\s*(\..*)?$/i;

// File systems limit a name to 255 bytes (ext4, APFS: UTF-8 bytes; NTFS: UTF-16 units, never more than the
// UTF-8 bytes). The base name stays well under, leaving room for " 12" and ".mlarch".
const MAX_NAME_CHARACTERS = 100;
const MAX_NAME_BYTES = 200;
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const utf8 = new TextEncoder();

/**
 * A file name for a design called `name`: characters no file system accepts are replaced, and it is cut to at
 * most 100 characters (grapheme clusters: an emoji or an accented letter is never split) and 200 UTF-8 bytes.
 */
export function fileNameFor(name: string): string {
  const cleaned = [...name]
    .map((ch) => (ch.charCodeAt(0) < 32 || isLoneSurrogate(ch) || '<>:"/\\|?*'.includes(ch) ? '-' : ch))
    .join('');
  // Trimmed before the cut (so leading dots do not count) and after it (the cut may end on a space).
  const base = trimDotsAndSpaces(truncate(trimDotsAndSpaces(cleaned))) || 'Untitled';
  // Windows opens a device, not a file, for CON, NUL, COM1… whatever follows the first dot.
  return WINDOWS_DEVICE.test(base) ? base.replace(/^[^.\s]+/, '$&-design') : base;
}

function trimDotsAndSpaces(text: string): string {
  return text.replace(/^[.\s]+|[.\s]+$/g, '');
}

function isLoneSurrogate(codePoint: string): boolean {
  const code = codePoint.charCodeAt(0);
  return codePoint.length === 1 && code >= 0xd800 && code <= 0xdfff;
}

// Whole grapheme clusters while they fit; a single cluster too long on its own (a letter under hundreds of
// combining marks) is cut between code points instead, so the result is never empty for a non-empty input.
function truncate(text: string): string {
  let result = '';
  let bytes = 0;
  let count = 0;
  for (const { segment } of graphemes.segment(text)) {
    const size = utf8.encode(segment).length;
    if (count === MAX_NAME_CHARACTERS || bytes + size > MAX_NAME_BYTES) {
      return count === 0 ? truncateCodePoints(segment) : result;
    }
    result += segment;
    bytes += size;
    count += 1;
  }
  return result;
}

function truncateCodePoints(text: string): string {
  let result = '';
  let bytes = 0;
  for (const codePoint of text) {
    bytes += utf8.encode(codePoint).length;
    if (bytes > MAX_NAME_BYTES) break;
    result += codePoint;
  }
  return result;
}

/** `<folder>/<name>.mlarch`, or `<name> 2.mlarch`, `<name> 3.mlarch`… when taken. */
export function uniqueDocumentPath(folder: string, name: string, exists: (path: string) => boolean): string {
  const base = fileNameFor(name);
  for (let n = 1; ; n += 1) {
    const path = join(folder, `${n === 1 ? base : `${base} ${n}`}${DOCUMENT_EXTENSION}`);
    if (!exists(path)) return path;
  }
}

/**
 * True when `path` lies inside `folder` once symbolic links are resolved: an existing path by its real path,
 * a path not there yet by its folder's. A dangling link or a link loop is never inside: writing through it
 * would create its target, wherever that is.
 */
export function isInside(folder: string, path: string): boolean {
  return resolveInside(folder, path) !== null;
}

/**
 * Where `path` really is, when it lies inside `folder` (see isInside): its real path and whether something
 * is there yet; null when it lies outside or cannot be resolved.
 */
export function resolveInside(folder: string, path: string): RealPath | null {
  // Decide on the strings first, so a path outside never reaches the disk: on Windows, realpath of a
  // \\host\share\… path contacts that host and offers it the user's credentials.
  if (!liesBelow(resolve(folder), resolve(path))) return null;
  const realFolder = realPathOf(folder);
  const target = realPathOf(path);
  return realFolder && target && liesBelow(realFolder.real, target.real) ? target : null;
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

/** A path's real location (symbolic links resolved) and whether anything is there yet. */
export interface RealPath {
  real: string;
  exists: boolean;
}

// A file about to be created does not exist yet: its real path is its folder's real path and its name.
// Only a name with nothing at all behind it counts as "not there yet": a dangling link, a link loop or an
// unreadable folder has no real path, and is null.
function realPathOf(path: string): RealPath | null {
  const absolute = resolve(path);
  try {
    return { real: realpathSync(absolute), exists: true };
  } catch {
    if (!isAbsent(absolute)) return null;
    const parent = resolve(absolute, '..');
    if (parent === absolute) return null;
    const realParent = realPathOf(parent);
    if (!realParent) return null;
    const name = absolute.slice(parent.length + (parent.endsWith(sep) ? 0 : 1));
    return { real: join(realParent.real, name), exists: false };
  }
}

function isAbsent(path: string): boolean {
  try {
    lstatSync(path);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT';
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

/**
 * The web host's guard: only .mlarch files inside the workspace folder, after resolving symbolic links, and
 * only regular files (a folder, pipe or device named x.mlarch is refused: opening a pipe would block).
 */
export function workspaceGuard(workspace: string, platform: NodeJS.Platform = process.platform): PathGuard {
  return {
    check(path, purpose) {
      if (extname(path).toLowerCase() !== DOCUMENT_EXTENSION) {
        throw new UserError(
          `Only ${DOCUMENT_EXTENSION} design files can be ${purpose === 'open' ? 'opened' : 'saved'}: ${path}`,
        );
      }
      checkWindowsName(path, platform);
      const target = resolveInside(workspace, path);
      if (!target) {
        throw new UserError(
          `In the browser, designs live in the workspace folder ${workspace}; ${path} is outside it ` +
            '(or is a link that leads out of it).',
        );
      }
      if (target.exists && !isRegularFile(target.real)) {
        throw new UserError(
          `${path} is not an MLArch design but a folder, pipe or device. Choose a design file.`,
        );
      }
    },
  };
}

function isRegularFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
