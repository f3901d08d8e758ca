import { readFileSync, readdirSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { syntheticDesign } from '../../shared/model/testing/synthetic.ts';
import { createDocumentFile, openDocumentFile } from './document-file.ts';
import { readDocumentSnapshot } from './snapshot.ts';
import { makeTempDir, removeTempDir } from './testing/fixtures.ts';

let dir: string;
beforeEach(() => (dir = makeTempDir()));
afterEach(() => removeTempDir(dir));

const fingerprint = (file: string) => ({
  sha: createHash('sha256').update(readFileSync(file)).digest('hex'),
  mtime: statSync(file).mtimeMs,
  listing: readdirSync(path.dirname(file)).sort(),
});

describe('readDocumentSnapshot', () => {
  it('reads the design without writing a byte or leaving a file behind', () => {
    const file = path.join(dir, 'd.mlarch');
    const design = syntheticDesign({ components: 30, connections: 40, seed: 5 });
    createDocumentFile(file, design).close();
    const before = fingerprint(file);
    const read = readDocumentSnapshot(file);
    expect(read.components).toHaveLength(design.components.length);
    expect(read.meta.name).toBe(design.meta.name);
    expect(fingerprint(file)).toEqual(before);
  });

  it('reads a design that is open in the app as of its last edit, and the app goes on writing', () => {
    const file = path.join(dir, 'open.mlarch');
    const design = syntheticDesign({ components: 5, connections: 4, seed: 1 });
    createDocumentFile(file, design).close();
    const doc = openDocumentFile(file);
    try {
      doc.apply([{ type: 'meta.update', changes: { name: 'Renamed while open' } }]);
      expect(readDocumentSnapshot(file).meta.name).toBe('Renamed while open');
      doc.apply([{ type: 'meta.update', changes: { name: 'Again' } }]);
      expect(doc.revision).toBe(2);
    } finally {
      doc.close();
    }
    expect(readDocumentSnapshot(file).meta.name).toBe('Again');
  });
});
