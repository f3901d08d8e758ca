import { useCallback } from 'react';
import { useReactFlow } from '@xyflow/react';
import type { XYPosition } from '@xyflow/react';
import { editorStore } from '../store/index.ts';
import type { FlowEdge, FlowNode } from './flowTypes.ts';

/** Below this zoom a revealed node is too small to read, so revealing zooms in to it. */
const READABLE_ZOOM = 0.75;
const REVEAL_DURATION_MS = 250;

/**
 * Selects a component or a connection found outside the canvas (a dock table row) and centres the view
 * on it, keeping the user's zoom unless it is too far out to read the element.
 */
export function useRevealElement(): (element: { componentId: string } | { connectionId: string }) => void {
  const { getInternalNode, setCenter, getZoom } = useReactFlow<FlowNode, FlowEdge>();
  return useCallback(
    (element) => {
      const { design, select } = editorStore.getState();
      if (!design) return;
      const centreOf = (id: string): XYPosition | null => {
        const node = getInternalNode(id);
        if (!node) return null;
        const { x, y } = node.internals.positionAbsolute;
        return { x: x + (node.measured.width ?? 0) / 2, y: y + (node.measured.height ?? 0) / 2 };
      };
      let centre: XYPosition | null;
      if ('componentId' in element) {
        select({ componentIds: [element.componentId], connectionIds: [] });
        centre = centreOf(element.componentId);
      } else {
        select({ componentIds: [], connectionIds: [element.connectionId] });
        const connection = design.connections.find((c) => c.id === element.connectionId);
        const from = connection && centreOf(connection.sourceId);
        const to = connection && centreOf(connection.targetId);
        centre = from && to ? { x: (from.x + to.x) / 2, y: (from.y + to.y) / 2 } : null;
      }
      if (centre) {
        void setCenter(centre.x, centre.y, {
          zoom: Math.max(getZoom(), READABLE_ZOOM),
          duration: REVEAL_DURATION_MS,
        });
      }
    },
    [getInternalNode, setCenter, getZoom],
  );
}
