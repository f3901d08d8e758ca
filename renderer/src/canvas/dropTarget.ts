import type { InternalNode, XYPosition } from '@xyflow/react';
import type { FlowNode } from './flowTypes.ts';

/** The MIME type the palette puts on a drag: the component kind being dragged. */
export const KIND_MIME = 'application/x-mlarch-kind';

/**
 * The innermost boundary under `point` (canvas coordinates), so a component dropped inside a region or a
 * trust boundary becomes its child; null when the point is on the open canvas.
 */
export function boundaryAt(
  point: XYPosition,
  nodes: readonly FlowNode[],
  internal: (id: string) => InternalNode<FlowNode> | undefined,
): { id: string; origin: XYPosition } | null {
  let best: { id: string; origin: XYPosition; area: number } | null = null;
  for (const node of nodes) {
    if (node.type !== 'boundary') continue;
    const inner = internal(node.id);
    if (!inner) continue;
    const { x, y } = inner.internals.positionAbsolute;
    const width = inner.measured.width ?? node.width ?? 0;
    const height = inner.measured.height ?? node.height ?? 0;
    const inside = point.x >= x && point.x <= x + width && point.y >= y && point.y <= y + height;
    const area = width * height;
    if (inside && (!best || area < best.area)) best = { id: node.id, origin: { x, y }, area };
  }
  return best ? { id: best.id, origin: best.origin } : null;
}
