import { basename } from 'node:path';

/** Why a document file was refused or could not be written. The host shows `message` to the user as is. */
export type DocumentFileErrorCode =
  | 'not-found'
  | 'not-sqlite'
  | 'corrupt'
  | 'not-mlarch'
  | 'newer-version'
  | 'exists'
  | 'locked'
  | 'name-too-long'
  | 'io';

/**
 * A refusal or failure of a .mlarch file, with a message that names the file and says what to do. The host
 * recognises it by `name` (not by class identity, which does not survive bundling or IPC).
 */
export class DocumentFileError extends Error {
  readonly code: DocumentFileErrorCode;
  /** The file the error is about. */
  readonly path: string;

  constructor(code: DocumentFileErrorCode, path: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DocumentFileError';
    this.code = code;
    this.path = path;
  }
}

/** The message tail a user reads after any refusal to open: we promise the file was not changed. */
const UNTOUCHED = 'The file was not changed.';

/** "Cannot open "<path>": <reason>. <what to do>" for each refusal of an existing file. */
export function openRefusal(code: DocumentFileErrorCode, path: string, detail = ''): DocumentFileError {
  const name = `"${path}"`;
  const why = detail ? ` (${detail})` : '';
  switch (code) {
    case 'not-found':
      return new DocumentFileError(
        code,
        path,
        `Cannot open ${name}: the file does not exist. It may have been moved, renamed or deleted; choose it again with Open.`,
      );
    case 'not-sqlite':
      return new DocumentFileError(
        code,
        path,
        `Cannot open ${name}: it is not an MLArch document${why}. Choose a .mlarch file. ${UNTOUCHED}`,
      );
    case 'not-mlarch':
      return new DocumentFileError(
        code,
        path,
        `Cannot open ${name}: it is an SQLite database, but not an MLArch document. Choose a .mlarch file. ${UNTOUCHED}`,
      );
    case 'corrupt':
      return new DocumentFileError(
        code,
        path,
        `Cannot open ${name}: the document is damaged${why}. Open a backup or an earlier copy of it. ${UNTOUCHED}`,
      );
    case 'newer-version':
      return new DocumentFileError(
        code,
        path,
        `Cannot open ${name}: it was saved by a newer version of MLArch Studio${why}. Update MLArch Studio to open it. ${UNTOUCHED}`,
      );
    case 'locked':
      return new DocumentFileError(
        code,
        path,
        `Cannot open ${name}: it is already open in another MLArch Studio window or program. Close it there, then try again.`,
      );
    case 'exists':
      return new DocumentFileError(
        code,
        path,
        `Cannot use ${name}: a file with that name already exists. Choose another name.`,
      );
    case 'name-too-long':
    case 'io':
      return new DocumentFileError(
        code,
        path,
        `Cannot open ${name}${why}. Check that the file is readable and the disk is available, then try again.`,
      );
  }
}

/** Maps an error thrown by better-sqlite3 (which carries SQLite's result code) to a refusal code. */
export function sqliteErrorCode(error: unknown): DocumentFileErrorCode {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return 'io';
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return 'locked';
  if (code.startsWith('SQLITE_CORRUPT')) return 'corrupt';
  // We only reach SQLite once the header's magic matched, so "not a database" means a damaged one.
  if (code === 'SQLITE_NOTADB') return 'corrupt';
  return 'io';
}

/** The short reason in an error, for the parenthesis of a message. */
export function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The longest file name most file systems accept (ext4, XFS and btrfs count it in bytes of UTF-8). */
const NAME_MAX_BYTES = 255;

/**
 * `path` is too long for its file system (ENAMETOOLONG): for the name itself, its folder path, or (kind
 * 'wal') the journal SQLite must keep beside a document under the name plus "-wal".
 */
export function nameTooLong(
  action: string,
  path: string,
  kind: 'name' | 'wal',
  cause?: unknown,
): DocumentFileError {
  const nameBytes = Buffer.byteLength(basename(path), 'utf8');
  const choose =
    action === 'open'
      ? `Rename the file to a shorter name, then open it. ${UNTOUCHED}`
      : 'Choose a shorter name.';
  let reason: string;
  if (kind === 'wal') {
    reason = `The file name is too long for a document: ${nameBytes} bytes. SQLite keeps a journal beside it under the same name plus "-wal", which is too long for this file system. ${choose}`;
  } else if (nameBytes > NAME_MAX_BYTES) {
    reason = `The file name is too long: ${nameBytes} bytes, at most ${NAME_MAX_BYTES}. ${choose}`;
  } else {
    reason = `The path is too long for this file system (${Buffer.byteLength(path, 'utf8')} bytes). Choose a shorter name or a folder with a shorter path.`;
  }
  return new DocumentFileError('name-too-long', path, `Cannot ${action} "${path}". ${reason}`, { cause });
}

/** A failure to write `path` (create, save a copy, apply an edit), with what to check. */
export function writeFailure(action: string, path: string, error: unknown): DocumentFileError {
  if (error instanceof DocumentFileError) return error;
  const code = sqliteErrorCode(error);
  const errno = (error as NodeJS.ErrnoException | null)?.code;
  if (errno === 'ENAMETOOLONG') return nameTooLong(action, path, 'name', error);
  const hint =
    errno === 'ENOSPC' || (error as { code?: unknown } | null)?.code === 'SQLITE_FULL'
      ? 'The disk is full: free some space, then try again.'
      : 'Check that the folder exists, is writable and the disk is available, then try again.';
  return new DocumentFileError(
    code === 'locked' ? 'locked' : 'io',
    path,
    `Cannot ${action} "${path}": ${reasonOf(error)}. ${hint}`,
    { cause: error },
  );
}
