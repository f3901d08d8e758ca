import type BetterSqlite3 from 'better-sqlite3';
import type { Migration } from './migrations/index.ts';

/** A row of the migrations table. */
export interface AppliedMigration {
  id: number;
  name: string;
  appliedAt: string;
}

/** What the recorded migrations say about a file, compared with the migrations this build knows. */
export type MigrationStatus =
  | { state: 'ok'; pending: readonly Migration[] }
  | { state: 'newer'; latestApplied: number }
  | { state: 'mismatch'; detail: string };

/** Reads the migrations table (read-only). Throws when it is missing or malformed. */
export function readAppliedMigrations(db: BetterSqlite3.Database): AppliedMigration[] {
  const rows = db
    .prepare('SELECT id, name, applied_at FROM migrations ORDER BY id')
    .raw()
    .all() as unknown[][];
  return rows.map(([id, name, appliedAt]) => {
    if (typeof id !== 'number' || typeof name !== 'string' || typeof appliedAt !== 'string') {
      throw new Error('a row of the migrations table is malformed');
    }
    return { id, name, appliedAt };
  });
}

/**
 * Checks that the applied migrations are a prefix of the known ones (same ids and names, in order). Anything
 * past the known list means a newer build wrote the file; a different history means it is not ours to touch.
 */
export function compareMigrations(
  applied: readonly AppliedMigration[],
  known: readonly Migration[],
): MigrationStatus {
  for (const [index, row] of applied.entries()) {
    const expected = known[index];
    if (!expected) return { state: 'newer', latestApplied: applied[applied.length - 1]?.id ?? row.id };
    if (row.id !== expected.id || row.name !== expected.name) {
      return {
        state: 'mismatch',
        detail: `migration ${row.id} "${row.name}" is not migration ${expected.id} "${expected.name}" of this version`,
      };
    }
  }
  return { state: 'ok', pending: known.slice(applied.length) };
}

/** Runs each migration in its own transaction, recording it and setting `user_version` to its id. */
export function runMigrations(
  db: BetterSqlite3.Database,
  pending: readonly Migration[],
  now = new Date(),
): void {
  const record = (migration: Migration) => {
    migration.up(db);
    db.prepare('INSERT INTO migrations (id, name, applied_at) VALUES (?, ?, ?)').run(
      migration.id,
      migration.name,
      now.toISOString(),
    );
    // user_version mirrors the newest migration so a newer file is recognised from its header bytes alone.
    db.pragma(`user_version = ${migration.id}`);
  };
  for (const migration of pending) db.transaction(record)(migration);
}
