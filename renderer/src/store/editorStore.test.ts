import { describe, expect, it } from 'vitest';
import { addComponentOps, createEmptyDesign, renameComponentOp } from '../../../shared/model/index.ts';
import type { Design, Operation } from '../../../shared/model/index.ts';
import { createEditorStore } from './editorStore.ts';
import type { EditorHost } from './editorStore.ts';

/** A host that records calls and answers when the test says so. */
function fakeHost() {
  const calls: Operation[][] = [];
  const answers: { resolve: (r: { revision: number }) => void; reject: (e: Error) => void }[] = [];
  const host: EditorHost = {
    apply: (_docId, ops) => {
      calls.push(ops);
      return new Promise((resolve, reject) => answers.push({ resolve, reject }));
    },
  };
  return { host, calls, answers };
}

function openStore() {
  const fake = fakeHost();
  const store = createEditorStore(fake.host);
  const design = createEmptyDesign({ name: 'Test', now: new Date('2026-01-01T00:00:00Z') });
  store.getState().load({ docId: 'doc1', path: '/tmp/test.mlarch', revision: 1, design });
  const scenarioId = design.scenarios[0]!.id;
  const add = (d: Design, name: string) =>
    addComponentOps(d, { scenarioId, kind: 'cache', name, position: { x: 0, y: 0 } });
  return { store, fake, add };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('editor store', () => {
  it('applies an edit at once, writes it once, and confirms it', async () => {
    const { store, fake, add } = openStore();
    expect(store.getState().edit('Add', add(store.getState().design!, 'A'))).toBe(true);
    expect(store.getState().design!.components.map((c) => c.name)).toEqual(['A']);
    expect(store.getState().pending).toBe(1);
    await flush();
    expect(fake.calls).toHaveLength(1);
    fake.answers[0]!.resolve({ revision: 2 });
    await store.getState().whenIdle();
    expect(store.getState().confirmed).toBe(store.getState().design);
    expect(store.getState().doc!.revision).toBe(2);
    expect(store.getState().pending).toBe(0);
  });

  it('sends writes one at a time, in order', async () => {
    const { store, fake, add } = openStore();
    store.getState().edit('Add', add(store.getState().design!, 'A'));
    store.getState().edit('Add', add(store.getState().design!, 'B'));
    await flush();
    expect(fake.calls).toHaveLength(1);
    fake.answers[0]!.resolve({ revision: 2 });
    await flush();
    expect(fake.calls).toHaveLength(2);
    fake.answers[1]!.resolve({ revision: 3 });
    await store.getState().whenIdle();
    expect(store.getState().doc!.revision).toBe(3);
  });

  it('holds off edits, undo and redo while the document is being switched (Save As, open, close)', async () => {
    const { store, fake, add } = openStore();
    store.getState().edit('Add', add(store.getState().design!, 'A'));
    await flush();
    fake.answers[0]!.resolve({ revision: 2 });
    await store.getState().whenIdle();
    const before = store.getState().design;
    store.getState().setSwitching(true);
    expect(store.getState().edit('Add', add(before!, 'B'))).toBe(false);
    store.getState().undo();
    expect(store.getState().design).toBe(before);
    expect(store.getState().pending).toBe(0);
    await flush();
    expect(fake.calls).toHaveLength(1);
    store.getState().setSwitching(false);
    expect(store.getState().edit('Add', add(before!, 'B'))).toBe(true);
  });

  it('undoes and redoes through the same path', async () => {
    const { store, fake, add } = openStore();
    store.getState().edit('Add', add(store.getState().design!, 'A'));
    const id = store.getState().design!.components[0]!.id;
    store.getState().edit('Rename', [renameComponentOp(id, 'B')]);
    store.getState().undo();
    expect(store.getState().design!.components[0]!.name).toBe('A');
    store.getState().undo();
    expect(store.getState().design!.components).toHaveLength(0);
    store.getState().redo();
    store.getState().redo();
    expect(store.getState().design!.components[0]!.name).toBe('B');
    expect(store.getState().history.redo).toHaveLength(0);
    for (let i = 0; i < 6; i++) {
      await flush();
      fake.answers[i]?.resolve({ revision: i + 2 });
    }
    await store.getState().whenIdle();
    expect(fake.calls).toHaveLength(6);
    expect(store.getState().confirmed).toBe(store.getState().design);
  });

  it('rolls back to the confirmed design and history when a write fails, dropping later writes', async () => {
    const { store, fake, add } = openStore();
    store.getState().edit('Add', add(store.getState().design!, 'A'));
    await flush();
    fake.answers[0]!.resolve({ revision: 2 });
    await store.getState().whenIdle();
    const confirmed = store.getState().design;
    store.getState().edit('Add', add(store.getState().design!, 'B'));
    store.getState().edit('Add', add(store.getState().design!, 'C'));
    await flush();
    fake.answers[1]!.reject(new Error('Disk full.'));
    await store.getState().whenIdle();
    await flush();
    expect(store.getState().design).toBe(confirmed);
    expect(store.getState().history.undo).toHaveLength(1);
    expect(store.getState().error).toContain('Disk full.');
    expect(fake.calls).toHaveLength(2);
    expect(store.getState().pending).toBe(0);
  });

  it('refuses an operation the design cannot take without recording or sending it', async () => {
    const { store, fake } = openStore();
    expect(store.getState().edit('Rename', [renameComponentOp('c_missing', 'X')])).toBe(false);
    expect(store.getState().error).toBeTruthy();
    expect(store.getState().history.undo).toHaveLength(0);
    await flush();
    expect(fake.calls).toHaveLength(0);
  });

  it('ignores a late answer for the previous document: no rollback, and pending never drops below zero', async () => {
    const { store, fake, add } = openStore();
    store.getState().edit('Add', add(store.getState().design!, 'A'));
    await flush();
    const other = createEmptyDesign({ name: 'Other', now: new Date('2026-01-01T00:00:00Z') });
    store.getState().load({ docId: 'doc2', path: '/tmp/other.mlarch', revision: 1, design: other });
    expect(store.getState().pending).toBe(0);
    const scenarioId = other.scenarios[0]!.id;
    const position = { x: 0, y: 0 };
    store.getState().edit('Add', addComponentOps(other, { scenarioId, kind: 'cache', name: 'B', position }));
    fake.answers[0]!.reject(new Error('Disk full.'));
    await flush();
    expect(store.getState().error).toBeNull();
    expect(store.getState().design!.components.map((c) => c.name)).toEqual(['B']);
    expect(store.getState().pending).toBe(1);
    fake.answers[1]!.resolve({ revision: 2 });
    await store.getState().whenIdle();
    expect(store.getState().pending).toBe(0);
    expect(store.getState().doc).toEqual({ docId: 'doc2', path: '/tmp/other.mlarch', revision: 2 });
  });

  it('counts writes made after a rollback from zero and sends them', async () => {
    const { store, fake, add } = openStore();
    store.getState().edit('Add', add(store.getState().design!, 'A'));
    store.getState().edit('Add', add(store.getState().design!, 'B'));
    await flush();
    fake.answers[0]!.reject(new Error('Disk full.'));
    await flush();
    expect(store.getState().pending).toBe(0);
    store.getState().edit('Add', add(store.getState().design!, 'C'));
    expect(store.getState().pending).toBe(1);
    await flush();
    // B was dropped with the rollback; C is the second write sent.
    expect(fake.calls).toHaveLength(2);
    fake.answers[1]!.resolve({ revision: 2 });
    await store.getState().whenIdle();
    expect(store.getState().pending).toBe(0);
    expect(store.getState().confirmed!.components.map((c) => c.name)).toEqual(['C']);
    expect(store.getState().history.undo.map((e) => e.label)).toEqual(['Add']);
  });

  it('starts a fresh history when a document is opened', () => {
    const { store, add } = openStore();
    store.getState().edit('Add', add(store.getState().design!, 'A'));
    const design = createEmptyDesign({ name: 'Other' });
    store.getState().load({ docId: 'doc2', path: '/tmp/other.mlarch', revision: 1, design });
    expect(store.getState().history.undo).toHaveLength(0);
    expect(store.getState().design).toBe(design);
  });
});
