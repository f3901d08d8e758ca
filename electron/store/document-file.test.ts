import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { serializeDesign } from '../../shared/model/canonical.ts';
import { ENTITY_COLLECTIONS, type Design } from '../../shared/model/document.ts';
import {
  createComponent,
  createConnection,
  createDecision,
  createRisk,
  createScenario,
  createSnapshot,
} from '../../shared/model/factory.ts';
import type { Operation } from '../../shared/model/operations.ts';
import { OperationError } from '../../shared/model/operations.ts';
import { syntheticDesign } from '../../shared/model/testing/synthetic.ts';
import type * as ContentModule from './content.ts';
import { DocumentFileError, MLARCH_APPLICATION_ID, createDocumentFile, openDocumentFile } from './index.ts';
import { filesIn, makeTempDir, removeTempDir, sha256 } from './testing/fixtures.ts';

// A row named 'boom' fails to write, standing in for a disk error in the middle of an apply's transaction
// (a trigger used to do this, but the store now refuses files with triggers). Every other row is written.
vi.mock('./content.ts', async (importOriginal) => {
  const original = await importOriginal<typeof ContentModule>();
  const writeEntity: typeof original.writeEntity = (statements, key, entity) => {
    if ((entity as { name?: unknown }).name === 'boom') {
      throw Object.assign(new Error('simulated write failure'), { code: 'SQLITE_IOERR_WRITE' });
    }
    original.writeEntity(statements, key, entity);
  };
  return { ...original, writeEntity };
});

let dir: string;
beforeEach(() => {
  dir = makeTempDir();
});
afterEach(() => {
  removeTempDir(dir);
});

const design = (): Design => syntheticDesign({ components: 120, connections: 200, seed: 42 });

/** True when every entity collection is in id order. */
function inIdOrder(d: Design): boolean {
  return ENTITY_COLLECTIONS.every((key) =>
    d[key].every((e, i, all) => i === 0 || (all[i - 1] as { id: string }).id < e.id),
  );
}

/** A mix of operations touching every collection. */
function mixedOps(d: Design): Operation[] {
  const scenarioId = d.scenarios[0]?.id ?? '';
  const [a, b] = d.components.filter((c) => c.kind !== 'region' && c.size === null);
  if (!a || !b) throw new Error('fixture has too few components');
  const added = createComponent({ scenarioId, kind: 'vector-db', position: { x: 10, y: 20 } });
  const removedConnection = d.connections[0];
  if (!removedConnection) throw new Error('fixture has no connections');
  return [
    {
      type: 'component.update',
      id: a.id,
      changes: { position: { x: 1.5, y: -2.25 }, name: 'Moved and renamed' },
    },
    { type: 'component.add', component: added },
    {
      type: 'connection.add',
      connection: createConnection({ scenarioId, sourceId: b.id, targetId: added.id }),
    },
    { type: 'connection.remove', id: removedConnection.id },
    { type: 'scenario.add', scenario: createScenario({ name: 'Option B' }) },
    { type: 'decision.add', decision: createDecision({ title: 'Use a vector database' }) },
    {
      type: 'risk.add',
      risk: createRisk({ findingId: 'spof@c_0000001', status: 'accepted', owner: 'ml-platform' }),
    },
    { type: 'meta.update', changes: { description: 'Edited in a test.' } },
  ];
}

describe('createDocumentFile / openDocumentFile', () => {
  it('round-trips a design through create, close and reopen', () => {
    const file = path.join(dir, 'a.mlarch');
    const original = design();
    const created = createDocumentFile(file, original);
    expect(created.revision).toBe(0);
    expect(created.path).toBe(file);
    expect(created.design).toEqual(original);
    created.close();
    expect(filesIn(dir)).toEqual(['a.mlarch']);
    const reopened = openDocumentFile(file);
    expect(reopened.design).toEqual(original);
    expect(reopened.revision).toBe(0);
    reopened.close();
  });

  it('persists applies: revision +1 each, memory equals the file after reopen', () => {
    const file = path.join(dir, 'b.mlarch');
    const doc = createDocumentFile(file, design());
    expect(doc.apply(mixedOps(doc.design))).toBe(1);
    const removable = doc.design.components.find(
      (c) => c.name === 'Vector database' || c.kind === 'vector-db',
    );
    expect(removable).toBeDefined();
    const removeOps: Operation[] = doc.design.connections
      .filter((e) => e.sourceId === removable?.id || e.targetId === removable?.id)
      .map((e): Operation => ({ type: 'connection.remove', id: e.id }));
    removeOps.push({ type: 'component.remove', id: removable?.id ?? '' });
    expect(doc.apply(removeOps)).toBe(2);
    expect(doc.revision).toBe(2);
    expect(inIdOrder(doc.design)).toBe(true);
    const inMemory = doc.design;
    doc.close();
    const reopened = openDocumentFile(file);
    expect(reopened.revision).toBe(2);
    expect(reopened.design).toEqual(inMemory);
    reopened.close();
  });

  it('persists snapshots added, renamed and removed through operations', () => {
    const file = path.join(dir, 's.mlarch');
    const doc = createDocumentFile(file, design());
    const content = serializeDesign({ ...doc.design, snapshots: [] });
    const first = createSnapshot({ name: 'Before review', content, note: 'baseline' });
    const second = createSnapshot({ name: 'Scratch', content });
    doc.apply([
      { type: 'snapshot.add', snapshot: first },
      { type: 'snapshot.add', snapshot: second },
    ]);
    doc.apply([
      { type: 'snapshot.update', id: first.id, changes: { name: 'After review' } },
      { type: 'snapshot.remove', id: second.id },
    ]);
    doc.close();
    const reopened = openDocumentFile(file);
    expect(reopened.design.snapshots).toEqual([{ ...first, name: 'After review' }]);
    expect(reopened.design.snapshots[0]?.content).toBe(content);
    reopened.close();
  });

  it('refuses to create over an existing file, leaving it untouched', () => {
    const file = path.join(dir, 'taken.mlarch');
    fs.writeFileSync(file, 'precious');
    expect(() => createDocumentFile(file, design())).toThrow(expect.objectContaining({ code: 'exists' }));
    expect(fs.readFileSync(file, 'utf8')).toBe('precious');
    expect(filesIn(dir)).toEqual(['taken.mlarch']);
  });

  it('refuses to create an invalid design and writes nothing', () => {
    const bad = design();
    const file = path.join(dir, 'bad.mlarch');
    const broken = {
      ...bad,
      connections: [{ ...(bad.connections[0] as Design['connections'][number]), targetId: 'c_missing' }],
    };
    expect(() => createDocumentFile(file, broken)).toThrow(DocumentFileError);
    expect(filesIn(dir)).toEqual([]);
  });

  it('records the migrations, application id and user_version', () => {
    const file = path.join(dir, 'm.mlarch');
    createDocumentFile(file, design(), { appVersion: '1.2.3' }).close();
    const db = new Database(file, { readonly: true });
    expect(db.prepare('SELECT id, name FROM migrations').all()).toEqual([
      { id: 1, name: 'initial' },
      { id: 2, name: 'request-paths' },
    ]);
    expect(db.pragma('application_id', { simple: true })).toBe(MLARCH_APPLICATION_ID);
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    expect(db.prepare("SELECT value FROM meta WHERE key = 'app_version'").pluck().get()).toBe('1.2.3');
    expect(db.prepare("SELECT value FROM meta WHERE key = 'format_version'").pluck().get()).toBe('2');
    expect(db.prepare("SELECT value FROM meta WHERE key = 'catalog_version'").pluck().get()).toBe('2');
    db.close();
  });
});

describe('apply failures', () => {
  it('leaves memory and file unchanged when an operation is refused', () => {
    const file = path.join(dir, 'c.mlarch');
    const doc = createDocumentFile(file, design());
    const before = doc.design;
    const target = before.components[1]?.id ?? '';
    const ops: Operation[] = [
      { type: 'component.update', id: target, changes: { name: 'Should not stick' } },
      { type: 'component.remove', id: 'c_does_not_exist' },
    ];
    expect(() => doc.apply(ops)).toThrow(OperationError);
    expect(doc.design).toBe(before);
    expect(doc.revision).toBe(0);
    doc.close();
    const reopened = openDocumentFile(file);
    expect(reopened.design).toEqual(before);
    expect(reopened.revision).toBe(0);
    reopened.close();
  });

  it('rolls back the whole transaction when SQLite fails mid-apply', () => {
    const file = path.join(dir, 'd.mlarch');
    createDocumentFile(file, design()).close();
    const doc = openDocumentFile(file);
    const before = doc.design;
    const target = before.components[1]?.id ?? '';
    const scenarioId = before.scenarios[0]?.id ?? '';
    const ops: Operation[] = [
      { type: 'component.update', id: target, changes: { position: { x: 999, y: 999 } } },
      {
        type: 'component.add',
        component: createComponent({ scenarioId, kind: 'cache', name: 'boom', position: { x: 0, y: 0 } }),
      },
    ];
    expect(() => doc.apply(ops)).toThrow(expect.objectContaining({ name: 'DocumentFileError', code: 'io' }));
    expect(doc.design).toBe(before);
    expect(doc.revision).toBe(0);
    // The file stays usable after the failure.
    expect(doc.apply([ops[0] as Operation])).toBe(1);
    doc.close();
    const reopened = openDocumentFile(file);
    expect(reopened.revision).toBe(1);
    expect(reopened.design.components.some((c) => c.name === 'boom')).toBe(false);
    expect(reopened.design.components.find((c) => c.id === target)?.position).toEqual({ x: 999, y: 999 });
    reopened.close();
  });

  it('refuses to work on a closed document', () => {
    const doc = createDocumentFile(path.join(dir, 'e.mlarch'), design());
    doc.close();
    doc.close();
    expect(() => doc.apply([{ type: 'meta.update', changes: { name: 'Late' } }])).toThrow(DocumentFileError);
  });
});

describe('close and copyTo', () => {
  it('leaves one file in rollback-journal mode after close', () => {
    const file = path.join(dir, 'one.mlarch');
    const doc = createDocumentFile(file, design());
    doc.apply(mixedOps(doc.design));
    expect(filesIn(dir)).toEqual(['one.mlarch', 'one.mlarch-wal']);
    doc.close();
    expect(filesIn(dir)).toEqual(['one.mlarch']);
    const header = fs.readFileSync(file).subarray(18, 20);
    expect([...header]).toEqual([1, 1]);
  });

  it('writes a complete single-file copy and refuses to overwrite unless told to', () => {
    const file = path.join(dir, 'source.mlarch');
    const copy = path.join(dir, 'copy.mlarch');
    const doc = createDocumentFile(file, design());
    doc.apply(mixedOps(doc.design));
    doc.copyTo(copy);
    expect(filesIn(dir)).toEqual(['copy.mlarch', 'source.mlarch', 'source.mlarch-wal']);
    const opened = openDocumentFile(copy);
    expect(opened.design).toEqual(doc.design);
    expect(opened.revision).toBe(1);
    opened.close();

    const copyHash = sha256(copy);
    expect(() => doc.copyTo(copy)).toThrow(expect.objectContaining({ code: 'exists' }));
    expect(sha256(copy)).toBe(copyHash);
    expect(() => doc.copyTo(file, { overwrite: true })).toThrow(expect.objectContaining({ code: 'exists' }));
    // Another name for the same file (a hard link here; a differently cased name on macOS and Windows).
    const alias = path.join(dir, 'alias.mlarch');
    fs.linkSync(file, alias);
    expect(() => doc.copyTo(alias, { overwrite: true })).toThrow(expect.objectContaining({ code: 'exists' }));
    fs.unlinkSync(alias);

    doc.apply([{ type: 'meta.update', changes: { name: 'Second version' } }]);
    doc.copyTo(copy, { overwrite: true });
    doc.close();
    const replaced = openDocumentFile(copy);
    expect(replaced.design.meta.name).toBe('Second version');
    replaced.close();
    expect(filesIn(dir)).toEqual(['copy.mlarch', 'source.mlarch']);
  });

  it('reports a copy into a missing folder as an io error and leaves nothing behind', () => {
    const doc = createDocumentFile(path.join(dir, 'f.mlarch'), design());
    expect(() => doc.copyTo(path.join(dir, 'missing', 'x.mlarch'))).toThrow(
      expect.objectContaining({ code: 'io' }),
    );
    doc.close();
    expect(filesIn(dir)).toEqual(['f.mlarch']);
  });
});
