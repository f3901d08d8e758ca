import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { runMigrations } from './migrate.ts';
import type { Migration } from './migrations/index.ts';
import { migrations } from './migrations/index.ts';
import { checkSchema, expectedSchema } from './schema-check.ts';

const initial = migrations[0] as Migration;
const addNotes: Migration = {
  id: 2,
  name: 'notes',
  up: (db) => db.exec('CREATE TABLE notes (id TEXT PRIMARY KEY, body TEXT)'),
};
const known = [initial, addNotes];

/** An in-memory database built by the first `level` migrations of `known`, then `extra` SQL. */
function databaseAt(level: number, extra = ''): Database.Database {
  const db = new Database(':memory:');
  runMigrations(db, known.slice(0, level));
  db.exec(extra);
  return db;
}

describe('expectedSchema', () => {
  it('holds what migrations 1..level create, including SQLite’s own indexes, once per level', () => {
    const level1 = expectedSchema(1, known);
    const level2 = expectedSchema(2, known);
    expect(level1.has('table components')).toBe(true);
    expect(level1.has('table notes')).toBe(false);
    expect(level2.has('table notes')).toBe(true);
    expect(level2.get('index sqlite_autoindex_notes_1')?.sql).toBeNull();
    expect(level2.size).toBe(level1.size + 2);
    expect(expectedSchema(2, known)).toBe(level2);
    expect(expectedSchema(0, known).size).toBe(0);
  });
});

describe('checkSchema', () => {
  it('accepts a database at the level its migrations reached', () => {
    const db = databaseAt(1);
    expect(() => checkSchema(db, 'a.mlarch', 1, known)).not.toThrow();
    runMigrations(db, [addNotes]);
    expect(() => checkSchema(db, 'a.mlarch', 2, known)).not.toThrow();
    db.close();
  });

  it('refuses a table that only a later migration creates', () => {
    const db = databaseAt(2);
    expect(() => checkSchema(db, 'a.mlarch', 1, known)).toThrow(
      /it holds a table "notes" that MLArch Studio does not create and 1 more differences/,
    );
    db.close();
  });

  it('refuses the same table written differently, down to its text', () => {
    const db = databaseAt(1, 'CREATE TABLE notes (id TEXT PRIMARY KEY,  body TEXT)');
    expect(() => checkSchema(db, 'a.mlarch', 2, known)).toThrow(/table "notes" differs/);
    db.close();
  });

  it('refuses a trigger, naming it and saying the file is not changed', () => {
    const db = databaseAt(2, 'CREATE TRIGGER t AFTER INSERT ON notes BEGIN DELETE FROM notes; END;');
    expect(() => checkSchema(db, 'a.mlarch', 2, known)).toThrow(
      expect.objectContaining({
        code: 'corrupt',
        message: expect.stringMatching(/trigger "t".*The file was not changed\.$/),
      }),
    );
    db.close();
  });
});
