import type { InternalNode, XYPosition } from '@xyflow/react';
import type { ComponentMove } from '../../../shared/model/commands.ts';
import type { Component } from '../../../shared/model/document.ts';
import { boundaryAt } from './dropTarget.ts';
import type { FlowNode } from './flowTypes.ts';

/**
 * Turns the end of a drag into moves: positions relative to each component's (possibly new) boundary. A
 * component whose centre lands in another boundary (or on the open canvas) moves into it, with `parentId`
 * set and its position converted so it stays where the user dropped it.
 */
export function placeDraggedNodes(
  moves: readonly { id: string; position: XYPosition }[],
  components: readonly Component[],
  nodes: readonly FlowNode[],
  internal: (id: string) => InternalNode<FlowNode> | undefined,
): ComponentMove[] {
  const byId = new Map(components.map((c) => [c.id, c]));
  return moves.map((move) => {
    const component = byId.get(move.id);
    if (!component) return move;
    const parentOrigin = component.parentId
      ? internal(component.parentId)?.internals.positionAbsolute
      : undefined;
    const absolute = {
      x: move.position.x + (parentOrigin?.x ?? 0),
      y: move.position.y + (parentOrigin?.y ?? 0),
    };
    const measured = internal(move.id)?.measured;
    const centre = {
      x: absolute.x + (measured?.width ?? 0) / 2,
      y: absolute.y + (measured?.height ?? 0) / 2,
    };
    // A boundary cannot go inside itself or anything inside it.
    const excluded = descendantsAndSelf(move.id, components);
    const target = boundaryAt(
      centre,
      nodes.filter((n) => !excluded.has(n.id)),
      internal,
    );
    const parentId = target?.id ?? null;
    if (parentId === component.parentId) return move;
    const origin = target?.origin ?? { x: 0, y: 0 };
    return { id: move.id, position: { x: absolute.x - origin.x, y: absolute.y - origin.y }, parentId };
  });
}

function descendantsAndSelf(id: string, components: readonly Component[]): Set<string> {
  const found = new Set([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const c of components) {
      if (c.parentId && found.has(c.parentId) && !found.has(c.id)) {
        found.add(c.id);
        grew = true;
      }
    }
  }
  return found;
}
