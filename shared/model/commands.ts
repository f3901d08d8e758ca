import type { ConnectionKind } from './catalog/index.ts';
import { defaultConnectionAttributes, getConnectionKindSpec, getKindSpec } from './catalog/index.ts';
import { sameAttrValue } from './attribute-values.ts';
import type { AttrValue } from './attributes.ts';
import type { Component, Connection, Design, Position, Size } from './document.ts';
import { createComponent, createConnection, type NewComponentOptions } from './factory.ts';
import type { ModelLookup } from './integrity.ts';
import { connectionName, endpointsProblem, q } from './integrity.ts';
import { leaveOps } from './group-commands.ts';
import type { ComponentChanges, Operation } from './operations.ts';
import { OperationError } from './operations.ts';
import { isSyncConnection, refuseSyncCycle } from './sync-cycle.ts';

/*
 * User gestures as operation lists, shared by the UI and the CLI. Builders are pure: they read the design and
 * return operations for applyOperations (which still checks everything). Ids that no longer exist (a stale
 * selection) are skipped. A gesture the design cannot take (a duplicate connection) throws OperationError with
 * index 0 and a message for the user, the same error type applyOperations throws, so callers need one catch.
 */

function lookupOf(design: Design): ModelLookup & { components: Map<string, Component> } {
  const components = new Map(design.components.map((c) => [c.id, c]));
  return {
    components,
    scenario: (id) => design.scenarios.find((s) => s.id === id),
    component: (id) => components.get(id),
  };
}

/**
 * Operations that remove the given components and connections with everything that depends on them: the
 * contents of removed boundaries (recursively), connections touching removed components and journeys starting
 * at them, groups left empty or without their source. Explicit journey routes let go of removed connections and
 * fallbacks of a removed call are unlinked. Ordered so applyOperations accepts them: journeys, route and
 * fallback updates, connections (fallbacks first), groups, then components inner first.
 */
export function removeElementsOps(
  design: Design,
  selection: { componentIds: readonly string[]; connectionIds: readonly string[] },
): Operation[] {
  const known = new Set(design.components.map((c) => c.id));
  const children = new Map<string, string[]>();
  for (const c of design.components) {
    if (c.parentId === null) continue;
    const list = children.get(c.parentId);
    if (list) list.push(c.id);
    else children.set(c.parentId, [c.id]);
  }
  // Depth-first post-order: every boundary comes after what it contains.
  const removed = new Set<string>();
  const order: string[] = [];
  const visit = (root: string): void => {
    const stack: { id: string; expanded: boolean }[] = [{ id: root, expanded: false }];
    while (stack.length > 0) {
      const top = stack[stack.length - 1] as { id: string; expanded: boolean };
      if (top.expanded) {
        stack.pop();
        order.push(top.id);
        continue;
      }
      top.expanded = true;
      for (const child of children.get(top.id) ?? []) {
        if (!removed.has(child)) {
          removed.add(child);
          stack.push({ id: child, expanded: false });
        }
      }
    }
  };
  for (const id of selection.componentIds) {
    if (known.has(id) && !removed.has(id)) {
      removed.add(id);
      visit(id);
    }
  }
  const selected = new Set(selection.connectionIds);
  const gone = new Set<string>();
  for (const e of design.connections) {
    if (selected.has(e.id) || removed.has(e.sourceId) || removed.has(e.targetId)) gone.add(e.id);
  }
  const ops: Operation[] = [];
  for (const j of design.journeys) if (removed.has(j.entryId)) ops.push({ type: 'journey.remove', id: j.id });
  // Explicit routes let go of removed connections; fallbacks of a removed call stay, backing up nothing.
  for (const j of design.journeys) {
    if (removed.has(j.entryId) || j.route === null || !j.route.some((id) => gone.has(id))) continue;
    ops.push({ type: 'journey.update', id: j.id, changes: { route: j.route.filter((id) => !gone.has(id)) } });
  }
  for (const e of design.connections) {
    if (!gone.has(e.id) && e.primaryId !== null && gone.has(e.primaryId)) {
      ops.push({ type: 'connection.update', id: e.id, changes: { primaryId: null } });
    }
  }
  // A fallback goes before the call it backs up (the end of a chain first).
  const byId = new Map(design.connections.map((e) => [e.id, e]));
  const depth = (id: string): number => {
    let d = 0;
    for (let at = byId.get(id); at && at.primaryId !== null && gone.has(at.primaryId) && d < 64; d++)
      at = byId.get(at.primaryId);
    return d;
  };
  const doomed = design.connections.filter((e) => gone.has(e.id));
  const depths = new Map(doomed.map((e) => [e.id, depth(e.id)]));
  doomed.sort((a, b) => (depths.get(b.id) ?? 0) - (depths.get(a.id) ?? 0));
  for (const e of doomed) ops.push({ type: 'connection.remove', id: e.id });
  // A group goes with its source, or once it has no member left.
  const members = new Map<string, number>();
  for (const e of design.connections) {
    if (e.groupId !== null && !gone.has(e.id)) members.set(e.groupId, (members.get(e.groupId) ?? 0) + 1);
  }
  for (const g of design.groups) {
    const emptied = (members.get(g.id) ?? 0) === 0 && design.connections.some((e) => e.groupId === g.id);
    if (removed.has(g.sourceId) || emptied) ops.push({ type: 'group.remove', id: g.id });
    else if (g.type === 'exclusive') ops.push(...rebalanceChoice(design, g.id, gone));
  }
  for (const id of order) ops.push({ type: 'component.remove', id });
  return ops;
}

/** The updates that keep a choice's shares summing to 1 once the `gone` members leave it (their ratios kept). */
function rebalanceChoice(design: Design, groupId: string, gone: ReadonlySet<string>): Operation[] {
  const members = design.connections.filter((e) => e.groupId === groupId);
  if (!members.some((e) => gone.has(e.id))) return [];
  const staying = members.filter((e) => !gone.has(e.id));
  const share = (e: Connection): number =>
    typeof e.attributes.probability === 'number' ? e.attributes.probability : 0;
  const total = staying.reduce((sum, e) => sum + share(e), 0);
  return staying.map((e) => ({
    type: 'connection.update',
    id: e.id,
    changes: { attributes: { probability: total > 0 ? share(e) / total : 1 / staying.length } },
  }));
}

/** Operations that remove a scenario with everything in it (components, connections, journeys). */
export function removeScenarioOps(design: Design, scenarioId: string): Operation[] {
  const componentIds = design.components.filter((c) => c.scenarioId === scenarioId).map((c) => c.id);
  const connectionIds = design.connections.filter((e) => e.scenarioId === scenarioId).map((e) => e.id);
  const ops = removeElementsOps(design, { componentIds, connectionIds });
  const removedGroups = new Set(ops.flatMap((op) => (op.type === 'group.remove' ? [op.id] : [])));
  const strayGroups = design.groups.filter((g) => g.scenarioId === scenarioId && !removedGroups.has(g.id));
  const removedJourneys = new Set(ops.flatMap((op) => (op.type === 'journey.remove' ? [op.id] : [])));
  const strays = design.journeys.filter((j) => j.scenarioId === scenarioId && !removedJourneys.has(j.id));
  return [
    ...strays.map((j): Operation => ({ type: 'journey.remove', id: j.id })),
    ...ops,
    ...strayGroups.map((g): Operation => ({ type: 'group.remove', id: g.id })),
    { type: 'scenario.remove', id: scenarioId },
  ];
}

/** Where a component goes: its position (canvas units, relative to its boundary) and optionally a new boundary. */
export interface ComponentMove {
  readonly id: string;
  readonly position: Position;
  /** The boundary it moves into (null: the open canvas); undefined keeps the one it is in. */
  readonly parentId?: string | null;
}

/**
 * One update per component whose position or boundary changes; moves of ids that no longer exist and moves
 * that change nothing are left out. Together they make one undo step.
 */
export function moveComponentsOps(design: Design, moves: readonly ComponentMove[]): Operation[] {
  const { components } = lookupOf(design);
  const ops: Operation[] = [];
  for (const { id, position, parentId } of moves) {
    const c = components.get(id);
    if (!c) continue;
    const moved = c.position.x !== position.x || c.position.y !== position.y;
    const reparented = parentId !== undefined && parentId !== c.parentId;
    if (!moved && !reparented) continue;
    const changes: ComponentChanges = reparented
      ? { parentId, position: { x: position.x, y: position.y } }
      : { position: { x: position.x, y: position.y } };
    ops.push({ type: 'component.update', id, changes });
  }
  return ops;
}

/**
 * The operations that resize a boundary to `size` (canvas units), with its top-left moved to `position` when
 * it is given (a resize from the top or left edge). Children are placed relative to their boundary, so when
 * the corner moves by (dx, dy) each direct child moves by (-dx, -dy) and stays where it was on screen. Empty
 * for a component that no longer exists or a resize that changes nothing.
 */
export function resizeBoundaryOps(
  design: Design,
  resize: { id: string; size: Size; position?: Position | null },
): Operation[] {
  const boundary = design.components.find((c) => c.id === resize.id);
  if (!boundary) return [];
  const { size } = resize;
  const position = resize.position ?? boundary.position;
  const dx = position.x - boundary.position.x;
  const dy = position.y - boundary.position.y;
  const resized =
    boundary.size === null || boundary.size.width !== size.width || boundary.size.height !== size.height;
  if (!resized && dx === 0 && dy === 0) return [];
  const changes: ComponentChanges = { size: { width: size.width, height: size.height } };
  if (dx !== 0 || dy !== 0) changes.position = { x: position.x, y: position.y };
  const ops: Operation[] = [{ type: 'component.update', id: boundary.id, changes }];
  if (dx === 0 && dy === 0) return ops;
  for (const child of design.components) {
    if (child.parentId !== boundary.id) continue;
    const shifted = { x: child.position.x - dx, y: child.position.y - dy };
    ops.push({ type: 'component.update', id: child.id, changes: { position: shifted } });
  }
  return ops;
}

/** The operation that renames a component (the name is trimmed; applyOperations refuses an empty one). */
export function renameComponentOp(id: string, name: string): Operation {
  return { type: 'component.update', id, changes: { name: name.trim() } };
}

/** A name for a new component that no other component of the scenario has: "Cache", "Cache 2", ... */
export function uniqueComponentName(design: Design, scenarioId: string, base: string): string {
  const taken = new Set(design.components.filter((c) => c.scenarioId === scenarioId).map((c) => c.name));
  if (!taken.has(base)) return base;
  let n = 2;
  while (taken.has(`${base} ${n}`)) n += 1;
  return `${base} ${n}`;
}

/**
 * The operations that add a new component of `kind` (catalog defaults; named after the kind, numbered when
 * the name is taken). The first operation is the `component.add`, carrying the new component and its id.
 */
export function addComponentOps(design: Design, options: NewComponentOptions): Operation[] {
  const name =
    options.name ?? uniqueComponentName(design, options.scenarioId, getKindSpec(options.kind).label);
  return [{ type: 'component.add', component: createComponent({ ...options, name }) }];
}

/** Throws OperationError when `sourceId` already has a connection of `kind` to `targetId` (other than `id`). */
function refuseDuplicate(
  design: Design,
  lookup: ReturnType<typeof lookupOf>,
  edge: { sourceId: string; targetId: string; kind: ConnectionKind; id?: string },
): void {
  const duplicate = design.connections.some(
    (e) =>
      e.id !== edge.id &&
      e.sourceId === edge.sourceId &&
      e.targetId === edge.targetId &&
      e.kind === edge.kind,
  );
  if (!duplicate) return;
  const source = lookup.component(edge.sourceId);
  const target = lookup.component(edge.targetId);
  throw new OperationError(
    `${q(source?.name ?? edge.sourceId)} already has a ${edge.kind} connection to ` +
      `${q(target?.name ?? edge.targetId)}. Select that connection to change it.`,
    0,
  );
}

/** 'Connecting "A" to "B"', the start of a refusal of a gesture that makes a sync connection A → B. */
function connectingLead(lookup: ReturnType<typeof lookupOf>, sourceId: string, targetId: string): string {
  const source = lookup.component(sourceId)?.name ?? sourceId;
  const target = lookup.component(targetId)?.name ?? targetId;
  return `Connecting ${q(source)} to ${q(target)}`;
}

/**
 * The operations that connect `sourceId` to `targetId` with a new connection of `kind` (default 'call') in
 * the source's scenario. Throws OperationError (index 0) for a connection the design cannot take: a missing
 * end, a self-connection, a boundary, ends in different scenarios, a duplicate of an existing
 * source → target connection of the same kind, or a sync connection that would close a sync cycle.
 */
export function connectOps(
  design: Design,
  options: { sourceId: string; targetId: string; kind?: ConnectionKind },
): Operation[] {
  const lookup = lookupOf(design);
  const kind = options.kind ?? 'call';
  const source = lookup.component(options.sourceId);
  const scenarioId = source?.scenarioId ?? '';
  const problem = endpointsProblem(
    { scenarioId, sourceId: options.sourceId, targetId: options.targetId },
    lookup,
  );
  if (problem !== null || !source)
    throw new OperationError(problem ?? 'The source component does not exist.', 0);
  refuseDuplicate(design, lookup, { sourceId: options.sourceId, targetId: options.targetId, kind });
  const connection = createConnection({
    scenarioId,
    sourceId: options.sourceId,
    targetId: options.targetId,
    kind,
  });
  if (isSyncConnection(connection)) {
    const lead = connectingLead(lookup, options.sourceId, options.targetId);
    refuseSyncCycle(design, { scenarioId, sourceId: options.sourceId, targetId: options.targetId }, lead);
  }
  return [{ type: 'connection.add', connection }];
}

/**
 * The operation that moves an end of connection `id` (a drag of its source or target onto another
 * component); none when it is gone or no end changes. Throws OperationError (index 0) for ends the design
 * cannot take (as connectOps) and for a sync connection that would close a sync cycle. The model refuses
 * moving the source of a connection held by a group or a fallback.
 */
export function reconnectOps(
  design: Design,
  id: string,
  ends: { sourceId?: string; targetId?: string },
): Operation[] {
  const connection = design.connections.find((e) => e.id === id);
  if (!connection) return [];
  const sourceId = ends.sourceId ?? connection.sourceId;
  const targetId = ends.targetId ?? connection.targetId;
  if (sourceId === connection.sourceId && targetId === connection.targetId) return [];
  const lookup = lookupOf(design);
  const problem = endpointsProblem({ scenarioId: connection.scenarioId, sourceId, targetId }, lookup);
  if (problem !== null) throw new OperationError(problem, 0);
  refuseDuplicate(design, lookup, { sourceId, targetId, kind: connection.kind, id });
  if (isSyncConnection(connection)) {
    const edge = { scenarioId: connection.scenarioId, sourceId, targetId, ignoreId: id };
    refuseSyncCycle(design, edge, connectingLead(lookup, sourceId, targetId));
  }
  const changes: { sourceId?: string; targetId?: string } = {};
  if (sourceId !== connection.sourceId) changes.sourceId = sourceId;
  if (targetId !== connection.targetId) changes.targetId = targetId;
  return [{ type: 'connection.update', id, changes }];
}

/** Throws OperationError when turning async connection `e` sync (by `how`) would close a sync cycle. */
function refuseTurningSync(design: Design, e: Connection, how: (name: string) => string): void {
  const lookup = lookupOf(design);
  const name = connectionName(e, lookup, 'the');
  const edge = { scenarioId: e.scenarioId, sourceId: e.sourceId, targetId: e.targetId, ignoreId: e.id };
  refuseSyncCycle(design, edge, how(name));
}

/** The element whose attribute an edit sets. */
export interface AttributeOwner {
  readonly type: 'component' | 'connection';
  readonly id: string;
}

/**
 * The one operation that sets attribute `key` of a component or connection to `value`, or none when the
 * element is gone or already holds that value (an unchanged field is not an edit and leaves no undo step).
 * applyOperations checks the value against the catalog. Throws OperationError when a connection's mode
 * turns sync and that closes a sync cycle.
 */
export function setAttributeOps(
  design: Design,
  owner: AttributeOwner,
  key: string,
  value: AttrValue,
): Operation[] {
  const element =
    owner.type === 'component'
      ? design.components.find((c) => c.id === owner.id)
      : design.connections.find((c) => c.id === owner.id);
  if (!element || sameAttrValue(element.attributes[key], value)) return [];
  if (owner.type === 'connection' && key === 'mode' && value !== 'async' && !isSyncConnection(element)) {
    refuseTurningSync(design, element as Connection, (name) => `Making ${name} sync`);
  }
  const changes = { attributes: { [key]: value } };
  return owner.type === 'component'
    ? [{ type: 'component.update', id: owner.id, changes }]
    : [{ type: 'connection.update', id: owner.id, changes }];
}

/**
 * The operation that turns a connection into another kind; none when it is gone or already of that kind.
 * Throws OperationError when the new kind makes an async connection sync and that closes a sync cycle. A
 * connection turned into a fallback leaves its group (see leaveOps).
 * applyOperations rebuilds the attributes: values the user changed from the old kind's defaults are kept,
 * the rest take the new kind's defaults.
 */
export function changeConnectionKindOps(design: Design, id: string, kind: ConnectionKind): Operation[] {
  const connection = design.connections.find((c) => c.id === id);
  if (!connection || connection.kind === kind) return [];
  if (!isSyncConnection(connection) && modeAfterKindChange(connection, kind) !== 'async') {
    const label = getConnectionKindSpec(kind).label.toLowerCase();
    const article = /^[aeiou]/.test(label) ? 'an' : 'a';
    refuseTurningSync(design, connection, (name) => `Turning ${name} into ${article} ${label}`);
  }
  // Only a fallback names a primary; a fallback is no branch of a group, so it leaves its group (the rest of
  // a choice rescaled to 1, an emptied group removed) in the same step.
  if (kind === 'fallback') return leaveOps(design, connection, { kind });
  if (connection.kind === 'fallback')
    return [{ type: 'connection.update', id, changes: { kind, primaryId: null } }];
  return [{ type: 'connection.update', id, changes: { kind } }];
}

/** The mode a connection has once it is of `kind`: kept when the user had set it away from the old default. */
function modeAfterKindChange(connection: Connection, kind: ConnectionKind): unknown {
  const mode = connection.attributes.mode;
  const oldDefault = defaultConnectionAttributes(connection.kind).mode;
  if (mode !== undefined && !sameAttrValue(mode, oldDefault)) return mode;
  return defaultConnectionAttributes(kind).mode;
}
