import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { syntheticDesign } from '../../shared/model/testing/synthetic.ts';
import type { Operation } from '../../shared/model/operations.ts';
import type { DocumentFileErrorCode } from './index.ts';
import { DocumentFileError, createDocumentFile, openDocumentFile } from './index.ts';
import { filesIn, folderState, makeTempDir, removeTempDir, withStaleWal } from './testing/fixtures.ts';

/*
 * Files crafted or left behind by another program: a schema with objects our migrations do not create, and
 * -wal files beside a file that must be refused. Each refusal must leave the folder exactly as it was
 * (every file's bytes and modification time, no new sidecar) and nothing in the temp folder.
 */

let dir: string;
let privateTemp: string;
const savedTemp = { TMPDIR: process.env.TMPDIR, TEMP: process.env.TEMP, TMP: process.env.TMP };
beforeEach(() => {
  dir = makeTempDir();
  // The store checks some files on a private copy in the OS temp folder: give it one we can watch.
  privateTemp = makeTempDir('mlarch-private-temp-');
  process.env.TMPDIR = process.env.TEMP = process.env.TMP = privateTemp;
});
afterEach(() => {
  for (const [key, value] of Object.entries(savedTemp)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  removeTempDir(dir);
  removeTempDir(privateTemp);
});

/** A closed, valid document. */
function validDocument(name = 'doc.mlarch'): string {
  const file = path.join(dir, name);
  createDocumentFile(file, syntheticDesign({ components: 60, connections: 90, seed: 5 })).close();
  return file;
}

/** Changes a document behind the store's back, as another program would (leaving it one closed file). */
function tamper(file: string, sql: string): void {
  const db = new Database(file);
  db.exec(sql);
  db.close();
}

/** Opens `file`, expects a refusal with `code`, and checks that the folder and the temp folder are as before. */
function expectRefused(file: string, code: DocumentFileErrorCode): string {
  const before = folderState(dir);
  let caught: unknown;
  try {
    openDocumentFile(file).close();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(DocumentFileError);
  const error = caught as DocumentFileError;
  expect(error.code).toBe(code);
  expect(error.message).toContain(file);
  expect(error.message).toContain('The file was not changed.');
  expect(folderState(dir)).toEqual(before);
  expect(filesIn(privateTemp)).toEqual([]);
  return error.message;
}

const A_COMPONENT = '(SELECT min(id) FROM components)';

describe('a schema this build did not create is refused before anything runs', () => {
  it('a trigger (one that deletes components on every edit)', () => {
    const file = validDocument();
    tamper(file, 'CREATE TRIGGER wipe AFTER UPDATE ON meta BEGIN DELETE FROM components; END;');
    expect(expectRefused(file, 'corrupt')).toMatch(/trigger "wipe" that MLArch Studio does not create/);
  });

  it('a view standing in for one of our tables', () => {
    const file = validDocument();
    tamper(
      file,
      `DROP TABLE decisions;
       CREATE VIEW decisions (id, data) AS
         WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100000)
         SELECT 'd_' || i, '{}' FROM n;`,
    );
    const message = expectRefused(file, 'corrupt');
    expect(message).toMatch(/view "decisions" that MLArch Studio does not create/);
    expect(message).toMatch(/and 2 more differences/); // the table and its primary-key index are missing
  });

  it('an extra index', () => {
    const file = validDocument();
    tamper(file, 'CREATE INDEX components_by_name ON components (name)');
    expect(expectRefused(file, 'corrupt')).toMatch(/index "components_by_name"/);
  });

  it('a table with an extra column', () => {
    const file = validDocument();
    tamper(file, "ALTER TABLE components ADD COLUMN note TEXT NOT NULL DEFAULT ''");
    expect(expectRefused(file, 'corrupt')).toMatch(
      /table "components" differs from the one MLArch Studio creates/,
    );
  });

  it('an extra table', () => {
    const file = validDocument();
    tamper(file, 'CREATE TABLE notes (body TEXT)');
    expect(expectRefused(file, 'corrupt')).toMatch(/table "notes"/);
  });

  it('a missing index', () => {
    const file = validDocument();
    tamper(file, 'DROP INDEX connections_by_target');
    expect(expectRefused(file, 'corrupt')).toMatch(/index "connections_by_target" is missing/);
  });
});

describe('a refused file in WAL mode: file, -wal and folder stay as they were', () => {
  it('a trigger that only the -wal holds', () => {
    const file = validDocument();
    withStaleWal(file, 'CREATE TRIGGER wipe AFTER UPDATE ON meta BEGIN DELETE FROM components; END;');
    expect(filesIn(dir)).toEqual(['doc.mlarch', 'doc.mlarch-wal']);
    expect(expectRefused(file, 'corrupt')).toMatch(/trigger "wipe"/);
  });

  it('a newer schema version that only the -wal holds', () => {
    const file = validDocument();
    withStaleWal(file, 'PRAGMA user_version = 7');
    expect(expectRefused(file, 'newer-version')).toMatch(/schema 7/);
  });

  it('invalid content that only the -wal holds', () => {
    const file = validDocument();
    withStaleWal(file, `UPDATE components SET kind = 'teleporter' WHERE id = ${A_COMPONENT}`);
    expectRefused(file, 'corrupt');
  });

  it('a foreign database that only the -wal makes foreign', () => {
    const file = validDocument();
    withStaleWal(file, 'PRAGMA application_id = 7');
    expectRefused(file, 'not-mlarch');
  });

  it('a file in WAL mode whose -wal is gone', () => {
    const file = validDocument();
    // Closing a WAL connection checkpoints and deletes the -wal; the header stays in WAL mode.
    tamper(file, 'PRAGMA journal_mode = WAL; CREATE VIEW v AS SELECT 1;');
    expect(filesIn(dir)).toEqual(['doc.mlarch']);
    expect(fs.readFileSync(file)[18]).toBe(2);
    expect(expectRefused(file, 'corrupt')).toMatch(/view "v"/);
  });
});

describe('an accepted file with a -wal from a killed writer', () => {
  it('opens with every committed edit, and leaves one file when closed', () => {
    const file = validDocument();
    const killed = path.join(dir, 'killed.mlarch');
    const doc = openDocumentFile(file);
    const name = (i: number): Operation => ({ type: 'meta.update', changes: { name: `Edit ${i}` } });
    for (let i = 1; i <= 5; i++) doc.apply([name(i)]);
    // What a SIGKILL leaves: the file and its -wal as they are now (the writer never checkpoints again).
    fs.copyFileSync(file, killed);
    fs.copyFileSync(`${file}-wal`, `${killed}-wal`);
    const committed = doc.design;
    doc.close();
    expect(fs.statSync(`${killed}-wal`).size).toBeGreaterThan(0);

    const reopened = openDocumentFile(killed);
    expect(reopened.revision).toBe(5);
    expect(reopened.design).toEqual(committed);
    expect(reopened.apply([name(6)])).toBe(6);
    reopened.close();
    expect(filesIn(dir)).toEqual(['doc.mlarch', 'killed.mlarch']);
    expect(filesIn(privateTemp)).toEqual([]);
    const again = openDocumentFile(killed);
    expect(again.revision).toBe(6);
    expect(again.design.meta.name).toBe('Edit 6');
    again.close();
  });
});
