import Database from 'better-sqlite3';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { syntheticDesign } from '../../shared/model/testing/synthetic.ts';
import type * as MigrationsModule from './migrations/index.ts';
import type { Migration } from './migrations/index.ts';
import { DocumentFileError, createDocumentFile, openDocumentFile } from './index.ts';
import { filesIn, folderState, makeTempDir, removeTempDir, withStaleWal } from './testing/fixtures.ts';

/*
 * Files of an older schema, with a build that knows one more migration than the shipped one: migration 2
 * adds a notes table, and in some tests also damages the content (as a faulty migration, or a file that only
 * the migration reveals as bad, would). The file must be migrated and checked on a private copy, and only an
 * accepted file migrated for real.
 */

const migration2 = vi.hoisted(() => ({ damagesContent: false }));

vi.mock('./migrations/index.ts', async (importOriginal) => {
  const original = await importOriginal<typeof MigrationsModule>();
  const notes: Migration = {
    id: 3,
    name: 'notes',
    up(db) {
      db.exec('CREATE TABLE notes (id TEXT PRIMARY KEY, body TEXT NOT NULL)');
      if (migration2.damagesContent) db.exec("UPDATE components SET kind = 'teleporter'");
    },
  };
  return { migrations: [...original.migrations, notes], LATEST_MIGRATION_ID: 3 };
});

let dir: string;
beforeEach(() => {
  dir = makeTempDir();
  migration2.damagesContent = false;
});
afterEach(() => {
  removeTempDir(dir);
});

/** A closed document as the shipped build (migrations 1 and 2) writes it. */
function documentAtShippedLevel(): string {
  const file = path.join(dir, 'old.mlarch');
  createDocumentFile(file, syntheticDesign({ components: 40, connections: 60, seed: 11 })).close();
  const db = new Database(file);
  db.exec('DROP TABLE notes; DELETE FROM migrations WHERE id = 3; PRAGMA user_version = 2;');
  db.close();
  return file;
}

function schemaOf(file: string): { version: unknown; migrations: unknown[]; tables: unknown[] } {
  const db = new Database(file, { readonly: true });
  try {
    return {
      version: db.pragma('user_version', { simple: true }),
      migrations: db.prepare('SELECT id FROM migrations ORDER BY id').pluck().all(),
      tables: db.prepare("SELECT name FROM sqlite_schema WHERE name = 'notes'").pluck().all(),
    };
  } finally {
    db.close();
  }
}

describe('an older document', () => {
  it('is migrated when it opens, with its design intact', () => {
    const file = documentAtShippedLevel();
    expect(schemaOf(file)).toEqual({ version: 2, migrations: [1, 2], tables: [] });
    const doc = openDocumentFile(file, { appVersion: '2.0.0' });
    const design = doc.design;
    expect(design.components).toHaveLength(40);
    doc.close();
    expect(filesIn(dir)).toEqual(['old.mlarch']);
    expect(schemaOf(file)).toEqual({ version: 3, migrations: [1, 2, 3], tables: ['notes'] });
    const reopened = openDocumentFile(file);
    expect(reopened.design).toEqual(design);
    reopened.close();
  });

  it('is migrated with the edits of a stale -wal beside it', () => {
    const file = documentAtShippedLevel();
    withStaleWal(file, "UPDATE meta SET value = '4' WHERE key = 'revision'");
    const doc = openDocumentFile(file);
    expect(doc.revision).toBe(4);
    doc.close();
    expect(filesIn(dir)).toEqual(['old.mlarch']);
    expect(schemaOf(file).version).toBe(3);
  });

  it('whose content the migration leaves invalid is refused, and not a byte of it changes', () => {
    const file = documentAtShippedLevel();
    withStaleWal(file, "UPDATE meta SET value = '4' WHERE key = 'revision'");
    migration2.damagesContent = true;
    const before = folderState(dir);
    expect(() => openDocumentFile(file)).toThrow(
      expect.objectContaining({ name: 'DocumentFileError', code: 'corrupt' }),
    );
    expect(folderState(dir)).toEqual(before);
  });

  it('holding a table that only a later migration creates is refused', () => {
    const file = documentAtShippedLevel();
    const db = new Database(file);
    db.exec('CREATE TABLE notes (id TEXT PRIMARY KEY, body TEXT NOT NULL)');
    db.close();
    const before = folderState(dir);
    let caught: unknown;
    try {
      openDocumentFile(file);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DocumentFileError);
    expect((caught as DocumentFileError).message).toMatch(/table "notes" that MLArch Studio does not create/);
    expect(folderState(dir)).toEqual(before);
  });
});
