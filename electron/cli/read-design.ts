import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { parseDesign } from '../../shared/model/canonical.ts';
import type { Design } from '../../shared/model/document.ts';
import { readDocumentSnapshot } from '../store/index.ts';
import { UsageError } from './io.ts';

/*
 * A design for a headless command: a .mlarch file read without writing a byte (no WAL switch, no migration, no
 * lock left behind), or a canonical JSON export (upgraded from older formats on read). Every failure is one
 * line that says what to do.
 */

const SQLITE_MAGIC = 'SQLite format 3\0';

function head(path: string): string {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(16);
    const read = readSync(fd, buffer, 0, 16, 0);
    return buffer.subarray(0, read).toString('latin1');
  } finally {
    closeSync(fd);
  }
}

/** Reads `path` as a design; throws UsageError with a one-line reason. */
export function readDesignFile(path: string): Design {
  let isFile: boolean;
  try {
    isFile = statSync(path).isFile();
  } catch {
    throw new UsageError(`cannot read "${path}": no such file.`);
  }
  if (!isFile) throw new UsageError(`cannot read "${path}": it is not a file.`);
  try {
    if (head(path) === SQLITE_MAGIC) return readDocumentSnapshot(path);
    return parseDesign(readFileSync(path, 'utf8'));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new UsageError(oneLine(message));
  }
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}
