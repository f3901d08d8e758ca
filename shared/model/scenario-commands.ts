import type { Component, Connection, ConnectionGroup, Design, Journey, Scenario } from './document.ts';
import { createScenario } from './factory.ts';
import { newId } from './ids.ts';
import { q } from './integrity.ts';
import type { Operation } from './operations.ts';
import { OperationError } from './operations.ts';

/*
 * Scenario gestures as operation lists: new (blank or a duplicate), rename, delete. Pure builders; a gesture
 * the design cannot take throws OperationError (index 0) with a message for the user.
 */

function groupAddOp(group: ConnectionGroup): Operation {
  return { type: 'group.add', group };
}

function groupRemoveOp(id: string): Operation {
  return { type: 'group.remove', id };
}

/** A scenario name no other scenario has: "Kubernetes", "Kubernetes 2", ... */
export function uniqueScenarioName(design: Design, base: string): string {
  const taken = new Set(design.scenarios.map((s) => s.name));
  const trimmed = base.trim();
  if (!taken.has(trimmed)) return trimmed;
  let n = 2;
  while (taken.has(`${trimmed} ${n}`)) n += 1;
  return `${trimmed} ${n}`;
}

function checkedName(name: string): string {
  const trimmed = name.trim();
  if (trimmed === '') throw new OperationError('A scenario needs a name.', 0);
  if (trimmed.length > 200) throw new OperationError('A scenario name is at most 200 characters.', 0);
  return trimmed;
}

/** The operation that adds an empty scenario named `name`; the first operation carries the new scenario. */
export function addBlankScenarioOps(name: string): Operation[] {
  return [{ type: 'scenario.add', scenario: createScenario({ name: checkedName(name) }) }];
}

/** Components of a scenario, every boundary before what it contains (what applyOperations needs to add them). */
function parentsFirst(components: readonly Component[]): Component[] {
  const ids = new Set(components.map((c) => c.id));
  const placed = new Set<string>();
  const order: Component[] = [];
  let left = [...components];
  while (left.length > 0) {
    const next = left.filter((c) => c.parentId === null || !ids.has(c.parentId) || placed.has(c.parentId));
    // A parent cycle cannot be placed; applyOperations refuses it with the names.
    const batch = next.length > 0 ? next : left;
    for (const c of batch) {
      order.push(c);
      placed.add(c.id);
    }
    const taken = new Set(batch.map((c) => c.id));
    left = left.filter((c) => !taken.has(c.id));
  }
  return order;
}

/** Connections, every primary before the fallbacks that name it. */
function primariesFirst(connections: readonly Connection[]): Connection[] {
  const backups = connections.filter((e) => e.primaryId !== null);
  return [...connections.filter((e) => e.primaryId === null), ...backups];
}

/**
 * The operations that add a copy of scenario `scenarioId` named `name`: every component (boundaries with their
 * contents), connection, group and journey under fresh ids, with every reference remapped (parents, ends,
 * groups, primaries, entries, explicit routes) and the same positions, sizes, attributes and viewport. Nothing
 * is shared with the original. The first operation is the `scenario.add` carrying the new scenario.
 */
export function duplicateScenarioOps(design: Design, scenarioId: string, name: string): Operation[] {
  const source = design.scenarios.find((s) => s.id === scenarioId);
  if (!source) throw new OperationError('The scenario to duplicate no longer exists.', 0);
  const scenario: Scenario = {
    ...createScenario({ name: checkedName(name), description: source.description }),
    viewport: source.viewport ? { ...source.viewport } : null,
  };
  const sid = scenario.id;

  const ids = new Map<string, string>();
  const fresh = (prefix: string, old: string): string => {
    const id = newId(prefix);
    ids.set(old, id);
    return id;
  };
  const mapped = (old: string): string => ids.get(old) ?? old;
  const components = parentsFirst(design.components.filter((c) => c.scenarioId === scenarioId));
  const connections = primariesFirst(design.connections.filter((e) => e.scenarioId === scenarioId));
  const groups = design.groups.filter((g) => g.scenarioId === scenarioId);
  const journeys = design.journeys.filter((j) => j.scenarioId === scenarioId);
  // Ids first, in document order, so the copies keep the original's relative (canonical) order.
  for (const c of design.components) if (c.scenarioId === scenarioId) fresh('c', c.id);
  for (const g of groups) fresh('g', g.id);
  for (const e of design.connections) if (e.scenarioId === scenarioId) fresh('e', e.id);
  for (const j of journeys) fresh('j', j.id);
  const copiedConnections = new Set(connections.map((e) => e.id));

  const ops: Operation[] = [{ type: 'scenario.add', scenario }];
  for (const c of components) {
    const copy: Component = structuredClone(c);
    ops.push({
      type: 'component.add',
      component: { ...copy, id: mapped(c.id), scenarioId: sid, parentId: c.parentId && mapped(c.parentId) },
    });
  }
  for (const g of groups) {
    ops.push(
      groupAddOp({ ...structuredClone(g), id: mapped(g.id), scenarioId: sid, sourceId: mapped(g.sourceId) }),
    );
  }
  for (const e of connections) {
    const copy: Connection = structuredClone(e);
    ops.push({
      type: 'connection.add',
      connection: {
        ...copy,
        id: mapped(e.id),
        scenarioId: sid,
        sourceId: mapped(e.sourceId),
        targetId: mapped(e.targetId),
        groupId: e.groupId && mapped(e.groupId),
        primaryId: e.primaryId && mapped(e.primaryId),
      },
    });
  }
  for (const j of journeys) {
    const copy: Journey = structuredClone(j);
    ops.push({
      type: 'journey.add',
      journey: {
        ...copy,
        id: mapped(j.id),
        scenarioId: sid,
        entryId: mapped(j.entryId),
        // A route names connections of its own scenario only: an id that is not one of them is left out.
        route: j.route && j.route.flatMap((id) => (copiedConnections.has(id) ? [mapped(id)] : [])),
      },
    });
  }
  return ops;
}

/** The operation that renames scenario `id`; none when it is gone or the name is unchanged. */
export function renameScenarioOps(design: Design, id: string, name: string): Operation[] {
  const scenario = design.scenarios.find((s) => s.id === id);
  const trimmed = checkedName(name);
  if (!scenario || scenario.name === trimmed) return [];
  return [{ type: 'scenario.update', id, changes: { name: trimmed } }];
}

/**
 * The operations that delete scenario `id` with everything in it, in an order the model accepts: journeys
 * (they hold entries and routes), fallbacks, the other connections, groups, components with every boundary
 * after its contents, then the scenario. Undoing them brings it all back. Throws OperationError for the last
 * scenario of the design.
 */
export function deleteScenarioOps(design: Design, id: string): Operation[] {
  const scenario = design.scenarios.find((s) => s.id === id);
  if (!scenario) return [];
  if (design.scenarios.length === 1) {
    throw new OperationError(
      `Cannot delete scenario ${q(scenario.name)}: a design keeps at least one scenario. Add another first.`,
      0,
    );
  }
  const ops: Operation[] = [];
  for (const j of design.journeys) if (j.scenarioId === id) ops.push({ type: 'journey.remove', id: j.id });
  const connections = design.connections.filter((e) => e.scenarioId === id);
  for (const e of [...primariesFirst(connections)].reverse())
    ops.push({ type: 'connection.remove', id: e.id });
  for (const g of design.groups) if (g.scenarioId === id) ops.push(groupRemoveOp(g.id));
  const components = parentsFirst(design.components.filter((c) => c.scenarioId === id));
  for (const c of components.reverse()) ops.push({ type: 'component.remove', id: c.id });
  ops.push({ type: 'scenario.remove', id });
  return ops;
}
