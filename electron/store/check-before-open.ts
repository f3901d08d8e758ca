import Database from 'better-sqlite3';
import type BetterSqlite3 from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { LoadedContent } from './content.ts';
import { prepareStatements, readMeta } from './content.ts';
import { openRefusal, reasonOf } from './errors.ts';
import type { HeaderFacts } from './header.ts';
import { runMigrations } from './migrate.ts';
import type { Migration } from './migrations/index.ts';
import { LATEST_MIGRATION_ID } from './migrations/index.ts';
import { checkDatabase, loadContent, openFailure } from './open-checks.ts';
import { checkSchema } from './schema-check.ts';
import { META_KEYS } from './tables.ts';

/*
 * Every check of a file to open runs where SQLite cannot change the user's files, because SQLite writes in
 * more places than a reader expects: a connection that reads a file with a -wal (or a hot -journal) beside it
 * recovers it, and closing that connection checkpoints the -wal into the file and deletes it; a read-only
 * connection to a file in WAL mode creates -wal and -shm files. So:
 * - a closed document (rollback-journal mode, no -wal or -journal beside it, schema up to date) is checked on
 *   a read-only connection, which holds its shared lock until the writing connection holds its own, so no
 *   other program can change the file in between;
 * - any other file (a -wal left by a crash, a WAL-mode header, a -journal, an older schema that must be
 *   migrated to be read) is checked on a private copy of it and its sidecars in a temp folder, where SQLite
 *   may recover and migrate as it likes. The writing connection then confirms that the file still has the
 *   schema and revision that were checked.
 * Only then is the file opened for writing, switched to WAL and, if older, migrated.
 */

/** A file that passed every check, ready to be opened for writing. */
export interface CheckedFile {
  /** The checked design, read with this build's schema (migrated on the private copy when older). */
  readonly content: LoadedContent;
  /** The file's migration level and the migrations still to run on it. */
  readonly level: number;
  readonly pending: readonly Migration[];
  /** Ends the check (closes its connection, removes the private copy). Never throws; call it once. */
  release(): void;
}

/** The sidecar files SQLite may leave beside a database and replay when it next opens it. */
const SIDECARS = ['-wal', '-journal'] as const;

/** Checks `filePath` without changing it or its folder. Throws DocumentFileError naming the refusal. */
export function checkBeforeOpen(filePath: string, header: HeaderFacts): CheckedFile {
  const hasSidecar = SIDECARS.some((suffix) => fs.existsSync(`${filePath}${suffix}`));
  if (header.walMode || hasSidecar || header.userVersion < LATEST_MIGRATION_ID)
    return checkPrivateCopy(filePath);
  return checkReadOnly(filePath);
}

function checkReadOnly(filePath: string): CheckedFile {
  let db: BetterSqlite3.Database;
  try {
    // timeout 0: a file locked by another process is reported at once instead of after a 5 s wait.
    db = new Database(filePath, { readonly: true, fileMustExist: true, timeout: 0 });
  } catch (error) {
    throw openFailure(filePath, error);
  }
  try {
    db.pragma('trusted_schema = OFF');
    // Keeps the shared lock from the first read until release (see above).
    db.pragma('locking_mode = EXCLUSIVE');
    const checked = checkConnection(db, filePath);
    const release = () => {
      try {
        db.close();
      } catch {
        // Closing a read-only connection writes nothing; there is nothing left to do about a failure.
      }
    };
    return { ...checked, release };
  } catch (error) {
    db.close();
    throw openFailure(filePath, error);
  }
}

function checkPrivateCopy(filePath: string): CheckedFile {
  let folder: string;
  try {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'mlarch-check-'));
  } catch (error) {
    throw openRefusal('io', filePath, `no temporary folder to check it in: ${reasonOf(error)}`);
  }
  try {
    const copy = path.join(folder, 'check.mlarch');
    copyWithSidecars(filePath, copy);
    const db = new Database(copy, { fileMustExist: true, timeout: 0 });
    try {
      db.pragma('trusted_schema = OFF');
      // No -shm in the temp folder: the WAL index lives in memory.
      db.pragma('locking_mode = EXCLUSIVE');
      return { ...checkConnection(db, filePath), release: () => undefined };
    } finally {
      db.close();
    }
  } catch (error) {
    throw openFailure(filePath, error);
  } finally {
    try {
      fs.rmSync(folder, { recursive: true, force: true, maxRetries: 2 });
    } catch {
      // A leftover in the temp folder must not hide the outcome of the check.
    }
  }
}

/**
 * Copies the file and its sidecars. The -wal goes first: should a writer checkpoint meanwhile, the copied
 * -wal is then older than the copied file, and replaying it yields the same pages.
 */
function copyWithSidecars(filePath: string, copy: string): void {
  try {
    for (const suffix of SIDECARS) {
      try {
        fs.copyFileSync(`${filePath}${suffix}`, `${copy}${suffix}`);
      } catch (error) {
        // Absent, or a name too long to exist (a -journal beside a long name).
        const code = (error as NodeJS.ErrnoException).code;
        if (code !== 'ENOENT' && code !== 'ENAMETOOLONG') throw error;
      }
    }
    fs.copyFileSync(filePath, copy);
  } catch (error) {
    throw openRefusal('io', filePath, `it could not be copied to be checked: ${reasonOf(error)}`);
  }
}

/** Runs every check on `db` (and the pending migrations, which only a private copy may be given). */
function checkConnection(db: BetterSqlite3.Database, filePath: string): Omit<CheckedFile, 'release'> {
  const { level, pending } = checkDatabase(db, filePath);
  if (pending.length > 0) {
    if (db.readonly) throw new Error('an older file must be checked on a private copy');
    runMigrations(db, pending);
    checkSchema(db, filePath, LATEST_MIGRATION_ID);
  }
  const content = loadContent(db, filePath);
  // Preparing writes nothing; it proves that every statement an edit runs compiles against this file.
  prepareStatements(db);
  return { content, level, pending };
}

/**
 * On the connection that will write (its first read takes the file's lock): refuses the file unless it still
 * has the schema and revision that were checked, i.e. no other program changed it since.
 */
export function confirmUnchanged(db: BetterSqlite3.Database, filePath: string, checked: CheckedFile): void {
  checkSchema(db, filePath, checked.level);
  const revision = Number(readMeta(db).get(META_KEYS.revision));
  if (revision !== checked.content.revision) throw openRefusal('locked', filePath);
}
