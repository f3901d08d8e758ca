import { describe, expect, it } from 'vitest';
import { getConnectionKindSpec, getKindSpec } from '../../../shared/model/catalog/index.ts';
import type { AttrSpec } from '../../../shared/model/catalog/types.ts';
import {
  addComponentOps,
  applyOperations,
  connectOps,
  createEmptyDesign,
} from '../../../shared/model/index.ts';
import type { Design } from '../../../shared/model/index.ts';
import { attributeEditOps, connectionKindOps, sameAttrValue } from './attributeEdits.ts';

function build(): { design: Design; serverId: string; connectionId: string } {
  let design = createEmptyDesign({ name: 'Attributes', now: new Date('2026-01-01T00:00:00Z') });
  const scenarioId = design.scenarios[0]!.id;
  for (const kind of ['client-app', 'model-server'] as const)
    design = applyOperations(
      design,
      addComponentOps(design, { scenarioId, kind, position: { x: 0, y: 0 } }),
    ).design;
  const [client, server] = design.components;
  design = applyOperations(design, connectOps(design, { sourceId: client!.id, targetId: server!.id })).design;
  return { design, serverId: server!.id, connectionId: design.connections[0]!.id };
}

function spec(key: string): AttrSpec {
  return getKindSpec('model-server').attributes.find((s) => s.key === key)!;
}

describe('attributeEditOps', () => {
  it('is one component.update with a one-key attribute patch, which the model applies', () => {
    const { design, serverId } = build();
    const ops = attributeEditOps(design, { type: 'component', id: serverId }, spec('p95_ms'), 120);
    expect(ops).toEqual([
      { type: 'component.update', id: serverId, changes: { attributes: { p95_ms: 120 } } },
    ]);
    const after = applyOperations(design, ops);
    expect(after.design.components.find((c) => c.id === serverId)?.attributes.p95_ms).toBe(120);
    expect(after.inverse).toEqual([
      { type: 'component.update', id: serverId, changes: { attributes: { p95_ms: 70 } } },
    ]);
  });

  it('sends nothing for an unchanged value or a missing element', () => {
    const { design, serverId } = build();
    expect(attributeEditOps(design, { type: 'component', id: serverId }, spec('p95_ms'), 70)).toEqual([]);
    expect(
      attributeEditOps(design, { type: 'component', id: serverId }, spec('data_classes'), ['internal']),
    ).toEqual([]);
    expect(attributeEditOps(design, { type: 'component', id: 'gone' }, spec('p95_ms'), 1)).toEqual([]);
  });

  it('edits a connection with connection.update', () => {
    const { design, connectionId } = build();
    const retries = getConnectionKindSpec('call').attributes.find((s) => s.key === 'retries')!;
    expect(attributeEditOps(design, { type: 'connection', id: connectionId }, retries, 2)).toEqual([
      { type: 'connection.update', id: connectionId, changes: { attributes: { retries: 2 } } },
    ]);
  });
});

describe('connectionKindOps', () => {
  it('changes the kind in one update and the model rebuilds the attributes', () => {
    const { design, connectionId } = build();
    const ops = connectionKindOps(design, connectionId, 'data-flow');
    expect(ops).toEqual([{ type: 'connection.update', id: connectionId, changes: { kind: 'data-flow' } }]);
    const after = applyOperations(design, ops).design.connections[0]!;
    expect(after.attributes.mode).toBe('async');
    expect(connectionKindOps(design, connectionId, 'call')).toEqual([]);
  });
});

describe('sameAttrValue', () => {
  it('compares sets item by item and everything else by identity', () => {
    expect(sameAttrValue(['a', 'b'], ['a', 'b'])).toBe(true);
    expect(sameAttrValue(['a'], ['a', 'b'])).toBe(false);
    expect(sameAttrValue(null, undefined)).toBe(false);
    expect(sameAttrValue(1, 1)).toBe(true);
  });
});
