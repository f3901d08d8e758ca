import type BetterSqlite3 from 'better-sqlite3';
import { FORMAT_VERSION } from '../../shared/model/document.ts';
import { DesignFormatError } from '../../shared/model/upgrade.ts';
import type { LoadedContent } from './content.ts';
import { formatVersionOf, readDesign, readMeta } from './content.ts';
import { DocumentFileError, openRefusal, reasonOf, sqliteErrorCode } from './errors.ts';
import { MLARCH_APPLICATION_ID } from './header.ts';
import { compareMigrations, readAppliedMigrations } from './migrate.ts';
import type { Migration } from './migrations/index.ts';
import { LATEST_MIGRATION_ID, migrations } from './migrations/index.ts';
import { checkSchema } from './schema-check.ts';

/*
 * The SQLite half of opening a file: read-only queries on a connection that cannot write to the user's file
 * (see check-before-open.ts). SQLite validates pages lazily (a damaged page is only noticed when read), so
 * quick_check walks every page first: it is O(file size) and costs a few tens of milliseconds on a
 * 5,000-component design.
 */

/** Any error while opening, worded as a refusal of `path`. */
export function openFailure(path: string, error: unknown): DocumentFileError {
  if (error instanceof DocumentFileError) return error;
  if (error instanceof DesignFormatError) {
    return openRefusal(error.code === 'newer-version' ? 'newer-version' : 'corrupt', path, error.message);
  }
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && code.startsWith('SQLITE_')) {
    const refusal = sqliteErrorCode(error);
    // "no such table" and the like: SQLite itself is fine with the file, our schema is not there.
    if (code === 'SQLITE_ERROR')
      return openRefusal('corrupt', path, `its tables are damaged: ${reasonOf(error)}`);
    return openRefusal(refusal, path, reasonOf(error));
  }
  return openRefusal('corrupt', path, reasonOf(error));
}

/** What the checks found out about a file that may be opened. */
export interface DatabaseFacts {
  /** How many migrations the file has had (its user_version). */
  level: number;
  /** The migrations still to run. */
  pending: readonly Migration[];
}

/**
 * Checks the database behind a connection with reads only: identity, schema (before any table is read),
 * page structure, schema history and format version. Throws DocumentFileError.
 */
export function checkDatabase(db: BetterSqlite3.Database, path: string): DatabaseFacts {
  // The header was checked on disk; a WAL left by a crash may hold a newer first page, so ask SQLite too.
  if (db.pragma('application_id', { simple: true }) !== MLARCH_APPLICATION_ID)
    throw openRefusal('not-mlarch', path);
  const level = db.pragma('user_version', { simple: true }) as number;
  if (level > LATEST_MIGRATION_ID) {
    throw openRefusal(
      'newer-version',
      path,
      `schema ${level}; this version reads up to ${LATEST_MIGRATION_ID}`,
    );
  }
  if (level === 0) throw openRefusal('corrupt', path, 'its schema was never created');
  // Before quick_check too: it evaluates CHECK constraints and index expressions, which only our schema
  // may bring.
  checkSchema(db, path, level);
  const problems = (db.pragma('quick_check') as { quick_check: string }[]).map((row) => row.quick_check);
  if (problems[0] !== 'ok') {
    const more = problems.length > 1 ? ` and ${problems.length - 1} more problems` : '';
    throw openRefusal('corrupt', path, `${problems[0] ?? 'the integrity check failed'}${more}`);
  }
  const applied = readAppliedMigrations(db);
  const status = compareMigrations(applied, migrations);
  if (status.state === 'newer') {
    throw openRefusal(
      'newer-version',
      path,
      `schema ${status.latestApplied}; this version reads up to ${LATEST_MIGRATION_ID}`,
    );
  }
  if (status.state === 'mismatch') throw openRefusal('corrupt', path, status.detail);
  if (applied.length !== level) {
    throw openRefusal(
      'corrupt',
      path,
      `its schema version ${level} does not match its ${applied.length} recorded migrations`,
    );
  }
  const formatVersion = formatVersionOf(readMeta(db));
  if (formatVersion === null) throw openRefusal('corrupt', path, 'its format version is missing');
  if (formatVersion > FORMAT_VERSION) {
    throw openRefusal(
      'newer-version',
      path,
      `format ${formatVersion}; this version reads up to ${FORMAT_VERSION}`,
    );
  }
  return { level, pending: status.pending };
}

/** Reads and checks the whole design; throws DocumentFileError naming the first problem. */
export function loadContent(db: BetterSqlite3.Database, path: string): LoadedContent {
  try {
    return readDesign(db);
  } catch (error) {
    if (error instanceof SyntaxError) throw openRefusal('corrupt', path, `a stored value is not valid JSON`);
    throw openFailure(path, error);
  }
}
