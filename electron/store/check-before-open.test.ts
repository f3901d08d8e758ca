import Database from 'better-sqlite3';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { syntheticDesign } from '../../shared/model/testing/synthetic.ts';
import { checkBeforeOpen, confirmUnchanged } from './check-before-open.ts';
import { createDocumentFile, openDocumentFile } from './document-file.ts';
import { inspectHeader } from './header.ts';
import { makeTempDir, removeTempDir, withStaleWal } from './testing/fixtures.ts';

/*
 * The check runs on one connection (or a private copy) and the writing connection opens afterwards: nothing
 * another program does in between may slip through.
 */

let dir: string;
beforeEach(() => {
  dir = makeTempDir();
});
afterEach(() => {
  removeTempDir(dir);
});

function validDocument(): string {
  const file = path.join(dir, 'doc.mlarch');
  createDocumentFile(file, syntheticDesign({ components: 20, connections: 30, seed: 9 })).close();
  return file;
}

/** A connection like the one openDocumentFile writes with, before its first read. */
function writingConnection(file: string): Database.Database {
  const db = new Database(file, { fileMustExist: true, timeout: 0 });
  db.pragma('locking_mode = EXCLUSIVE');
  return db;
}

describe('checkBeforeOpen', () => {
  it('on a closed document, holds its read lock until released: no other program can write meanwhile', () => {
    const file = validDocument();
    const checked = checkBeforeOpen(file, inspectHeader(file));
    const other = new Database(file, { timeout: 0 });
    const write = () => other.exec("UPDATE meta SET value = '9.9.9' WHERE key = 'app_version'");
    expect(write).toThrow(expect.objectContaining({ code: 'SQLITE_BUSY' }));
    checked.release();
    write();
    other.close();
  });

  it('on a private copy, confirms that the file still has the revision that was checked', () => {
    const file = validDocument();
    withStaleWal(file, "UPDATE meta SET value = '3' WHERE key = 'revision'");
    const checked = checkBeforeOpen(file, inspectHeader(file));
    checked.release();
    expect(checked.content.revision).toBe(3);
    // Another window opens it, edits and closes it before our writing connection takes the lock.
    const elsewhere = openDocumentFile(file);
    elsewhere.apply([{ type: 'meta.update', changes: { name: 'Changed elsewhere' } }]);
    elsewhere.close();
    const db = writingConnection(file);
    expect(() => confirmUnchanged(db, file, checked)).toThrow(expect.objectContaining({ code: 'locked' }));
    db.close();
  });

  it('confirms that the file still has the schema that was checked', () => {
    const file = validDocument();
    withStaleWal(file, "UPDATE meta SET value = 'x' WHERE key = 'app_version'");
    const checked = checkBeforeOpen(file, inspectHeader(file));
    checked.release();
    const sneaky = new Database(file);
    sneaky.exec('CREATE TRIGGER wipe AFTER UPDATE ON meta BEGIN DELETE FROM components; END;');
    sneaky.close();
    const db = writingConnection(file);
    expect(() => confirmUnchanged(db, file, checked)).toThrow(/trigger "wipe"/);
    db.close();
  });
});
