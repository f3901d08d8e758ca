import { basename, extname, resolve } from 'node:path';
import { UserError } from '../host/dispatch.ts';
import {
  checkWindowsName,
  DOCUMENT_EXTENSION,
  isInside,
  windowsNameProblem,
  type PathGuard,
  type PathPurpose,
} from '../host/workspace.ts';

/*
 * The Electron host's PathGuard. The renderer names paths, but it may only use paths the user chose in a
 * native dialog (or the OS handed us: double-click, argv), paths the host itself listed as recent, and files
 * in the workspace folder. Anything else is refused, so a compromised page cannot read or overwrite
 * arbitrary files.
 */

export type { PathPurpose };

export interface PathGrants extends PathGuard {
  /** Allows `path` for the given purposes (a path the user picked or the OS handed to us). */
  grant(path: string, purposes: readonly PathPurpose[]): void;
  /** Allows opening the host's recent documents (only ever paths that were opened before). */
  grantRecent(paths: readonly string[]): void;
  isAllowed(path: string, purpose: PathPurpose): boolean;
}

export interface PathGrantsOptions {
  workspace: string;
  /** Letter case is ignored on macOS and Windows, whose default file systems do. */
  platform?: NodeJS.Platform;
}

/** Creates the grant list that backs the host's PathGuard. */
export function createPathGrants(options: PathGrantsOptions): PathGrants {
  const platform = options.platform ?? process.platform;
  const caseInsensitive = platform !== 'linux';
  const key = (path: string): string => (caseInsensitive ? resolve(path).toLowerCase() : resolve(path));
  const granted = new Map<string, Set<PathPurpose>>();

  const grant = (path: string, purposes: readonly PathPurpose[]): void => {
    const k = key(path);
    const set = granted.get(k) ?? new Set<PathPurpose>();
    for (const purpose of purposes) set.add(purpose);
    granted.set(k, set);
  };

  const isAllowed = (path: string, purpose: PathPurpose): boolean => {
    if (extname(path).toLowerCase() !== DOCUMENT_EXTENSION) return false;
    if (platform === 'win32' && windowsNameProblem(path) !== null) return false;
    if (granted.get(key(path))?.has(purpose)) return true;
    // Replacing a file needs the user's confirmation for that very path (the Save dialog's), never a folder.
    return purpose !== 'replace' && isInside(options.workspace, path);
  };

  return {
    grant,
    grantRecent: (paths) => paths.forEach((path) => grant(path, ['open'])),
    isAllowed,
    check(path, purpose) {
      if (extname(path).toLowerCase() !== DOCUMENT_EXTENSION) {
        throw new UserError(
          `Only ${DOCUMENT_EXTENSION} design files can be opened or saved: "${basename(path)}".`,
        );
      }
      checkWindowsName(path, platform);
      if (!isAllowed(path, purpose)) {
        if (purpose === 'replace') {
          throw new UserError(
            `"${basename(path)}" already exists. Choose it again in the Save As dialog and confirm replacing it, ` +
              'or choose another name.',
          );
        }
        const verb = purpose === 'open' ? 'open' : 'save to';
        throw new UserError(
          `MLArch Studio can only ${verb} files you choose in a file dialog, recent designs or designs in ` +
            `the workspace folder (${options.workspace}). Use File › ${purpose === 'open' ? 'Open…' : 'Save As…'} ` +
            `to choose "${basename(path)}".`,
        );
      }
    },
  };
}
