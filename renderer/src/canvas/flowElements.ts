import { MarkerType } from '@xyflow/react';
import type { XYPosition } from '@xyflow/react';
import type { Component, Connection, Design, Size } from '../../../shared/model/document.ts';
import { getConnectionKindSpec, getKindSpec } from '../../../shared/model/catalog/index.ts';
import type { Selection } from '../store/selection.ts';
import { DEFAULT_BOUNDARY_SIZE } from './flowTypes.ts';
import type { FlowEdge, FlowNode } from './flowTypes.ts';

/** View state layered over the document while a gesture is in progress; never written to the file. */
export interface ViewOverlay {
  /** Where nodes are while being dragged (relative to their parent, like the document). */
  readonly positions: Readonly<Record<string, XYPosition>>;
  /** Sizes of boundaries while being resized. */
  readonly sizes: Readonly<Record<string, Size>>;
  /** Sizes React Flow measured, handed back so nodes stay visible when their objects are rebuilt. */
  readonly measured: Readonly<Record<string, Size>>;
}

export const emptyOverlay: ViewOverlay = { positions: {}, sizes: {}, measured: {} };

/** React Flow needs a parent before its children: order components by nesting depth. */
function depthOf(component: Component, byId: ReadonlyMap<string, Component>): number {
  let depth = 0;
  let parentId = component.parentId;
  while (parentId && depth < 64) {
    depth += 1;
    parentId = byId.get(parentId)?.parentId ?? null;
  }
  return depth;
}

function toNode(component: Component, selected: boolean, overlay: ViewOverlay): FlowNode {
  const spec = getKindSpec(component.kind);
  const data = {
    name: component.name,
    kind: component.kind,
    label: spec.label,
    icon: spec.icon,
    colour: spec.colour,
  };
  const base = {
    id: component.id,
    position: overlay.positions[component.id] ?? component.position,
    selected,
    measured: overlay.measured[component.id],
    ...(component.parentId ? { parentId: component.parentId } : {}),
  };
  if (spec.boundary) {
    const size = overlay.sizes[component.id] ?? component.size ?? DEFAULT_BOUNDARY_SIZE;
    return { ...base, type: 'boundary', data, width: size.width, height: size.height, zIndex: -1 };
  }
  return { ...base, type: 'component', data };
}

function toEdge(connection: Connection, selected: boolean): FlowEdge {
  const kindLabel = getConnectionKindSpec(connection.kind).label;
  return {
    id: connection.id,
    source: connection.sourceId,
    target: connection.targetId,
    selected,
    // Calls are the common case: labelling only the other kinds keeps large designs readable.
    ...(connection.kind === 'call' ? {} : { label: kindLabel }),
    data: { kindLabel },
    markerEnd: { type: MarkerType.ArrowClosed },
  };
}

/** The React Flow nodes of one scenario: derived from the document, with view state laid over. */
export function deriveNodes(
  design: Design,
  scenarioId: string,
  selection: Selection,
  overlay: ViewOverlay,
): FlowNode[] {
  const components = design.components.filter((c) => c.scenarioId === scenarioId);
  const byId = new Map(components.map((c) => [c.id, c]));
  const selected = new Set(selection.componentIds);
  return components
    .map((c) => ({ c, depth: depthOf(c, byId) }))
    .sort((a, b) => a.depth - b.depth)
    .map(({ c }) => toNode(c, selected.has(c.id), overlay));
}

/** The React Flow edges of one scenario. */
export function deriveEdges(design: Design, scenarioId: string, selection: Selection): FlowEdge[] {
  const selected = new Set(selection.connectionIds);
  return design.connections
    .filter((c) => c.scenarioId === scenarioId)
    .map((c) => toEdge(c, selected.has(c.id)));
}
