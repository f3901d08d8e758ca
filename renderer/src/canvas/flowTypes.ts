import type { Edge, Node } from '@xyflow/react';

/** What a node component needs to draw a component or a boundary: no document objects, only display data. */
export interface ComponentNodeData extends Record<string, unknown> {
  name: string;
  label: string;
  icon: string;
  colour: string;
  /** True for the entry component of the journey shown on the canvas. */
  routeEntry: boolean;
}

export type ComponentFlowNode = Node<ComponentNodeData, 'component'>;
export type BoundaryFlowNode = Node<ComponentNodeData, 'boundary'>;
export type FlowNode = ComponentFlowNode | BoundaryFlowNode;
export type FlowEdge = Edge;

/** Size of a boundary drawn before the user resizes it, in canvas units. */
export const DEFAULT_BOUNDARY_SIZE = { width: 360, height: 240 } as const;
/** Roughly the size of a component node: a drop centres the node on the pointer. */
export const COMPONENT_NODE_SIZE = { width: 190, height: 56 } as const;
