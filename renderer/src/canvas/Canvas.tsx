import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { DragEvent } from 'react';
import { Background, BackgroundVariant, Controls, MiniMap, ReactFlow, useReactFlow } from '@xyflow/react';
import type { Connection, EdgeChange, EdgeMouseHandler, NodeChange, NodeMouseHandler } from '@xyflow/react';
import { getKindSpec } from '../../../shared/model/catalog/index.ts';
import { ALL_KINDS } from '../../../shared/model/catalog/types.ts';
import type { ComponentKind } from '../../../shared/model/catalog/types.ts';
import { useAnalysisView } from '../store/analysisView.ts';
import { editorStore, useEditor } from '../store/index.ts';
import { addComponent, connect, moveComponents, resizeBoundary } from '../store/commands.ts';
import { toggleRouteConnection } from '../store/designCommands.ts';
import { BoundaryNode } from './BoundaryNode.tsx';
import { ComponentNode } from './ComponentNode.tsx';
import { boundaryAt, KIND_MIME } from './dropTarget.ts';
import { createEdgeDeriver, createNodeDeriver, emptyOverlay } from './flowElements.ts';
import type { ViewOverlay } from './flowElements.ts';
import { COMPONENT_NODE_SIZE } from './flowTypes.ts';
import type { FlowEdge, FlowNode } from './flowTypes.ts';
import { foldNodeChanges, foldSelectChanges } from './nodeChanges.ts';
import { placeDraggedNodes } from './reparent.ts';
import { RouteEditPanel } from './RouteEditPanel.tsx';
import { NodeAnalysisTooltip } from './NodeAnalysisTooltip.tsx';
import { useAnalysisHighlight } from './useAnalysisHighlight.ts';
import { useRouteView } from './useRouteView.ts';
import { FIT_VIEW_OPTIONS, useViewportMemory } from './useViewportMemory.ts';

const nodeTypes = { component: ComponentNode, boundary: BoundaryNode };

function isKind(value: string): value is ComponentKind {
  return (ALL_KINDS as readonly string[]).includes(value);
}

// Module-level, like nodeTypes: a new function each render is a changed prop, and the minimap redraws
// every one of its nodes when nodeColor changes, on every drag frame.
const isValidConnection = (connection: FlowEdge | Connection) => connection.source !== connection.target;
const minimapColour = (node: FlowNode) => node.data.colour;
// In route edit mode a click on a connection puts it on the shown journey's route or takes it off.
const onRouteEdgeClick: EdgeMouseHandler<FlowEdge> = (_event, edge) => toggleRouteConnection(edge.id);
// The contribution tooltip follows the pointer over a node; it lives in its own store, so nodes never re-render.
const onNodeMouseEnter: NodeMouseHandler<FlowNode> = (event, node) =>
  useAnalysisView.getState().set({ hovered: { id: node.id, x: event.clientX, y: event.clientY } });
const onNodeMouseLeave = () => useAnalysisView.getState().set({ hovered: null });

/**
 * From this many components on, elements off screen are left out of the DOM: laying out and painting
 * thousands of nodes and edges is what makes a drag slow on a large design. Smaller designs keep every
 * element in the DOM, so Tab still reaches each node.
 */
const CULL_FROM_COMPONENTS = 500;

/** The centre pane: the current scenario as a React Flow graph, controlled by the document. */
export function Canvas() {
  const design = useEditor((s) => s.design);
  const scenarioId = useEditor((s) => s.scenarioId);
  const selection = useEditor((s) => s.selection);
  const [overlay, setOverlay] = useState<ViewOverlay>(emptyOverlay);
  // The change handlers need the overlay of this very moment, not of the last render.
  const overlayRef = useRef(overlay);
  const { screenToFlowPosition, getInternalNode } = useReactFlow<FlowNode, FlowEdge>();
  const { savedOnOpen, fitOnOpen, onMoveEnd } = useViewportMemory(scenarioId);
  const [deriveNodes] = useState(createNodeDeriver);
  const [deriveEdges] = useState(createEdgeDeriver);
  const route = useRouteView();
  const editingRoute = route?.editing ?? false;
  const highlight = useAnalysisHighlight();

  const nodes = useMemo(
    () => (design && scenarioId ? deriveNodes(design, scenarioId, selection, overlay, route, highlight) : []),
    [deriveNodes, design, scenarioId, selection, overlay, route, highlight],
  );
  // The drop and drag-end handlers look up boundaries among the nodes currently drawn.
  const nodesRef = useRef(nodes);
  useEffect(() => {
    nodesRef.current = nodes;
  }, [nodes]);
  const edges = useMemo(
    () => (design && scenarioId ? deriveEdges(design, scenarioId, selection, route, highlight) : []),
    [deriveEdges, design, scenarioId, selection, route, highlight],
  );

  const onNodesChange = useCallback(
    (changes: NodeChange<FlowNode>[]) => {
      const { design: current, selection: currentSelection, select } = editorStore.getState();
      const childrenOf = (id: string) =>
        current?.components.filter((c) => c.parentId === id).map((c) => c.id) ?? [];
      const outcome = foldNodeChanges(overlayRef.current, changes, childrenOf);
      overlayRef.current = outcome.overlay;
      setOverlay(outcome.overlay);
      if (outcome.moves.length > 0 && current) {
        moveComponents(
          placeDraggedNodes(outcome.moves, current.components, nodesRef.current, (id) => getInternalNode(id)),
        );
      }
      if (outcome.resize) {
        const { id, position, size } = outcome.resize;
        resizeBoundary(id, position, size);
      }
      const nextSelection = foldSelectChanges(currentSelection, changes, 'componentIds');
      if (nextSelection !== currentSelection) select(nextSelection);
    },
    [getInternalNode],
  );

  const onEdgesChange = useCallback((changes: EdgeChange<FlowEdge>[]) => {
    const { selection: currentSelection, select } = editorStore.getState();
    const nextSelection = foldSelectChanges(currentSelection, changes, 'connectionIds');
    if (nextSelection !== currentSelection) select(nextSelection);
  }, []);

  const onConnect = useCallback(
    (connection: Connection) => connect(connection.source, connection.target),
    [],
  );

  const onDragOver = useCallback((event: DragEvent) => {
    if (!event.dataTransfer.types.includes(KIND_MIME)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
  }, []);

  const onDrop = useCallback(
    (event: DragEvent) => {
      const kind = event.dataTransfer.getData(KIND_MIME);
      if (!isKind(kind)) return;
      event.preventDefault();
      const point = screenToFlowPosition({ x: event.clientX, y: event.clientY });
      const boundary = getKindSpec(kind).boundary;
      // A component is centred on the pointer; a boundary hangs from it by its label.
      const topLeft = boundary
        ? { x: point.x - 20, y: point.y - 14 }
        : { x: point.x - COMPONENT_NODE_SIZE.width / 2, y: point.y - COMPONENT_NODE_SIZE.height / 2 };
      const parent = boundaryAt(point, nodesRef.current, (id) => getInternalNode(id));
      const position = parent ? { x: topLeft.x - parent.origin.x, y: topLeft.y - parent.origin.y } : topLeft;
      addComponent(kind, { x: Math.round(position.x), y: Math.round(position.y) }, parent?.id ?? null);
    },
    [screenToFlowPosition, getInternalNode],
  );

  const empty = nodes.length === 0;
  return (
    <main
      className={route ? 'canvas-pane showing-route' : 'canvas-pane'}
      aria-label="Canvas"
      onDragOver={onDragOver}
      onDrop={onDrop}
    >
      <ReactFlow<FlowNode, FlowEdge>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={onConnect}
        onNodeMouseEnter={onNodeMouseEnter}
        onNodeMouseLeave={onNodeMouseLeave}
        {...(editingRoute ? { onEdgeClick: onRouteEdgeClick } : {})}
        // While the route is edited, clicks decide the route: nothing gets selected on the way.
        elementsSelectable={!editingRoute}
        isValidConnection={isValidConnection}
        deleteKeyCode={null}
        fitView={fitOnOpen}
        fitViewOptions={FIT_VIEW_OPTIONS}
        {...(savedOnOpen ? { defaultViewport: savedOnOpen } : {})}
        onMoveEnd={onMoveEnd}
        onlyRenderVisibleElements={nodes.length >= CULL_FROM_COMPONENTS}
        minZoom={0.1}
        maxZoom={3}
      >
        <Background variant={BackgroundVariant.Dots} gap={20} size={1} />
        <MiniMap<FlowNode> pannable zoomable ariaLabel="Minimap" nodeColor={minimapColour} />
        <Controls aria-label="Zoom controls" />
      </ReactFlow>
      {route?.editing && <RouteEditPanel route={route} />}
      <NodeAnalysisTooltip />
      {empty && (
        <div className="canvas-empty" role="note">
          <p className="canvas-empty-title">This scenario is empty</p>
          <p>Drag a component from the palette onto the canvas, or click it to place it here.</p>
          <p>
            Then connect two components by dragging from the dot on one component&rsquo;s right edge to
            another.
          </p>
        </div>
      )}
    </main>
  );
}
