import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { syntheticDesign } from '../../shared/model/testing/synthetic.ts';
import type { DocumentFileErrorCode } from './index.ts';
import { DocumentFileError, createDocumentFile, openDocumentFile } from './index.ts';
import { filesIn, makeTempDir, removeTempDir, sha256 } from './testing/fixtures.ts';

let dir: string;
beforeEach(() => {
  dir = makeTempDir();
});
afterEach(() => {
  removeTempDir(dir);
});

/** A closed, valid document with enough rows to span many pages. */
function validDocument(name = 'doc.mlarch'): string {
  const file = path.join(dir, name);
  createDocumentFile(file, syntheticDesign({ components: 300, connections: 500, seed: 3 })).close();
  return file;
}

/** Edits a document behind the store's back, as another program would. */
function tamper(file: string, sql: string): void {
  const db = new Database(file);
  db.exec(sql);
  db.close();
}

/** Opens `file`, expects a refusal with `code`, and checks that not a byte changed and no sidecar appeared. */
function expectRefused(file: string, code: DocumentFileErrorCode): DocumentFileError {
  const before = fs.existsSync(file) ? sha256(file) : null;
  const mtime = fs.existsSync(file) ? fs.statSync(file).mtimeMs : null;
  const listing = filesIn(dir);
  let caught: unknown;
  try {
    openDocumentFile(file).close();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(DocumentFileError);
  const error = caught as DocumentFileError;
  expect(error.name).toBe('DocumentFileError');
  expect(error.code).toBe(code);
  expect(error.message).toContain(file);
  if (before !== null) {
    expect(sha256(file)).toBe(before);
    expect(fs.statSync(file).mtimeMs).toBe(mtime);
  }
  expect(filesIn(dir)).toEqual(listing);
  return error;
}

describe('openDocumentFile refuses, without touching the file', () => {
  it('a missing file', () => {
    expect(expectRefused(path.join(dir, 'nowhere.mlarch'), 'not-found').message).toMatch(/does not exist/);
  });

  it('a folder named like a document', () => {
    const folder = path.join(dir, 'folder.mlarch');
    fs.mkdirSync(folder);
    expect(() => openDocumentFile(folder)).toThrow(/it is a folder/);
    expect(fs.readdirSync(folder)).toEqual([]);
    expect(filesIn(dir)).toEqual(['folder.mlarch']);
  });

  // Opening a named pipe for reading blocks until a writer appears: without the stat first, this hangs.
  it.skipIf(process.platform === 'win32')('a named pipe, at once', { timeout: 5_000 }, () => {
    const pipe = path.join(dir, 'pipe.mlarch');
    expect(spawnSync('mkfifo', [pipe]).status).toBe(0);
    // Not expectRefused: hashing a pipe would block the test itself.
    expect(() => openDocumentFile(pipe)).toThrow(/not a regular file/);
    expect(filesIn(dir)).toEqual(['pipe.mlarch']);
  });

  it('an empty file', () => {
    const file = path.join(dir, 'empty.mlarch');
    fs.writeFileSync(file, '');
    expect(expectRefused(file, 'not-sqlite').message).toMatch(/empty/);
  });

  it('a PNG image', () => {
    const file = path.join(dir, 'picture.mlarch');
    const png = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      randomBytes(4000),
    ]);
    fs.writeFileSync(file, png);
    expectRefused(file, 'not-sqlite');
  });

  it('a text file', () => {
    const file = path.join(dir, 'notes.mlarch');
    fs.writeFileSync(file, 'These are my notes about the architecture.\n'.repeat(20));
    expectRefused(file, 'not-sqlite');
  });

  it('a file shorter than an SQLite header', () => {
    const file = path.join(dir, 'short.mlarch');
    fs.writeFileSync(file, 'SQLite format 3\0');
    expectRefused(file, 'not-sqlite');
  });

  it('a truncated document', () => {
    const file = validDocument();
    const size = fs.statSync(file).size;
    fs.truncateSync(file, Math.floor(size / 2 / 4096) * 4096);
    expect(expectRefused(file, 'corrupt').message).toMatch(/truncated/);
  });

  it('a document truncated mid-page', () => {
    const file = validDocument();
    fs.truncateSync(file, fs.statSync(file).size - 1000);
    expectRefused(file, 'corrupt');
  });

  it('a document with a page overwritten with garbage', () => {
    const file = validDocument();
    const bytes = fs.readFileSync(file);
    const pages = bytes.length / 4096;
    const page = Math.floor(pages / 2);
    randomBytes(4096).copy(bytes, page * 4096);
    fs.writeFileSync(file, bytes);
    expect(expectRefused(file, 'corrupt').message).toMatch(/damaged/);
  });

  it('an SQLite database that is not an MLArch document', () => {
    const file = path.join(dir, 'other.db');
    tamper(
      file,
      "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes VALUES (1, 'hi');",
    );
    expectRefused(file, 'not-mlarch');
  });

  it('a foreign SQLite database in WAL mode', () => {
    const file = path.join(dir, 'wal.db');
    tamper(file, 'PRAGMA journal_mode = WAL; CREATE TABLE t (x); INSERT INTO t VALUES (1);');
    expectRefused(file, 'not-mlarch');
  });

  it('a document from a newer schema (user_version)', () => {
    const file = validDocument();
    tamper(file, 'PRAGMA user_version = 7');
    expect(expectRefused(file, 'newer-version').message).toMatch(/newer version of MLArch Studio/);
  });

  it('a document with a migration this build does not know', () => {
    const file = validDocument();
    tamper(file, "INSERT INTO migrations VALUES (3, 'from-the-future', '2030-01-01T00:00:00.000Z')");
    expectRefused(file, 'newer-version');
  });

  it('a document of a newer format version', () => {
    const file = validDocument();
    tamper(file, "UPDATE meta SET value = '99' WHERE key = 'format_version'");
    expectRefused(file, 'newer-version');
  });

  it('a document whose migration history differs from this build', () => {
    const file = validDocument();
    tamper(file, "UPDATE migrations SET name = 'something-else' WHERE id = 1");
    expectRefused(file, 'corrupt');
  });

  it('a document with a dangling reference', () => {
    const file = validDocument();
    tamper(file, "UPDATE connections SET target_id = 'c_gone' WHERE id = (SELECT min(id) FROM connections)");
    expect(expectRefused(file, 'corrupt').message).toMatch(/connections\[0\]/);
  });

  it('a document with an unknown component kind', () => {
    const file = validDocument();
    tamper(file, "UPDATE components SET kind = 'teleporter' WHERE id = (SELECT max(id) FROM components)");
    expectRefused(file, 'corrupt');
  });

  it('a document with an attribute of the wrong type', () => {
    const file = validDocument();
    tamper(
      file,
      `UPDATE components SET attributes = json_set(attributes, '$.' || (SELECT key FROM json_each(attributes) LIMIT 1), json('{"a":1}'))
                  WHERE id = (SELECT max(id) FROM components)`,
    );
    expectRefused(file, 'corrupt');
  });

  it('a document with malformed JSON in a row', () => {
    const file = validDocument();
    tamper(
      file,
      "UPDATE components SET attributes = '{not json' WHERE id = (SELECT min(id) FROM components)",
    );
    expect(expectRefused(file, 'corrupt').message).toMatch(/JSON/);
  });

  it('a document without its tables', () => {
    const file = validDocument();
    tamper(file, 'DROP TABLE components');
    expectRefused(file, 'corrupt');
  });
});

describe('a document open elsewhere', () => {
  it('is refused as locked in the same process', () => {
    const file = validDocument();
    const first = openDocumentFile(file);
    expect(() => openDocumentFile(file)).toThrow(expect.objectContaining({ code: 'locked' }));
    expect(first.apply([{ type: 'meta.update', changes: { name: 'Still mine' } }])).toBe(1);
    first.close();
    expect(filesIn(dir)).toEqual(['doc.mlarch']);
  });

  it('is refused as locked in another process, which creates no files', () => {
    const file = validDocument();
    const first = openDocumentFile(file);
    const listing = filesIn(dir);
    const script = `
      import { openDocumentFile } from ${JSON.stringify(new URL('./index.ts', import.meta.url).href)};
      try { openDocumentFile(${JSON.stringify(file)}); console.log('opened'); }
      catch (error) { console.log(error.name + ':' + error.code); }`;
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(child.stderr).toBe('');
    expect(child.stdout.trim()).toBe('DocumentFileError:locked');
    expect(filesIn(dir)).toEqual(listing);
    first.close();
  });
});
