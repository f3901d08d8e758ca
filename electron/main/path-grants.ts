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
 * native dialog (or the OS handed us: double-click, argv), the host's recent documents, and files in the
 * workspace folder. Anything else is refused, so a compromised page cannot read or overwrite arbitrary
 * files.
 *
 * A grant lasts as long as the document session it was given for, so a compromised page cannot keep using
 * yesterday's Save As choice to overwrite that file later:
 * - the document then opened or saved at the granted path takes the grant over, and the grant ends when
 *   that document is closed or replaced (Save As elsewhere);
 * - a grant no document took over (a Save As that failed) ends when the document that was open when it
 *   was given is closed or replaced; given with no document open, it waits for one;
 * - every grant ends when the window closes.
 */

export type { PathPurpose };

export interface PathGrants extends PathGuard {
  /** Allows `path` for `purposes`: the user picked it in a dialog, or the OS handed it to us. */
  grant(path: string, purposes: readonly PathPurpose[]): void;
  /** Allows opening exactly these recent documents (the host's whole list), in place of the last list. */
  setRecent(paths: readonly string[]): void;
  /** Document `docId` is open at `path` (doc.new, doc.open or doc.saveAs answered): it takes over its grants. */
  documentOpened(docId: string, path: string): void;
  /** Document `docId` was closed or replaced: the grants of its session end. */
  documentClosed(docId: string): void;
  /** The window closed: every grant from a dialog or the OS ends. */
  revokeAll(): void;
  isAllowed(path: string, purpose: PathPurpose): boolean;
}

export interface PathGrantsOptions {
  workspace: string;
  /** Letter case is ignored on macOS and Windows, whose default file systems do. */
  platform?: NodeJS.Platform;
}

interface Grant {
  readonly key: string;
  readonly purposes: Set<PathPurpose>;
  /** The document that took the grant over, once one is open at the path. */
  holder: string | null;
  /** The document that was current when the grant was given (null: none was open). */
  readonly givenDuring: string | null;
}

/** Creates the grant list that backs the host's PathGuard. */
export function createPathGrants(options: PathGrantsOptions): PathGrants {
  const platform = options.platform ?? process.platform;
  const caseInsensitive = platform !== 'linux';
  const key = (path: string): string => (caseInsensitive ? resolve(path).toLowerCase() : resolve(path));
  let grants: Grant[] = [];
  let recent = new Set<string>();
  // The document most recently opened and not yet closed: the one the window shows.
  let current: string | null = null;

  const isAllowed = (path: string, purpose: PathPurpose): boolean => {
    if (extname(path).toLowerCase() !== DOCUMENT_EXTENSION) return false;
    if (platform === 'win32' && windowsNameProblem(path) !== null) return false;
    const k = key(path);
    if (grants.some((g) => g.key === k && g.purposes.has(purpose))) return true;
    if (purpose === 'open' && recent.has(k)) return true;
    // Replacing a file needs the user's confirmation for that very path (the Save dialog's), never a folder.
    return purpose !== 'replace' && isInside(options.workspace, path);
  };

  return {
    grant(path, purposes) {
      grants.push({ key: key(path), purposes: new Set(purposes), holder: null, givenDuring: current });
    },
    setRecent(paths) {
      recent = new Set(paths.map(key));
    },
    documentOpened(docId, path) {
      const k = key(path);
      for (const g of grants) if (g.key === k && g.holder === null) g.holder = docId;
      current = docId;
    },
    documentClosed(docId) {
      grants = grants.filter((g) => g.holder !== docId && !(g.holder === null && g.givenDuring === docId));
      if (current === docId) current = null;
    },
    revokeAll() {
      grants = [];
      current = null;
    },
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
