import { describe, expect, it } from 'vitest';
import { applyOperations, validateDesign } from './apply.ts';
import {
  addComponentOps,
  changeConnectionKindOps,
  connectOps,
  moveComponentsOps,
  removeElementsOps,
  removeScenarioOps,
  renameComponentOp,
  resizeBoundaryOps,
  setAttributeOps,
} from './commands.ts';
import type { Design } from './document.ts';
import {
  createComponent,
  createConnection,
  createEmptyDesign,
  createJourney,
  createScenario,
} from './factory.ts';
import type { Operation } from './operations.ts';
import { OperationError } from './operations.ts';

/** env ⊃ region ⊃ {store}; client → server → store; a journey at client; a second, empty scenario. */
function fixture() {
  const empty = createEmptyDesign({ name: 'Cmd' });
  const scenarioId = empty.scenarios[0]!.id;
  const at = { x: 0, y: 0 };
  const env = createComponent({ scenarioId, kind: 'environment', name: 'Prod', position: at });
  const region = createComponent({ scenarioId, kind: 'region', name: 'EU', position: at, parentId: env.id });
  const store = createComponent({
    scenarioId,
    kind: 'feature-store',
    name: 'Store',
    position: at,
    parentId: region.id,
  });
  const client = createComponent({ scenarioId, kind: 'client-app', name: 'App', position: at });
  const server = createComponent({
    scenarioId,
    kind: 'model-server',
    name: 'Server',
    position: at,
    parentId: env.id,
  });
  const e1 = createConnection({ scenarioId, sourceId: client.id, targetId: server.id });
  const e2 = createConnection({ scenarioId, sourceId: server.id, targetId: store.id });
  const journey = createJourney({ scenarioId, name: 'Score', entryId: client.id });
  const other = createScenario({ name: 'Other' });
  const ops: Operation[] = [
    ...[env, region, store, client, server].map((component): Operation => ({
      type: 'component.add',
      component,
    })),
    { type: 'connection.add', connection: e1 },
    { type: 'connection.add', connection: e2 },
    { type: 'journey.add', journey },
    { type: 'scenario.add', scenario: other },
  ];
  return {
    design: applyOperations(empty, ops).design,
    scenarioId,
    env,
    region,
    store,
    client,
    server,
    e1,
    e2,
    journey,
    other,
  };
}

function ids(design: Design) {
  return {
    components: design.components.map((c) => c.name),
    connections: design.connections.length,
    journeys: design.journeys.length,
  };
}

describe('removeElementsOps', () => {
  it('removes the contents of boundaries recursively and the connections touching them', () => {
    const f = fixture();
    const ops = removeElementsOps(f.design, { componentIds: [f.env.id], connectionIds: [] });
    expect(ops.map((op) => op.type)).toEqual([
      'connection.remove',
      'connection.remove',
      'component.remove',
      'component.remove',
      'component.remove',
      'component.remove',
    ]);
    const { design, inverse } = applyOperations(f.design, ops);
    expect(ids(design)).toEqual({ components: ['App'], connections: 0, journeys: 1 });
    expect(applyOperations(design, inverse).design).toEqual(f.design);
  });

  it('removes journeys whose entry goes, and skips stale ids', () => {
    const f = fixture();
    const ops = removeElementsOps(f.design, {
      componentIds: [f.client.id, 'c_gone', f.client.id],
      connectionIds: ['e_gone'],
    });
    expect(ops).toEqual([
      { type: 'journey.remove', id: f.journey.id },
      { type: 'connection.remove', id: f.e1.id },
      { type: 'component.remove', id: f.client.id },
    ]);
    expect(validateDesign(applyOperations(f.design, ops).design)).toEqual([]);
  });

  it('removes a child selected along with its parent once', () => {
    const f = fixture();
    const ops = removeElementsOps(f.design, {
      componentIds: [f.store.id, f.env.id],
      connectionIds: [f.e2.id],
    });
    expect(ops.filter((op) => op.type === 'component.remove')).toHaveLength(4);
    expect(ops.filter((op) => op.type === 'connection.remove')).toHaveLength(2);
    expect(() => applyOperations(f.design, ops)).not.toThrow();
  });
});

describe('removeScenarioOps', () => {
  it('removes a scenario with everything in it', () => {
    const f = fixture();
    const { design } = applyOperations(f.design, removeScenarioOps(f.design, f.scenarioId));
    expect(design.scenarios.map((s) => s.name)).toEqual(['Other']);
    expect(ids(design)).toEqual({ components: [], connections: 0, journeys: 0 });
  });
});

describe('moveComponentsOps and renameComponentOp', () => {
  it('moves only what changed, as one batch', () => {
    const f = fixture();
    const ops = moveComponentsOps(f.design, [
      { id: f.client.id, position: { x: 10, y: 20 } },
      { id: f.server.id, position: { x: 0, y: 0 } },
      { id: 'c_gone', position: { x: 1, y: 1 } },
    ]);
    expect(ops).toEqual([
      { type: 'component.update', id: f.client.id, changes: { position: { x: 10, y: 20 } } },
    ]);
  });

  it('takes a component into another boundary, or out onto the canvas, with its new position', () => {
    const f = fixture();
    const ops = moveComponentsOps(f.design, [
      { id: f.store.id, position: { x: 30, y: 40 }, parentId: f.env.id },
      { id: f.server.id, position: { x: 0, y: 0 }, parentId: null },
      { id: f.client.id, position: { x: 5, y: 5 }, parentId: null },
    ]);
    expect(ops).toEqual([
      {
        type: 'component.update',
        id: f.store.id,
        changes: { parentId: f.env.id, position: { x: 30, y: 40 } },
      },
      { type: 'component.update', id: f.server.id, changes: { parentId: null, position: { x: 0, y: 0 } } },
      // Already on the open canvas: only the position changes.
      { type: 'component.update', id: f.client.id, changes: { position: { x: 5, y: 5 } } },
    ]);
    const { design, inverse } = applyOperations(f.design, ops);
    const store = design.components.find((c) => c.id === f.store.id)!;
    expect([store.parentId, store.position]).toEqual([f.env.id, { x: 30, y: 40 }]);
    expect(design.components.find((c) => c.id === f.server.id)!.parentId).toBeNull();
    expect(applyOperations(design, inverse).design).toEqual(f.design);
  });

  it('leaves out a move into the boundary the component is already in, at the same place', () => {
    const f = fixture();
    expect(
      moveComponentsOps(f.design, [{ id: f.store.id, position: { x: 0, y: 0 }, parentId: f.region.id }]),
    ).toEqual([]);
  });

  it('trims the new name', () => {
    expect(renameComponentOp('c_1', '  Ranker ')).toEqual({
      type: 'component.update',
      id: 'c_1',
      changes: { name: 'Ranker' },
    });
  });
});

describe('resizeBoundaryOps', () => {
  /** The fixture with env at (100, 50), 400 × 300, holding region at (20, 30) and server at (200, 120). */
  function placed() {
    const f = fixture();
    const design = applyOperations(f.design, [
      {
        type: 'component.update',
        id: f.env.id,
        changes: { position: { x: 100, y: 50 }, size: { width: 400, height: 300 } },
      },
      { type: 'component.update', id: f.region.id, changes: { position: { x: 20, y: 30 } } },
      { type: 'component.update', id: f.server.id, changes: { position: { x: 200, y: 120 } } },
    ]).design;
    return { ...f, design };
  }

  it('resizes from the right or bottom edge without touching the children', () => {
    const f = placed();
    expect(resizeBoundaryOps(f.design, { id: f.env.id, size: { width: 500, height: 300 } })).toEqual([
      { type: 'component.update', id: f.env.id, changes: { size: { width: 500, height: 300 } } },
    ]);
  });

  it('moving the top-left corner shifts the direct children back so they stay put on screen', () => {
    const f = placed();
    // Dragging the top-left handle from (100, 50) to (60, 70): the corner moves by (-40, +20), so every
    // direct child moves by (+40, -20) relative to it; the store inside the region keeps its place.
    const ops = resizeBoundaryOps(f.design, {
      id: f.env.id,
      position: { x: 60, y: 70 },
      size: { width: 440, height: 280 },
    });
    expect(ops).toEqual([
      {
        type: 'component.update',
        id: f.env.id,
        changes: { size: { width: 440, height: 280 }, position: { x: 60, y: 70 } },
      },
      { type: 'component.update', id: f.region.id, changes: { position: { x: 60, y: 10 } } },
      { type: 'component.update', id: f.server.id, changes: { position: { x: 240, y: 100 } } },
    ]);
    const { design, inverse } = applyOperations(f.design, ops);
    const absolute = (id: string) => {
      const c = design.components.find((x) => x.id === id)!;
      const parent = design.components.find((x) => x.id === c.parentId)!;
      return { x: parent.position.x + c.position.x, y: parent.position.y + c.position.y };
    };
    expect(absolute(f.server.id)).toEqual({ x: 300, y: 170 });
    expect(absolute(f.region.id)).toEqual({ x: 120, y: 80 });
    expect(applyOperations(design, inverse).design).toEqual(f.design);
  });

  it('is empty for a resize that changes nothing or a boundary that is gone', () => {
    const f = placed();
    const same = { width: 400, height: 300 };
    expect(resizeBoundaryOps(f.design, { id: f.env.id, size: same, position: { x: 100, y: 50 } })).toEqual(
      [],
    );
    expect(resizeBoundaryOps(f.design, { id: 'c_gone', size: same })).toEqual([]);
  });
});

describe('setAttributeOps', () => {
  it('is one component.update with a one-key attribute patch, which the model applies and undoes', () => {
    const f = fixture();
    const ops = setAttributeOps(f.design, { type: 'component', id: f.server.id }, 'p95_ms', 120);
    expect(ops).toEqual([
      { type: 'component.update', id: f.server.id, changes: { attributes: { p95_ms: 120 } } },
    ]);
    const { design, inverse } = applyOperations(f.design, ops);
    expect(design.components.find((c) => c.id === f.server.id)!.attributes.p95_ms).toBe(120);
    // 70 ms is the model server's catalog p95.
    expect(inverse).toEqual([
      { type: 'component.update', id: f.server.id, changes: { attributes: { p95_ms: 70 } } },
    ]);
  });

  it('sends nothing for an unchanged value (sets compared item by item) or a missing element', () => {
    const f = fixture();
    const server = { type: 'component', id: f.server.id } as const;
    expect(setAttributeOps(f.design, server, 'p95_ms', 70)).toEqual([]);
    expect(setAttributeOps(f.design, server, 'data_classes', ['internal'])).toEqual([]);
    expect(setAttributeOps(f.design, server, 'data_classes', ['internal', 'pii'])).toHaveLength(1);
    expect(setAttributeOps(f.design, { type: 'component', id: 'c_gone' }, 'p95_ms', 1)).toEqual([]);
    expect(setAttributeOps(f.design, { type: 'connection', id: 'e_gone' }, 'retries', 1)).toEqual([]);
  });

  it('edits a connection with connection.update', () => {
    const f = fixture();
    expect(setAttributeOps(f.design, { type: 'connection', id: f.e1.id }, 'retries', 2)).toEqual([
      { type: 'connection.update', id: f.e1.id, changes: { attributes: { retries: 2 } } },
    ]);
  });
});

describe('changeConnectionKindOps', () => {
  it('changes the kind in one update and the model rebuilds the attributes', () => {
    const f = fixture();
    const ops = changeConnectionKindOps(f.design, f.e1.id, 'data-flow');
    expect(ops).toEqual([{ type: 'connection.update', id: f.e1.id, changes: { kind: 'data-flow' } }]);
    const after = applyOperations(f.design, ops).design.connections.find((e) => e.id === f.e1.id)!;
    expect(after.attributes).toMatchObject({ mode: 'async', purpose: 'analytics' });
  });

  it('sends nothing for the same kind or a missing connection', () => {
    const f = fixture();
    expect(changeConnectionKindOps(f.design, f.e1.id, 'call')).toEqual([]);
    expect(changeConnectionKindOps(f.design, 'e_gone', 'event')).toEqual([]);
  });
});

describe('addComponentOps', () => {
  it('numbers the default name when it is taken', () => {
    const f = fixture();
    const [first] = addComponentOps(f.design, {
      scenarioId: f.scenarioId,
      kind: 'model-server',
      position: { x: 1, y: 2 },
    });
    expect(first).toMatchObject({ type: 'component.add', component: { name: 'Model server' } });
    const named = applyOperations(f.design, [
      { type: 'component.update', id: f.server.id, changes: { name: 'Model server' } },
    ]).design;
    const [second] = addComponentOps(named, {
      scenarioId: f.scenarioId,
      kind: 'model-server',
      position: { x: 1, y: 2 },
    });
    expect(second).toMatchObject({ component: { name: 'Model server 2', position: { x: 1, y: 2 } } });
  });
});

describe('connectOps', () => {
  it('connects in the source scenario with the given kind', () => {
    const f = fixture();
    const ops = connectOps(f.design, { sourceId: f.client.id, targetId: f.store.id, kind: 'data-flow' });
    expect(ops).toMatchObject([
      { type: 'connection.add', connection: { scenarioId: f.scenarioId, kind: 'data-flow' } },
    ]);
    expect(() => applyOperations(f.design, ops)).not.toThrow();
  });

  it('refuses duplicates and impossible connections with OperationError', () => {
    const f = fixture();
    const refused = (sourceId: string, targetId: string) => {
      try {
        connectOps(f.design, { sourceId, targetId });
      } catch (error) {
        expect(error).toBeInstanceOf(OperationError);
        return (error as OperationError).message;
      }
      return 'accepted';
    };
    expect(refused(f.client.id, f.server.id)).toBe(
      '"App" already has a call connection to "Server". Select that connection to change it.',
    );
    expect(refused(f.server.id, f.server.id)).toBe('Cannot connect "Server" to itself.');
    expect(refused(f.server.id, f.region.id)).toBe(
      'Cannot connect "EU": it is a boundary; connect the components inside it instead.',
    );
    expect(refused('c_gone', f.region.id)).toBe("The connection's source component does not exist (c_gone).");
    expect(
      connectOps(f.design, { sourceId: f.client.id, targetId: f.server.id, kind: 'event' }),
    ).toHaveLength(1);
  });
});
