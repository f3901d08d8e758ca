import { MarkerType } from '@xyflow/react';
import type { XYPosition } from '@xyflow/react';
import type { Component, Connection, Design, Size } from '../../../shared/model/document.ts';
import { getConnectionKindSpec, getKindSpec } from '../../../shared/model/catalog/index.ts';
import type { Selection } from '../store/selection.ts';
import { DEFAULT_BOUNDARY_SIZE } from './flowTypes.ts';
import type { FlowEdge, FlowNode } from './flowTypes.ts';
import { createMemoById } from './memoById.ts';
import type { AnalysisHighlight } from './analysisHighlight.ts';

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

/** The route of the journey shown on the canvas: what is on it is drawn emphasised, the rest dimmed. */
export interface RouteView {
  readonly connectionIds: ReadonlySet<string>;
  readonly componentIds: ReadonlySet<string>;
  readonly entryId: string;
  /** True in route edit mode: connections react to clicks. */
  readonly editing: boolean;
}

/** Where an element stands against the shown route: 'entry' and 'on' are emphasised, 'off' dimmed. */
type RouteStatus = 'entry' | 'on' | 'off' | null;

function componentStatus(id: string, route: RouteView | null): RouteStatus {
  if (!route) return null;
  if (id === route.entryId) return 'entry';
  return route.componentIds.has(id) ? 'on' : 'off';
}

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

const ROUTE_LABELS: Record<Exclude<RouteStatus, null>, string> = {
  entry: ', entry of the journey',
  on: ', on the route',
  off: ', off the route',
};

/** The class an analysis highlight gives an element: 'analysis-path' or 'analysis-risk', or none. */
function highlightClass(
  id: string,
  ids: 'componentIds' | 'connectionIds',
  highlight: AnalysisHighlight | null,
) {
  return highlight?.[ids].has(id) ? `analysis-${highlight.tone}` : null;
}

const HIGHLIGHT_LABELS: Record<string, string> = {
  'analysis-path': ', on the critical path',
  'analysis-risk': ', at risk',
};

function toNode(
  component: Component,
  selected: boolean,
  overlay: ViewOverlay,
  status: RouteStatus,
  highlight: string | null = null,
): FlowNode {
  const spec = getKindSpec(component.kind);
  const data = {
    name: component.name,
    label: spec.label,
    icon: spec.icon,
    colour: spec.colour,
    routeEntry: status === 'entry',
  };
  // Boundaries are containers, not steps of a request: they are never dimmed.
  const classes = [];
  if (status !== null && !spec.boundary) classes.push(`route-${status}`);
  if (highlight && !spec.boundary) classes.push(highlight);
  const routeLabel = status && !spec.boundary ? ROUTE_LABELS[status] : '';
  const highlightLabel = highlight && !spec.boundary ? HIGHLIGHT_LABELS[highlight] : '';
  const base = {
    id: component.id,
    // React Flow gives a focusable node no name of its own.
    ariaLabel: `${component.name} (${spec.label})${routeLabel}${highlightLabel ?? ''}`,
    ...(classes.length > 0 ? { className: classes.join(' ') } : {}),
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

function toEdge(
  connection: Connection,
  selected: boolean,
  from: string,
  to: string,
  onRoute: boolean | null,
  editing: boolean,
  highlight: string | null = null,
): FlowEdge {
  const kindLabel = getConnectionKindSpec(connection.kind).label;
  const classes = [];
  if (onRoute !== null) classes.push(onRoute ? 'route-on' : 'route-off');
  if (editing) classes.push('route-editing');
  if (highlight) classes.push(highlight);
  const routeLabel = onRoute === null ? '' : onRoute ? ', on the route' : ', off the route';
  return {
    id: connection.id,
    source: connection.sourceId,
    target: connection.targetId,
    selected,
    ...(classes.length > 0 ? { className: classes.join(' ') } : {}),
    // React Flow's own name for an edge ("Edge from c_… to c_…") shows ids no user knows.
    ariaLabel: `${kindLabel} from ${from} to ${to}${routeLabel}`,
    // Calls are the common case: labelling only the other kinds keeps large designs readable.
    ...(connection.kind === 'call' ? {} : { label: kindLabel }),
    markerEnd: { type: MarkerType.ArrowClosed },
  };
}

/** The components of one scenario, parents before their children. */
function componentsInDrawOrder(design: Design, scenarioId: string): Component[] {
  const components = design.components.filter((c) => c.scenarioId === scenarioId);
  const byId = new Map(components.map((c) => [c.id, c]));
  return components
    .map((c) => ({ c, depth: depthOf(c, byId) }))
    .sort((a, b) => a.depth - b.depth)
    .map(({ c }) => c);
}

/**
 * Derives the React Flow nodes of one scenario from the document, with view state laid over. The node of
 * a component whose object, selection and overlay entries are unchanged is the object of the last call.
 */
export function createNodeDeriver(): (
  design: Design,
  scenarioId: string,
  selection: Selection,
  overlay: ViewOverlay,
  route?: RouteView | null,
  highlight?: AnalysisHighlight | null,
) => FlowNode[] {
  const memo = createMemoById<FlowNode>();
  return (design, scenarioId, selection, overlay, route = null, highlight = null) => {
    const selected = new Set(selection.componentIds);
    const lit = (id: string) => highlightClass(id, 'componentIds', highlight);
    return memo(componentsInDrawOrder(design, scenarioId), {
      idOf: (c) => c.id,
      inputsOf: (c) => [
        c,
        selected.has(c.id),
        overlay.positions[c.id],
        overlay.sizes[c.id],
        overlay.measured[c.id],
        componentStatus(c.id, route),
        lit(c.id),
      ],
      build: (c) => toNode(c, selected.has(c.id), overlay, componentStatus(c.id, route), lit(c.id)),
    });
  };
}

/** Derives the React Flow edges of one scenario, reusing the edge of an unchanged connection. */
export function createEdgeDeriver(): (
  design: Design,
  scenarioId: string,
  selection: Selection,
  route?: RouteView | null,
  highlight?: AnalysisHighlight | null,
) => FlowEdge[] {
  const memo = createMemoById<FlowEdge>();
  return (design, scenarioId, selection, route = null, highlight = null) => {
    const lit = (id: string) => highlightClass(id, 'connectionIds', highlight);
    const onRoute = (id: string) => (route ? route.connectionIds.has(id) : null);
    const editing = route?.editing ?? false;
    const selected = new Set(selection.connectionIds);
    const names = new Map(design.components.map((c) => [c.id, c.name]));
    const nameOf = (id: string) => names.get(id) ?? '?';
    return memo(
      design.connections.filter((c) => c.scenarioId === scenarioId),
      {
        idOf: (c) => c.id,
        inputsOf: (c) => [
          c,
          selected.has(c.id),
          nameOf(c.sourceId),
          nameOf(c.targetId),
          onRoute(c.id),
          editing,
          lit(c.id),
        ],
        build: (c) =>
          toEdge(
            c,
            selected.has(c.id),
            nameOf(c.sourceId),
            nameOf(c.targetId),
            onRoute(c.id),
            editing,
            lit(c.id),
          ),
      },
    );
  };
}
