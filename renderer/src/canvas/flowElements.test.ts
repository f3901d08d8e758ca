import { describe, expect, it } from 'vitest';
import {
  addComponentOps,
  applyOperations,
  connectOps,
  createEmptyDesign,
  renameComponentOp,
} from '../../../shared/model/index.ts';
import type { Design } from '../../../shared/model/index.ts';
import { emptySelection } from '../store/selection.ts';
import { createEdgeDeriver, createNodeDeriver, emptyOverlay } from './flowElements.ts';

function build(): { design: Design; scenarioId: string; ids: string[] } {
  let design = createEmptyDesign({ name: 'Canvas', now: new Date('2026-01-01T00:00:00Z') });
  const scenarioId = design.scenarios[0]!.id;
  for (const [name, x] of [
    ['Gateway', 0],
    ['Server', 300],
    ['Cache', 600],
  ] as const)
    design = applyOperations(
      design,
      addComponentOps(design, { scenarioId, kind: 'cache', name, position: { x, y: 0 } }),
    ).design;
  const ids = design.components.map((c) => c.id);
  design = applyOperations(design, connectOps(design, { sourceId: ids[0]!, targetId: ids[1]! })).design;
  return { design, scenarioId, ids };
}

describe('createNodeDeriver', () => {
  it('rebuilds only the node a drag frame moves', () => {
    const { design, scenarioId, ids } = build();
    const derive = createNodeDeriver();
    const before = derive(design, scenarioId, emptySelection, emptyOverlay);
    const overlay = { ...emptyOverlay, positions: { [ids[1]!]: { x: 310, y: 5 } } };
    const after = derive(design, scenarioId, emptySelection, overlay);
    expect(after[0]).toBe(before[0]);
    expect(after[2]).toBe(before[2]);
    expect(after[1]).not.toBe(before[1]);
    expect(after[1]!.position).toEqual({ x: 310, y: 5 });
  });

  it('rebuilds only the nodes whose selection or component changed', () => {
    const { design, scenarioId, ids } = build();
    const derive = createNodeDeriver();
    const before = derive(design, scenarioId, emptySelection, emptyOverlay);
    const selected = derive(design, scenarioId, { componentIds: [ids[2]!], connectionIds: [] }, emptyOverlay);
    expect(selected.map((n, i) => n === before[i])).toEqual([true, true, false]);
    expect(selected[2]!.selected).toBe(true);
    const renamed = applyOperations(design, [renameComponentOp(ids[0]!, 'Edge')]).design;
    const after = derive(renamed, scenarioId, { componentIds: [ids[2]!], connectionIds: [] }, emptyOverlay);
    expect(after.map((n, i) => n === selected[i])).toEqual([false, true, true]);
    expect(after[0]!.data.name).toBe('Edge');
    expect(after[0]!.ariaLabel).toBe('Edge (Cache)');
  });
});

describe('createEdgeDeriver', () => {
  it('names an edge by its ends and rebuilds it when one is renamed or it is selected', () => {
    const { design, scenarioId, ids } = build();
    const derive = createEdgeDeriver();
    const [edge] = derive(design, scenarioId, emptySelection);
    expect(edge!.ariaLabel).toBe('Call from Gateway to Server');
    expect(derive(design, scenarioId, emptySelection)[0]).toBe(edge);
    const renamed = applyOperations(design, [renameComponentOp(ids[1]!, 'Model')]).design;
    const [after] = derive(renamed, scenarioId, emptySelection);
    expect(after!.ariaLabel).toBe('Call from Gateway to Model');
    const connectionId = design.connections[0]!.id;
    const [picked] = derive(renamed, scenarioId, { componentIds: [], connectionIds: [connectionId] });
    expect(picked).not.toBe(after);
    expect(picked!.selected).toBe(true);
  });
});

describe('a journey route on the canvas', () => {
  it('marks the entry, emphasises what is on the route and dims the rest, saying so in the names', () => {
    const { design, scenarioId, ids } = build();
    const connectionId = design.connections[0]!.id;
    const route = {
      connectionIds: new Set([connectionId]),
      componentIds: new Set([ids[0]!, ids[1]!]),
      entryId: ids[0]!,
      editing: false,
    };
    const deriveNodes = createNodeDeriver();
    const plain = deriveNodes(design, scenarioId, emptySelection, emptyOverlay);
    expect(plain.map((n) => n.className)).toEqual([undefined, undefined, undefined]);
    const shown = deriveNodes(design, scenarioId, emptySelection, emptyOverlay, route);
    expect(shown.map((n) => n.className)).toEqual(['route-entry', 'route-on', 'route-off']);
    expect(shown.map((n) => n.data.routeEntry)).toEqual([true, false, false]);
    expect(shown[2]!.ariaLabel).toBe('Cache (Cache), off the route');
    // Showing the same route again rebuilds nothing.
    expect(deriveNodes(design, scenarioId, emptySelection, emptyOverlay, route)[1]).toBe(shown[1]);

    const deriveEdges = createEdgeDeriver();
    const [on] = deriveEdges(design, scenarioId, emptySelection, { ...route, editing: true });
    expect(on!.className).toBe('route-on route-editing');
    expect(on!.ariaLabel).toBe('Call from Gateway to Server, on the route');
    const [off] = deriveEdges(design, scenarioId, emptySelection, { ...route, connectionIds: new Set() });
    expect(off!.className).toBe('route-off');
    const [none] = deriveEdges(design, scenarioId, emptySelection, null);
    expect(none!.className).toBeUndefined();
  });
});
