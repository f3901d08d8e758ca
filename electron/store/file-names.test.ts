import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { syntheticDesign } from '../../shared/model/testing/synthetic.ts';
import { writeFailure } from './errors.ts';
import { removeTemp, tempPathBeside } from './files.ts';
import { DocumentFileError, createDocumentFile, openDocumentFile } from './index.ts';
import { filesIn, makeTempDir, removeTempDir } from './testing/fixtures.ts';

/*
 * File names up to 255 bytes are legal on the common file systems (ext4, APFS, NTFS): a document must be
 * creatable and savable under any of them, and a longer one refused with a message that says so.
 */

let dir: string;
beforeEach(() => {
  dir = makeTempDir();
});
afterEach(() => {
  removeTempDir(dir);
});

const design = () => syntheticDesign({ components: 10, connections: 12, seed: 4 });

/** A name of exactly `bytes` bytes in UTF-8, ending in .mlarch, with some two-byte characters in it. */
function nameOf(bytes: number): string {
  const stem = 'é'.repeat(20) + 'x'.repeat(bytes - '.mlarch'.length - 40);
  const name = `${stem}.mlarch`;
  expect(Buffer.byteLength(name)).toBe(bytes);
  return name;
}

function caught(action: () => unknown): DocumentFileError {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(DocumentFileError);
    return error as DocumentFileError;
  }
  throw new Error('expected a DocumentFileError');
}

describe('long file names', () => {
  it('a 255-byte name gets a temp name that fits beside it', () => {
    const temp = tempPathBeside(path.join(dir, nameOf(255)));
    expect(path.dirname(temp)).toBe(dir);
    expect(Buffer.byteLength(`${path.basename(temp)}-journal`)).toBeLessThanOrEqual(32);
  });

  it('create, edit, copyTo, close and reopen work with 250- and 251-byte names', () => {
    const file = path.join(dir, nameOf(250));
    const doc = createDocumentFile(file, design());
    doc.apply([{ type: 'meta.update', changes: { name: 'Long' } }]);
    const copy = path.join(dir, nameOf(251));
    doc.copyTo(copy);
    doc.close();
    expect(filesIn(dir)).toEqual([path.basename(file), path.basename(copy)].sort());
    // Closed in rollback-journal mode (header byte 18 is 1), like any document.
    expect(fs.readFileSync(file)[18]).toBe(1);
    for (const name of [file, copy]) {
      const reopened = openDocumentFile(name);
      expect(reopened.design.meta.name).toBe('Long');
      reopened.close();
    }
  });

  it('a 250-byte document keeps the edits of a killed writer', () => {
    const file = path.join(dir, nameOf(250));
    const doc = createDocumentFile(file, design());
    doc.apply([{ type: 'meta.update', changes: { name: 'Committed' } }]);
    const killed = path.join(dir, `k${nameOf(249)}`);
    fs.copyFileSync(file, killed);
    fs.copyFileSync(`${file}-wal`, `${killed}-wal`);
    doc.close();
    const reopened = openDocumentFile(killed);
    expect(reopened.revision).toBe(1);
    expect(reopened.design.meta.name).toBe('Committed');
    reopened.close();
    expect(filesIn(dir)).toEqual([path.basename(file), path.basename(killed)].sort());
  });

  it('a 252-255-byte name, whose -wal would be too long, is refused before anything is written', () => {
    const long = path.join(dir, nameOf(255));
    const created = caught(() => createDocumentFile(long, design()));
    expect(created.code).toBe('name-too-long');
    expect(created.message).toContain('The file name is too long for a document: 255 bytes.');
    const doc = createDocumentFile(path.join(dir, 'short.mlarch'), design());
    expect(caught(() => doc.copyTo(path.join(dir, nameOf(252)))).code).toBe('name-too-long');
    doc.close();
    expect(filesIn(dir)).toEqual(['short.mlarch']);
    // One renamed by hand is refused at open, before SQLite would switch it to WAL and then fail.
    const renamed = path.join(dir, nameOf(253));
    fs.renameSync(path.join(dir, 'short.mlarch'), renamed);
    const bytes = fs.readFileSync(renamed);
    const opened = caught(() => openDocumentFile(renamed));
    expect(opened.message).toMatch(
      /Rename the file to a shorter name, then open it\. The file was not changed\.$/,
    );
    expect(fs.readFileSync(renamed).equals(bytes)).toBe(true);
    expect(filesIn(dir)).toEqual([path.basename(renamed)]);
  });

  it('a 300-byte name is refused by name, by create and by copyTo, leaving nothing behind', () => {
    const long = path.join(dir, nameOf(300));
    const created = caught(() => createDocumentFile(long, design()));
    expect(created.code).toBe('name-too-long');
    expect(created.message).toContain(
      'The file name is too long: 300 bytes, at most 255. Choose a shorter name.',
    );
    expect(filesIn(dir)).toEqual([]);

    const doc = createDocumentFile(path.join(dir, 'short.mlarch'), design());
    const copied = caught(() => doc.copyTo(long));
    expect(copied.code).toBe('name-too-long');
    expect(copied.message).toMatch(/^Cannot save a copy as ".*"\. The file name is too long: 300 bytes/);
    doc.close();
    expect(filesIn(dir)).toEqual(['short.mlarch']);
  });

  it('a path too long for the file system with a legal name is told apart', () => {
    const error = writeFailure(
      'save a copy as',
      '/deep/folders/plan.mlarch',
      Object.assign(new Error('ENAMETOOLONG: name too long'), { code: 'ENAMETOOLONG' }),
    );
    expect(error.code).toBe('name-too-long');
    expect(error.message).toMatch(
      /path is too long .*Choose a shorter name or a folder with a shorter path\./,
    );
  });
});

describe('removeTemp', () => {
  it('never throws, even on a path it cannot remove', () => {
    const folder = path.join(dir, 'not-a-file.tmp');
    fs.mkdirSync(folder);
    fs.writeFileSync(path.join(folder, 'inside'), 'x');
    expect(() => removeTemp(folder)).not.toThrow();
    expect(fs.existsSync(path.join(folder, 'inside'))).toBe(true);
    expect(() => removeTemp(path.join(dir, nameOf(300)))).not.toThrow();
  });
});
