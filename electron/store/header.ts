import fs from 'node:fs';
import { openRefusal, reasonOf } from './errors.ts';
import { LATEST_MIGRATION_ID } from './migrations/index.ts';

/*
 * The first check of a file to open, done with plain reads of its first 100 bytes so that a foreign or
 * damaged file is refused before SQLite touches it (SQLite would happily roll back a journal or create
 * -wal/-shm files beside whatever it is given). Layout: https://www.sqlite.org/fileformat2.html#database_header
 */

/** `PRAGMA application_id` of every .mlarch file: "MLAR" in ASCII. */
export const MLARCH_APPLICATION_ID = 0x4d4c4152;

const MAGIC = Buffer.from('SQLite format 3\0', 'latin1');
const HEADER_BYTES = 100;

/** What the header says about a file that looks like one of our documents. */
export interface HeaderFacts {
  pageSize: number;
  /** True when the file was last written in WAL mode (open, or not closed cleanly). */
  walMode: boolean;
  /** True when a -wal file sits beside it (then the header may lag behind the WAL's content). */
  hasWalFile: boolean;
  userVersion: number;
}

function readHead(path: string): { head: Buffer; size: number } {
  // Stat before opening: opening a named pipe for reading blocks until a writer appears, which would hang
  // the host on a file that is no document anyway.
  let kind: fs.Stats;
  try {
    kind = fs.statSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw openRefusal('not-found', path);
    throw openRefusal('io', path, reasonOf(error));
  }
  if (kind.isDirectory()) throw openRefusal('io', path, 'it is a folder, not a file');
  if (!kind.isFile()) throw openRefusal('io', path, 'it is not a regular file');
  let fd: number;
  try {
    fd = fs.openSync(path, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw openRefusal('not-found', path);
    throw openRefusal('io', path, reasonOf(error));
  }
  try {
    const stat = fs.fstatSync(fd);
    if (stat.isDirectory()) throw openRefusal('io', path, 'it is a folder, not a file');
    const head = Buffer.alloc(HEADER_BYTES);
    const read = fs.readSync(fd, head, 0, HEADER_BYTES, 0);
    return { head: head.subarray(0, read), size: stat.size };
  } catch (error) {
    if (error instanceof Error && error.name === 'DocumentFileError') throw error;
    throw openRefusal('io', path, reasonOf(error));
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * True when `path` is a regular file whose header says it is one of our documents (SQLite with our
 * application id): the only kind of file Save As may replace. Never blocks on a pipe or device.
 */
export function isDocumentFile(path: string): boolean {
  try {
    if (!fs.statSync(path).isFile()) return false;
    const { head } = readHead(path);
    return (
      head.length === HEADER_BYTES &&
      head.subarray(0, MAGIC.length).equals(MAGIC) &&
      head.readUInt32BE(68) === MLARCH_APPLICATION_ID
    );
  } catch {
    return false;
  }
}

/** Checks the header bytes of `path` without opening it in SQLite; throws DocumentFileError on refusal. */
export function inspectHeader(path: string): HeaderFacts {
  const { head, size } = readHead(path);
  if (size === 0) throw openRefusal('not-sqlite', path, 'the file is empty');
  if (head.length < HEADER_BYTES || !head.subarray(0, MAGIC.length).equals(MAGIC)) {
    throw openRefusal('not-sqlite', path, 'it is not an SQLite database');
  }
  const rawPageSize = head.readUInt16BE(16);
  const pageSize = rawPageSize === 1 ? 65_536 : rawPageSize;
  if (pageSize < 512 || (pageSize & (pageSize - 1)) !== 0) {
    throw openRefusal('corrupt', path, 'its header is damaged');
  }
  if (head.readUInt32BE(68) !== MLARCH_APPLICATION_ID) throw openRefusal('not-mlarch', path);
  const userVersion = head.readUInt32BE(60);
  if (userVersion > LATEST_MIGRATION_ID) {
    throw openRefusal(
      'newer-version',
      path,
      `schema ${userVersion}; this version reads up to ${LATEST_MIGRATION_ID}`,
    );
  }
  const walMode = head[18] === 2 || head[19] === 2;
  const hasWalFile = fs.existsSync(`${path}-wal`);
  // Without a WAL the file alone must hold every page the header counts. The count is only trusted when
  // its "valid for" stamp matches the change counter (older writers did not maintain it).
  if (!hasWalFile) {
    const pageCount = head.readUInt32BE(28);
    const countValid = pageCount > 0 && head.readUInt32BE(92) === head.readUInt32BE(24);
    if (size % pageSize !== 0 || (countValid && pageCount * pageSize > size)) {
      throw openRefusal('corrupt', path, 'the file is truncated');
    }
  }
  return { pageSize, walMode, hasWalFile, userVersion };
}
