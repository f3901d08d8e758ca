import type { XYPosition } from '@xyflow/react';
import type { AttrValue } from '../../../shared/model/attributes.ts';
import type { AttrSpec, ComponentKind, ConnectionKind } from '../../../shared/model/catalog/types.ts';
import type { Size } from '../../../shared/model/document.ts';
import type { Operation } from '../../../shared/model/operations.ts';
import { getConnectionKindSpec, getKindSpec } from '../../../shared/model/catalog/index.ts';
import {
  addComponentOps,
  changeConnectionKindOps,
  connectOps,
  moveComponentsOps,
  removeElementsOps,
  renameComponentOp,
  resizeBoundaryOps,
  setAttributeOps,
} from '../../../shared/model/commands.ts';
import type { AttributeOwner, ComponentMove } from '../../../shared/model/commands.ts';
import { editorStore, reportError } from './index.ts';
import { emptySelection, selectAllIn } from './selection.ts';

/*
 * User gestures as commands: each turns into operations from shared/model and goes through the store's
 * one edit path (optimistic apply, one undo step, one doc.apply call).
 */

/** Adds a component of `kind` at `position` (relative to `parentId` when it sits in a boundary) and selects it. */
export function addComponent(kind: ComponentKind, position: XYPosition, parentId: string | null): void {
  const { design, scenarioId, edit, select } = editorStore.getState();
  if (!design || !scenarioId) return;
  const ops = addComponentOps(design, { scenarioId, kind, position, parentId });
  const added = ops[0]?.type === 'component.add' ? ops[0].component.id : null;
  if (edit(`Add ${getKindSpec(kind).label}`, ops) && added)
    select({ componentIds: [added], connectionIds: [] });
}

/** Connects two components; a self-connection or a duplicate is refused with the model's message. */
export function connect(sourceId: string, targetId: string): void {
  const { design, edit } = editorStore.getState();
  if (!design) return;
  let ops: Operation[];
  try {
    ops = connectOps(design, { sourceId, targetId });
  } catch (error) {
    reportError(error);
    return;
  }
  edit('Connect', ops);
}

/** Renames a component; an unchanged or blank name is not an edit. */
export function renameComponent(id: string, name: string): void {
  const { design, edit } = editorStore.getState();
  const current = design?.components.find((c) => c.id === id);
  const trimmed = name.trim();
  if (!current || trimmed === '' || trimmed === current.name) return;
  edit('Rename', [renameComponentOp(id, trimmed)]);
}

/**
 * Moves components to where a drag left them: one undo step however many moved. A move with a `parentId`
 * also takes the component into (or out of) a boundary.
 */
export function moveComponents(moves: readonly ComponentMove[]): void {
  const { design, edit } = editorStore.getState();
  if (!design) return;
  const ops = moveComponentsOps(design, moves);
  if (ops.length > 0) edit(moves.length === 1 ? 'Move' : `Move ${moves.length} components`, ops);
}

/**
 * Resizes a boundary. Resizing from the top or left edge moves its corner (`position`) and shifts its
 * children back so they stay where they were on screen: all of it one undo step.
 */
export function resizeBoundary(id: string, position: XYPosition | null, size: Size): void {
  const { design, edit } = editorStore.getState();
  if (!design) return;
  const ops = resizeBoundaryOps(design, { id, position, size });
  if (ops.length > 0) edit('Resize', ops);
}

/** Deletes the selection with everything that depends on it (connections of removed components). */
export function deleteSelection(): void {
  const { design, selection, edit, select } = editorStore.getState();
  if (!design) return;
  const ops = removeElementsOps(design, {
    componentIds: [...selection.componentIds],
    connectionIds: [...selection.connectionIds],
  });
  if (ops.length === 0) return;
  if (edit('Delete', ops)) select(emptySelection);
}

export function selectAll(): void {
  const { design, scenarioId, select } = editorStore.getState();
  if (design && scenarioId) select(selectAllIn(design, scenarioId));
}

export function clearSelection(): void {
  editorStore.getState().select(emptySelection);
}

/** Sets one attribute of a component or connection: one undo step, nothing when the value is unchanged. */
export function setAttribute(owner: AttributeOwner, spec: AttrSpec, value: AttrValue): void {
  const { design, edit } = editorStore.getState();
  if (!design) return;
  let ops: Operation[];
  try {
    ops = setAttributeOps(design, owner, spec.key, value);
  } catch (error) {
    // Turning a connection sync can close a sync cycle: the model says which.
    reportError(error);
    return;
  }
  if (ops.length > 0) edit(`Change ${spec.label}`, ops);
}

/** Turns a connection into another kind (a call into an event, say), keeping what the user had set. */
export function changeConnectionKind(id: string, kind: ConnectionKind): void {
  const { design, edit } = editorStore.getState();
  if (!design) return;
  let ops: Operation[];
  try {
    ops = changeConnectionKindOps(design, id, kind);
  } catch (error) {
    reportError(error);
    return;
  }
  if (ops.length > 0) edit(`Change kind to ${getConnectionKindSpec(kind).label}`, ops);
}
