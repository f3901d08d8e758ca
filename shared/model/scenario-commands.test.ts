import { describe, expect, it } from 'vitest';
import { applyOperations } from './apply.ts';
import type { ConnectionGroup, Design } from './document.ts';
import { createComponent, createConnection, createScenario } from './factory.ts';
import type { Operation } from './operations.ts';
import { OperationError } from './operations.ts';
import {
  addBlankScenarioOps,
  deleteScenarioOps,
  duplicateScenarioOps,
  renameScenarioOps,
  uniqueScenarioName,
} from './scenario-commands.ts';
import { fixture } from './testing/small-design.ts';

/**
 * The small design (a feature store inside a region; client → gateway → scorer; a journey) with a fallback
 * that backs up gateway → scorer, an explicit route on the journey, a saved viewport and a second scenario.
 */
function rich() {
  const base = fixture();
  const { scenarioId, gateway, e1, e2 } = base;
  const cache = createComponent({ scenarioId, kind: 'cache', name: 'Cache', position: { x: 5, y: 6 } });
  const fallback = {
    ...createConnection({ scenarioId, sourceId: gateway.id, targetId: cache.id, kind: 'fallback' }),
    primaryId: e2.id,
  };
  const other = createScenario({ name: 'Managed' });
  const design = applyOperations(base.design, [
    { type: 'component.add', component: cache },
    { type: 'connection.add', connection: fallback },
    { type: 'journey.update', id: base.journey.id, changes: { route: [e1.id, e2.id, fallback.id] } },
    { type: 'scenario.update', id: scenarioId, changes: { viewport: { x: 10, y: 20, zoom: 1.5 } } },
    { type: 'scenario.add', scenario: other },
  ]).design;
  return { ...base, design, cache, fallback, other };
}

function contentIds(design: Design, scenarioId: string): string[] {
  return [
    ...design.components.filter((c) => c.scenarioId === scenarioId).map((c) => c.id),
    ...design.connections.filter((c) => c.scenarioId === scenarioId).map((c) => c.id),
    ...design.journeys.filter((c) => c.scenarioId === scenarioId).map((c) => c.id),
    ...design.groups.filter((c) => c.scenarioId === scenarioId).map((c) => c.id),
  ];
}

describe('duplicateScenarioOps', () => {
  it('copies every element under fresh ids, with references remapped and the same layout', () => {
    const { design, scenarioId, region, store, e2, fallback, journey } = rich();
    const ops = duplicateScenarioOps(design, scenarioId, 'Kubernetes');
    const after = applyOperations(design, ops).design;
    const copy = after.scenarios.find((s) => s.name === 'Kubernetes')!;
    expect(copy.viewport).toEqual({ x: 10, y: 20, zoom: 1.5 });

    const originalIds = new Set([scenarioId, ...contentIds(design, scenarioId)]);
    const copyIds = [copy.id, ...contentIds(after, copy.id)];
    expect(copyIds).toHaveLength(originalIds.size);
    for (const id of copyIds) expect(originalIds.has(id)).toBe(false);

    const byName = new Map(after.components.filter((c) => c.scenarioId === copy.id).map((c) => [c.name, c]));
    const storeCopy = byName.get('Feature store')!;
    expect(storeCopy.parentId).toBe(byName.get('EU West')!.id);
    expect(storeCopy.position).toEqual(store.position);
    expect(storeCopy.attributes).toEqual(store.attributes);
    expect(byName.get('EU West')!.position).toEqual(region.position);

    const connections = after.connections.filter((e) => e.scenarioId === copy.id);
    const copiedIds = new Set(connections.map((e) => e.id));
    const primaryCopy = connections.find(
      (e) => e.sourceId === byName.get('Gateway')!.id && e.targetId === byName.get('Scorer')!.id,
    )!;
    const fallbackCopy = connections.find((e) => e.kind === 'fallback')!;
    expect(fallbackCopy.primaryId).toBe(primaryCopy.id);
    expect(fallbackCopy.targetId).toBe(byName.get('Cache')!.id);
    expect(primaryCopy.attributes).toEqual(e2.attributes);

    const journeyCopy = after.journeys.find((j) => j.scenarioId === copy.id)!;
    expect(journeyCopy).toMatchObject({
      name: journey.name,
      entryId: byName.get('Checkout')!.id,
      tier: journey.tier,
    });
    expect(journeyCopy.route).toHaveLength(3);
    for (const id of journeyCopy.route!) expect(copiedIds.has(id)).toBe(true);
    expect(journeyCopy.route).toContain(fallbackCopy.id);
    expect(journeyCopy.route).toContain(primaryCopy.id);
    expect(fallback.id).not.toBe(fallbackCopy.id);
  });

  it('shares no object with the original: changing the copy leaves the original as it was', () => {
    const { design, scenarioId } = rich();
    const snapshot = structuredClone(design);
    const ops = duplicateScenarioOps(design, scenarioId, 'Copy');
    for (const op of ops) {
      if (op.type === 'component.add') {
        op.component.position.x += 1000;
        op.component.attributes.replicas = 99;
      }
      if (op.type === 'connection.add') op.connection.attributes.timeout_ms = 1;
      if (op.type === 'journey.add') op.journey.route?.push('e_x');
      if (op.type === 'scenario.add' && op.scenario.viewport) op.scenario.viewport.zoom = 3;
    }
    expect(design).toEqual(snapshot);
  });

  it('is one undo step: the inverse removes the copy and restores the design exactly', () => {
    const { design, scenarioId } = rich();
    const { design: after, inverse } = applyOperations(
      design,
      duplicateScenarioOps(design, scenarioId, 'Copy'),
    );
    expect(after.scenarios).toHaveLength(3);
    expect(applyOperations(after, inverse).design).toEqual(design);
  });

  it('copies groups with fresh ids and members remapped to them', () => {
    const { design, scenarioId, gateway, e2, e4 } = rich();
    const group: ConnectionGroup = {
      id: 'g_split',
      scenarioId,
      sourceId: gateway.id,
      name: 'A/B',
      type: 'exclusive',
      join: null,
      joinK: null,
    };
    // Written into the design directly: applyOperations learns group.* operations on another branch.
    const grouped: Design = {
      ...design,
      groups: [group],
      connections: design.connections.map((e) =>
        e.id === e2.id || e.id === e4.id ? { ...e, groupId: group.id } : e,
      ),
    };
    const ops = duplicateScenarioOps(grouped, scenarioId, 'Copy') as unknown as {
      type: string;
      [k: string]: unknown;
    }[];
    const groupAdds = ops.filter((op) => op.type === 'group.add');
    expect(groupAdds).toHaveLength(1);
    const copy = (groupAdds[0] as unknown as { group: ConnectionGroup }).group;
    const scenarioCopy = (ops[0] as unknown as { scenario: { id: string } }).scenario;
    const gatewayCopy = (ops as unknown as Operation[]).find(
      (op) => op.type === 'component.add' && op.component.name === 'Gateway',
    ) as Extract<Operation, { type: 'component.add' }>;
    expect(copy).toEqual({
      ...group,
      id: copy.id,
      scenarioId: scenarioCopy.id,
      sourceId: gatewayCopy.component.id,
    });
    expect(copy.id).not.toBe(group.id);
    const members = (ops as unknown as Operation[]).flatMap((op) =>
      op.type === 'connection.add' && op.connection.groupId !== null ? [op.connection.groupId] : [],
    );
    expect(members).toEqual([copy.id, copy.id]);
    // The group is added before the connections that are its members.
    const groupAt = ops.findIndex((op) => op.type === 'group.add');
    expect(ops.findIndex((op) => op.type === 'connection.add')).toBeGreaterThan(groupAt);
    // The model takes the whole duplicate, groups included, and its inverse removes it again.
    const applied = applyOperations(grouped, ops as unknown as Operation[]);
    expect(applied.design.groups).toHaveLength(2);
    expect(applyOperations(applied.design, applied.inverse).design).toEqual(grouped);
  });

  it('leaves out of a copied route an id that is no connection of the scenario', () => {
    const { design, scenarioId, journey, e1 } = rich();
    const stale: Design = {
      ...design,
      journeys: design.journeys.map((j) => (j.id === journey.id ? { ...j, route: [e1.id, 'e_gone'] } : j)),
    };
    const after = applyOperations(stale, duplicateScenarioOps(stale, scenarioId, 'Copy')).design;
    const copyId = after.scenarios.find((s) => s.name === 'Copy')!.id;
    const clientCopy = after.components.find((c) => c.scenarioId === copyId && c.name === 'Checkout')!;
    const e1Copy = after.connections.find((e) => e.scenarioId === copyId && e.sourceId === clientCopy.id)!;
    expect(after.journeys.find((j) => j.scenarioId === copyId)?.route).toEqual([e1Copy.id]);
  });

  it('refuses a blank name and a scenario that is gone', () => {
    const { design, scenarioId } = rich();
    expect(() => duplicateScenarioOps(design, scenarioId, '   ')).toThrow(
      new OperationError('A scenario needs a name.', 0),
    );
    expect(() => duplicateScenarioOps(design, 's_gone', 'Copy')).toThrow(/no longer exists/);
  });
});

describe('scenario commands', () => {
  it('adds a blank scenario and numbers names that are taken', () => {
    const { design } = rich();
    expect(uniqueScenarioName(design, 'Managed')).toBe('Managed 2');
    expect(uniqueScenarioName(design, ' Serverless ')).toBe('Serverless');
    const ops = addBlankScenarioOps(' Serverless ');
    const after = applyOperations(design, ops).design;
    expect(after.scenarios.map((s) => s.name)).toEqual(['Baseline', 'Managed', 'Serverless']);
  });

  it('renames with a trimmed name, and nothing when it is unchanged', () => {
    const { design, other } = rich();
    expect(renameScenarioOps(design, other.id, 'Managed')).toEqual([]);
    expect(renameScenarioOps(design, other.id, ' Managed endpoints ')).toEqual([
      { type: 'scenario.update', id: other.id, changes: { name: 'Managed endpoints' } },
    ]);
    expect(() => renameScenarioOps(design, other.id, '')).toThrow(/needs a name/);
  });

  it('deletes a scenario with everything in it, and undo brings all of it back', () => {
    const { design, scenarioId, other } = rich();
    const { design: after, inverse } = applyOperations(design, deleteScenarioOps(design, scenarioId));
    expect(after.scenarios.map((s) => s.id)).toEqual([other.id]);
    expect(after.components).toEqual([]);
    expect(after.connections).toEqual([]);
    expect(after.journeys).toEqual([]);
    expect(applyOperations(after, inverse).design).toEqual(design);
  });

  it('removes a fallback before the connection it backs up and a boundary after its contents', () => {
    const { design, scenarioId, fallback, e2, region, store } = rich();
    const ops = deleteScenarioOps(design, scenarioId);
    const at = (type: string, id: string) =>
      ops.findIndex((op) => op.type === type && 'id' in op && op.id === id);
    expect(at('connection.remove', fallback.id)).toBeLessThan(at('connection.remove', e2.id));
    expect(at('component.remove', store.id)).toBeLessThan(at('component.remove', region.id));
    expect(ops[ops.length - 1]).toEqual({ type: 'scenario.remove', id: scenarioId });
  });

  it('refuses to delete the last scenario, saying what to do', () => {
    const { design, scenarioId } = fixture();
    expect(() => deleteScenarioOps(design, scenarioId)).toThrow(
      new OperationError(
        'Cannot delete scenario "Baseline": a design keeps at least one scenario. Add another first.',
        0,
      ),
    );
  });
});
