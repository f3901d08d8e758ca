import Database from 'better-sqlite3';
import type BetterSqlite3 from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { applyOperations } from '../../shared/model/apply.ts';
import type { Design } from '../../shared/model/document.ts';
import type { Operation } from '../../shared/model/operations.ts';
import { checkBeforeOpen, confirmUnchanged } from './check-before-open.ts';
import type { Statements } from './content.ts';
import { checkDesign, prepareStatements, writeEntity, writeWholeDesign } from './content.ts';
import { DocumentFileError, reasonOf, writeFailure } from './errors.ts';
import {
  assertAbsent,
  assertDocumentName,
  fsyncFile,
  isSameFile,
  moveIntoPlace,
  nameFits,
  removeTemp,
  tempPathBeside,
} from './files.ts';
import { MLARCH_APPLICATION_ID, inspectHeader } from './header.ts';
import { runMigrations } from './migrate.ts';
import { migrations } from './migrations/index.ts';
import { openFailure } from './open-checks.ts';
import type { CollectionKey } from './tables.ts';
import { COLLECTION_KEYS, META_KEYS, entityTables } from './tables.ts';
import type { Touched } from './touched.ts';
import { findEntity, touchedBy } from './touched.ts';

/*
 * Durability: WAL with `synchronous = NORMAL`. A commit has written its WAL frames to the OS before apply
 * returns, so an apply that returned survives a killed or crashed process (the crash test SIGKILLs a writer
 * and finds every acknowledged apply). What NORMAL gives up is durability, not integrity, on an OS crash or
 * power cut: the edits since the last WAL sync (each checkpoint, and close) may roll back, and the file stays
 * sound. FULL fsyncs the WAL on every commit, so an apply's time then depends on the disk: on the
 * 5,000-component design (npm run bench) the FULL apply p95 was 0.8-1.0 ms on a quiet disk but 6-15 ms while
 * other processes used it, over the 5 ms budget, and better-sqlite3 blocks the host's event loop meanwhile.
 * NORMAL stayed at 0.4-1.1 ms throughout (SQLite's own advice: NORMAL suits most apps in WAL mode). So NORMAL is
 * the default; FULL stays an option (the bench prints both) should power-cut durability outweigh latency.
 *
 * Locking: `locking_mode = EXCLUSIVE` holds the file lock from the first read until close, so a second open
 * of the same file (another window, another process) gets SQLITE_BUSY at once and a clear 'locked' refusal.
 * In WAL mode it also means no -shm file is ever created: the WAL index lives in our process's memory.
 *
 * Long names: SQLite names its journals after the file ("-wal", "-journal"), so with a 248-251-byte name
 * (where 255 bytes is the limit) the -wal fits but a -journal does not, and the switches into and out of WAL,
 * which write the header in rollback mode, would fail. For such a file they use an in-memory journal: each
 * only rewrites fields in the first 100 bytes of the file, within its first sector, so a crash leaves either
 * the old or the new header and never a torn one. A name whose -wal would not fit is refused up front.
 *
 * Bounded work, with a file from anywhere (better-sqlite3 has no progress handler to interrupt a statement):
 * - No SQL from the file ever runs. The schema must equal what our migrations create (schema-check.ts), so
 *   there are no triggers to fire on our writes, no views behind our table names, and no CHECK constraints,
 *   defaults or index expressions of anyone else's; `trusted_schema = OFF` on every connection is a second
 *   line (no function with side effects in schema SQL).
 * - So an apply only runs our statements: each upserts or deletes one row by primary key, O(log rows), and an
 *   apply is bounded by its operations. Opening reads each page once (quick_check) and each row once: linear
 *   in the size of the file (and of a -wal beside it, which is copied once to be checked).
 * - A value SQLite returns is at most SQLITE_MAX_LENGTH (10^9 bytes) and all of them together at most the
 *   file: parsing them (JSON, zod) is linear too.
 * - `max_page_count` is left as is: what we write is bounded by the design in memory, which was read from
 *   the file or built by the user, so a cap would only turn a large design into a false "disk full".
 */

/** SQLite's `synchronous` setting for an open document. */
export type SynchronousMode = 'FULL' | 'NORMAL';

export interface DocumentFileOptions {
  /** Recorded in the file as the version of the app that created or upgraded it. */
  appVersion?: string;
  /** Defaults to NORMAL (see the durability note above). */
  synchronous?: SynchronousMode;
}

/** An open .mlarch document: the whole design in memory, every apply committed to the file at once. */
export interface DocumentFile {
  readonly path: string;
  /** The full design, entity collections in id order. Never mutate it: apply operations. */
  readonly design: Design;
  /** 0 for a new file, +1 per apply. */
  readonly revision: number;
  /** Applies `ops` in one transaction and returns the new revision; on error nothing changes. */
  apply(ops: readonly Operation[]): number;
  /** Writes a complete, single-file copy of the document to `target` (Save As). */
  copyTo(target: string, options?: { overwrite?: boolean }): void;
  /** Checkpoints the WAL and leaves the document as one file. Safe to call twice. */
  close(): void;
}

const DEFAULT_APP_VERSION = '0.0.0-dev';

class SqliteDocumentFile implements DocumentFile {
  readonly path: string;
  #db: BetterSqlite3.Database | null;
  #design: Design;
  #revision: number;
  readonly #commit: (design: Design, touched: Touched, revision: number) => void;
  /** The journal mode to leave WAL with on close (see "Long names" above). */
  readonly #closedJournalMode: 'DELETE' | 'MEMORY';

  constructor(
    db: BetterSqlite3.Database,
    filePath: string,
    design: Design,
    revision: number,
    closedJournalMode: 'DELETE' | 'MEMORY',
  ) {
    this.path = filePath;
    this.#closedJournalMode = closedJournalMode;
    this.#db = db;
    this.#design = design;
    this.#revision = revision;
    const statements = prepareStatements(db);
    this.#commit = db.transaction((next: Design, touched: Touched, nextRevision: number) => {
      writeTouched(statements, next, touched);
      statements.setMeta.run(META_KEYS.revision, String(nextRevision));
    });
  }

  get design(): Design {
    return this.#design;
  }

  get revision(): number {
    return this.#revision;
  }

  apply(ops: readonly Operation[]): number {
    this.#requireOpen('save the change to');
    // Throws OperationError (with the index of the refused operation) before anything is written.
    const { design, inverse } = applyOperations(this.#design, ops);
    const revision = this.#revision + 1;
    try {
      this.#commit(design, touchedBy(ops, inverse), revision);
    } catch (error) {
      throw writeFailure('save the change to', this.path, error);
    }
    this.#design = design;
    this.#revision = revision;
    return revision;
  }

  copyTo(target: string, options: { overwrite?: boolean } = {}): void {
    const db = this.#requireOpen('save a copy of');
    const destination = path.resolve(target);
    // Replacing the open file's name would leave our connection writing to an unlinked file.
    if (destination === this.path || isSameFile(destination, this.path)) {
      throw new DocumentFileError(
        'exists',
        destination,
        `Cannot save a copy as "${destination}": that is this document's own file. Choose another name.`,
      );
    }
    if (!options.overwrite) assertAbsent(destination);
    assertDocumentName(destination, 'save a copy as');
    const temp = tempPathBeside(destination);
    try {
      // VACUUM INTO writes a compact copy from one read transaction: consistent, in rollback-journal mode
      // (one file), with our application_id and user_version. It does not fsync, so we do.
      db.prepare('VACUUM INTO ?').run(temp);
      fsyncFile(temp);
      moveIntoPlace(temp, destination, options.overwrite === true);
    } catch (error) {
      removeTemp(temp);
      throw writeFailure('save a copy as', destination, error);
    }
  }

  close(): void {
    const db = this.#db;
    if (!db) return;
    this.#db = null;
    try {
      // Fold the WAL into the file and leave WAL mode, so the closed document is one self-contained file.
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.pragma(`journal_mode = ${this.#closedJournalMode}`);
    } catch (error) {
      // The WAL stays beside the file and SQLite replays it on the next open: nothing is lost.
      throw writeFailure('close', this.path, error);
    } finally {
      db.close();
    }
  }

  #requireOpen(action: string): BetterSqlite3.Database {
    if (this.#db) return this.#db;
    throw new DocumentFileError(
      'io',
      this.path,
      `Cannot ${action} "${this.path}": the document is closed. Open it again.`,
    );
  }
}

/** Writes the rows an apply changed: present entities are upserted, absent ones deleted. */
function writeTouched(statements: Statements, design: Design, touched: Touched): void {
  for (const [key, ids] of touched.entities) writeRows(statements, design, key, ids);
  if (touched.meta) statements.setMeta.run(META_KEYS.designMeta, JSON.stringify(design.meta));
}

function writeRows<K extends CollectionKey>(
  statements: Statements,
  design: Design,
  key: K,
  ids: Set<string>,
): void {
  for (const id of ids) {
    const entity = findEntity(design, key, id);
    if (entity) writeEntity(statements, key, entity);
    else statements.remove[key].run(id);
  }
}

/**
 * Opens an existing document. Every check runs before anything can write to the file (header bytes with fs,
 * then SQLite reads on a read-only connection or a private copy: check-before-open.ts), so a refused file and
 * its sidecars are left exactly as they were; only an accepted file is opened for writing, switched to WAL
 * (which replays a -wal left by a crash) and migrated when older. Throws DocumentFileError.
 */
export function openDocumentFile(filePath: string, options: DocumentFileOptions = {}): DocumentFile {
  const absolute = path.resolve(filePath);
  const header = inspectHeader(absolute);
  assertDocumentName(absolute, 'open');
  const checked = checkBeforeOpen(absolute, header);
  let db: BetterSqlite3.Database | null = null;
  try {
    // timeout 0: a file locked by another process is reported at once instead of after a 5 s wait.
    db = new Database(absolute, { fileMustExist: true, timeout: 0 });
    db.pragma('trusted_schema = OFF');
    db.pragma('locking_mode = EXCLUSIVE');
    confirmUnchanged(db, absolute, checked);
  } catch (error) {
    db?.close();
    throw openFailure(absolute, error);
  } finally {
    checked.release();
  }
  try {
    const journalMode = nameFits(`${absolute}-journal`) ? 'DELETE' : 'MEMORY';
    db.pragma(`journal_mode = ${journalMode}`);
    db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${options.synchronous ?? 'NORMAL'}`);
    if (checked.pending.length > 0) {
      runMigrations(db, checked.pending);
      db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)').run(
        META_KEYS.appVersion,
        options.appVersion ?? DEFAULT_APP_VERSION,
      );
    }
    // The checked content: the copy it was read from was migrated exactly as the file just was.
    const { design, revision, upgraded } = checked.content;
    if (upgraded) rewriteDesign(db, design, revision, options);
    return new SqliteDocumentFile(db, absolute, design, revision, journalMode);
  } catch (error) {
    db.close();
    throw openFailure(absolute, error);
  }
}

/** Replaces every row with an upgraded design (a file from an older format), in one transaction. */
function rewriteDesign(
  db: BetterSqlite3.Database,
  design: Design,
  revision: number,
  options: DocumentFileOptions,
) {
  const statements = prepareStatements(db);
  db.transaction(() => {
    for (const key of COLLECTION_KEYS) db.exec(`DELETE FROM ${entityTables[key].table}`);
    writeWholeDesign(statements, design, revision);
    statements.setMeta.run(META_KEYS.appVersion, options.appVersion ?? DEFAULT_APP_VERSION);
  })();
}

/**
 * Creates a new document at `filePath` holding `design` (revision 0) and opens it. Refuses an existing path.
 * The file is built under a temporary name and moved into place, so a crash never leaves half a document.
 */
export function createDocumentFile(
  filePath: string,
  design: Design,
  options: DocumentFileOptions = {},
): DocumentFile {
  const absolute = path.resolve(filePath);
  assertAbsent(absolute);
  assertDocumentName(absolute, 'create');
  let checked: Design;
  try {
    checked = checkDesign(design);
  } catch (error) {
    throw new DocumentFileError(
      'corrupt',
      absolute,
      `Cannot create "${absolute}": the design is invalid (${reasonOf(error)}). Nothing was written.`,
    );
  }
  const temp = tempPathBeside(absolute);
  try {
    const db = new Database(temp);
    try {
      db.pragma('trusted_schema = OFF');
      db.pragma(`application_id = ${MLARCH_APPLICATION_ID}`);
      runMigrations(db, migrations);
      const statements = prepareStatements(db);
      const appVersion = options.appVersion ?? DEFAULT_APP_VERSION;
      db.transaction(() => {
        writeWholeDesign(statements, checked, 0);
        statements.setMeta.run(META_KEYS.appVersion, appVersion);
        statements.setMeta.run(META_KEYS.createdWith, appVersion);
      })();
    } finally {
      db.close();
    }
    fsyncFile(temp);
    moveIntoPlace(temp, absolute, false);
  } catch (error) {
    removeTemp(temp);
    throw writeFailure('create', absolute, error);
  }
  return openDocumentFile(absolute, options);
}

/** True when `filePath` has SQLite sidecar files beside it (the document is open, or was not closed). */
export function hasSidecarFiles(filePath: string): boolean {
  return ['-wal', '-shm', '-journal'].some((suffix) => fs.existsSync(`${filePath}${suffix}`));
}
