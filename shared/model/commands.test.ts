import { describe, expect, it } from 'vitest';
import { applyOperations, validateDesign } from './apply.ts';
import {
  addComponentOps,
  connectOps,
  moveComponentsOps,
  removeElementsOps,
  removeScenarioOps,
  renameComponentOp,
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

  it('trims the new name', () => {
    expect(renameComponentOp('c_1', '  Ranker ')).toEqual({
      type: 'component.update',
      id: 'c_1',
      changes: { name: 'Ranker' },
    });
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
