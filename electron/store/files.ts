import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { DocumentFileError, nameTooLong } from './errors.ts';

/*
 * New files (a created document, a saved copy) are written completely under a hidden temporary name in the
 * target's folder and then moved into place, so the target either does not exist or is a whole document.
 */

/**
 * A hidden, unique name in the same folder as `target` (same file system, so a rename is atomic). It is short
 * (24 bytes, 32 with SQLite's "-journal") whatever the target's name, so it fits wherever that name fits.
 */
export function tempPathBeside(target: string): string {
  return path.join(path.dirname(target), `.mlarch-${randomBytes(6).toString('hex')}.tmp`);
}

/** Removes a temporary file and any SQLite journal left beside it; never throws. */
export function removeTemp(file: string): void {
  for (const name of [file, `${file}-journal`, `${file}-wal`, `${file}-shm`]) {
    try {
      fs.rmSync(name, { force: true });
    } catch {
      // Called while reporting another failure, which must not be replaced by this one. A leftover is a
      // hidden file named .mlarch-*.tmp.
    }
  }
}

/** False when the file system refuses `file` as too long (ENAMETOOLONG). Creates nothing. */
export function nameFits(file: string): boolean {
  try {
    fs.lstatSync(file);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ENAMETOOLONG';
  }
  return true;
}

/**
 * Refuses (DocumentFileError 'name-too-long') a document path that its file system cannot hold, or whose
 * "-wal" journal it cannot: SQLite would then fail to open the document for writing after the fact.
 * `action` words the message ("create", "open", ...).
 */
export function assertDocumentName(target: string, action: string): void {
  if (!nameFits(target)) throw nameTooLong(action, target, 'name');
  if (!nameFits(`${target}-wal`)) throw nameTooLong(action, target, 'wal');
}

/** Flushes a file's content to the disk. */
export function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Flushes a folder's entries (a rename) to the disk where the platform allows it. */
export function fsyncFolder(folder: string): void {
  let fd: number | null = null;
  try {
    fd = fs.openSync(folder, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Windows cannot open or fsync a folder; the rename is still atomic there.
  } finally {
    if (fd !== null) fs.closeSync(fd);
  }
}

function existsError(target: string): DocumentFileError {
  return new DocumentFileError(
    'exists',
    target,
    `Cannot save "${target}": a file with that name already exists. Choose another name, or confirm replacing it.`,
  );
}

/** True when both paths name the same existing file (also through case-insensitive names or hard links). */
export function isSameFile(a: string, b: string): boolean {
  try {
    const statA = fs.statSync(a);
    const statB = fs.statSync(b);
    return statA.ino === statB.ino && statA.dev === statB.dev;
  } catch {
    return false;
  }
}

/** Fails with an 'exists' DocumentFileError when `target` exists. */
export function assertAbsent(target: string): void {
  if (fs.existsSync(target)) throw existsError(target);
}

/**
 * Moves `temp` to `target`. Without `overwrite` it never replaces an existing file: a hard link fails
 * atomically when the target exists; file systems without hard links (FAT, some shares) fall back to a check
 * then a rename.
 */
export function moveIntoPlace(temp: string, target: string, overwrite: boolean): void {
  if (overwrite) {
    fs.renameSync(temp, target);
  } else {
    try {
      fs.linkSync(temp, target);
      fs.unlinkSync(temp);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') throw existsError(target);
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS' && code !== 'EXDEV') throw error;
      assertAbsent(target);
      fs.renameSync(temp, target);
    }
  }
  fsyncFolder(path.dirname(target));
}
