import { describe, expect, it } from 'vitest';
import { addComponentOps, createEmptyDesign, renameComponentOp } from '../../../shared/model/index.ts';
import type { Operation } from '../../../shared/model/index.ts';
import { createEditorStore } from './editorStore.ts';

/** A host that answers every write at once and records what it was sent, in order. */
function openStore() {
  const calls: Operation[][] = [];
  let revision = 1;
  const store = createEditorStore({
    apply: (_docId, ops) => {
      calls.push(ops);
      revision += 1;
      return Promise.resolve({ revision });
    },
  });
  const design = createEmptyDesign({ name: 'Test', now: new Date('2026-01-01T00:00:00Z') });
  store.getState().load({ docId: 'doc1', path: '/tmp/test.mlarch', revision, design });
  const scenarioId = design.scenarios[0]!.id;
  const viewport = () => store.getState().design!.scenarios[0]!.viewport;
  return { store, calls, scenarioId, viewport };
}

describe('saved viewport (view state)', () => {
  it('is written in order with the edits but is no undo step', async () => {
    const { store, calls, scenarioId, viewport } = openStore();
    const s = store.getState();
    s.edit(
      'Add',
      addComponentOps(s.design!, { scenarioId, kind: 'cache', name: 'A', position: { x: 0, y: 0 } }),
    );
    expect(store.getState().saveViewport(scenarioId, { x: 10, y: 20, zoom: 1.5 })).toBe(true);
    expect(viewport()).toEqual({ x: 10, y: 20, zoom: 1.5 });
    expect(store.getState().history.undo).toHaveLength(1);
    await store.getState().whenIdle();
    expect(calls.map((ops) => ops[0]!.type)).toEqual(['component.add', 'scenario.update']);
    expect(store.getState().confirmed).toBe(store.getState().design);
    expect(store.getState().pending).toBe(0);
  });

  it('leaves undo and redo of other edits intact and is never restored by them', async () => {
    const { store, scenarioId, viewport } = openStore();
    const s = store.getState();
    s.edit(
      'Add',
      addComponentOps(s.design!, { scenarioId, kind: 'cache', name: 'A', position: { x: 0, y: 0 } }),
    );
    const id = store.getState().design!.components[0]!.id;
    store.getState().saveViewport(scenarioId, { x: 1, y: 1, zoom: 1 });
    store.getState().edit('Rename', [renameComponentOp(id, 'B')]);
    store.getState().saveViewport(scenarioId, { x: 2, y: 2, zoom: 2 });

    store.getState().undo();
    expect(store.getState().design!.components[0]!.name).toBe('A');
    store.getState().saveViewport(scenarioId, { x: 3, y: 3, zoom: 0.5 });
    // A viewport write between undo and redo keeps the redo step.
    expect(store.getState().history.redo).toHaveLength(1);
    store.getState().undo();
    expect(store.getState().design!.components).toHaveLength(0);
    expect(viewport()).toEqual({ x: 3, y: 3, zoom: 0.5 });
    store.getState().redo();
    store.getState().redo();
    expect(store.getState().design!.components[0]!.name).toBe('B');
    expect(viewport()).toEqual({ x: 3, y: 3, zoom: 0.5 });
    await store.getState().whenIdle();
    expect(store.getState().confirmed).toBe(store.getState().design);
  });

  it('is dropped from a step that changed it along with something else', () => {
    const { store, scenarioId, viewport } = openStore();
    store.getState().edit('Rename scenario', [
      {
        type: 'scenario.update',
        id: scenarioId,
        changes: { name: 'Peak', viewport: { x: 5, y: 5, zoom: 1 } },
      },
    ]);
    store.getState().saveViewport(scenarioId, { x: 9, y: 9, zoom: 1 });
    store.getState().undo();
    expect(store.getState().design!.scenarios[0]!.name).not.toBe('Peak');
    expect(viewport()).toEqual({ x: 9, y: 9, zoom: 1 });
    store.getState().redo();
    expect(store.getState().design!.scenarios[0]!.name).toBe('Peak');
    expect(viewport()).toEqual({ x: 9, y: 9, zoom: 1 });
  });

  it('sends nothing when the viewport is unchanged or the scenario is gone', async () => {
    const { store, calls, scenarioId } = openStore();
    store.getState().saveViewport(scenarioId, { x: 1, y: 2, zoom: 1 });
    expect(store.getState().saveViewport(scenarioId, { x: 1, y: 2, zoom: 1 })).toBe(false);
    expect(store.getState().saveViewport('s_missing', { x: 1, y: 2, zoom: 1 })).toBe(false);
    await store.getState().whenIdle();
    expect(calls).toHaveLength(1);
    expect(store.getState().error).toBeNull();
  });
});
