import type { ComponentKind } from './catalog/index.ts';
import { BOUNDARY_KINDS } from './catalog/index.ts';
import type { Component, Connection, ConnectionGroup, Journey, Scenario } from './document.ts';

/*
 * The referential rules of a design, written once and used twice: by applyOperations (one entity at a time,
 * against the design being edited) and by validateDesign (a whole design, when a file is loaded), both through
 * the entity and reference tables (entities.ts, references.ts). Messages name entities by their names, so a
 * user can find what is wrong.
 */

const boundaryKinds: ReadonlySet<string> = new Set(BOUNDARY_KINDS);
/** Deeper nesting than this is treated as a cycle (no real design nests boundaries this deep). */
const MAX_NESTING = 1000;

/** True for the container kinds: region, trust boundary, environment, team. */
export function isBoundaryKind(kind: ComponentKind): boolean {
  return boundaryKinds.has(kind);
}

/** A name in quotes, for messages. */
export function q(name: string): string {
  return `"${name}"`;
}

/** "1 connection", "2 connections". */
export function plural(count: number, word: string, words = `${word}s`): string {
  return `${count} ${count === 1 ? word : words}`;
}

/** A zod-style issue path as text: components[3].attributes.p95_ms. */
export function formatPath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const part of path) {
    if (typeof part === 'number') text += `[${part}]`;
    else text += text === '' ? String(part) : `.${String(part)}`;
  }
  return text;
}

/** How the rules see the design they check: the entities by id. */
export interface ModelLookup {
  scenario(id: string): Scenario | undefined;
  component(id: string): Component | undefined;
}

/** Why `child` cannot sit inside `parentId` (missing, not a boundary, other scenario, cycle), or null. */
export function parentProblem(
  child: Pick<Component, 'id' | 'name' | 'scenarioId'>,
  parentId: string,
  lookup: ModelLookup,
): string | null {
  if (parentId === child.id) return `${q(child.name)} cannot sit inside itself.`;
  const parent = lookup.component(parentId);
  if (!parent) return `${q(child.name)} cannot sit inside a component that does not exist (${parentId}).`;
  const where = `${q(child.name)} cannot sit inside ${q(parent.name)}`;
  if (!isBoundaryKind(parent.kind)) {
    return `${where}: only boundaries (region, trust boundary, environment, team) contain components.`;
  }
  if (parent.scenarioId !== child.scenarioId) return `${where}: they are in different scenarios.`;
  let above: Component | undefined = parent;
  for (let depth = 0; above && above.parentId !== null; depth++) {
    if (above.parentId === child.id) return `${where}: ${q(parent.name)} is already inside ${q(child.name)}.`;
    if (depth > MAX_NESTING) return `${where}: the boundaries above it form a cycle.`;
    above = lookup.component(above.parentId);
  }
  return null;
}

/** Why a connection cannot join its source and target (missing, itself, boundary, other scenario), or null. */
export function endpointsProblem(
  connection: Pick<Connection, 'scenarioId' | 'sourceId' | 'targetId'>,
  lookup: ModelLookup,
): string | null {
  const source = lookup.component(connection.sourceId);
  const target = lookup.component(connection.targetId);
  if (!source) return `The connection's source component does not exist (${connection.sourceId}).`;
  if (!target) return `The connection's target component does not exist (${connection.targetId}).`;
  if (source.id === target.id) return `Cannot connect ${q(source.name)} to itself.`;
  for (const end of [source, target]) {
    if (isBoundaryKind(end.kind)) {
      return `Cannot connect ${q(end.name)}: it is a boundary; connect the components inside it instead.`;
    }
  }
  for (const end of [source, target]) {
    if (end.scenarioId !== connection.scenarioId) {
      return `Cannot connect ${q(source.name)} to ${q(target.name)}: ${q(end.name)} is in another scenario.`;
    }
  }
  return null;
}

/** Why a journey cannot start at its entry component (missing, boundary, other scenario), or null. */
export function journeyEntryProblem(
  journey: Pick<Journey, 'name' | 'scenarioId' | 'entryId'>,
  lookup: ModelLookup,
): string | null {
  const entry = lookup.component(journey.entryId);
  if (!entry) return `The entry component of journey ${q(journey.name)} does not exist (${journey.entryId}).`;
  const where = `Journey ${q(journey.name)} cannot start at ${q(entry.name)}`;
  if (isBoundaryKind(entry.kind)) return `${where}: it is a boundary, not a component.`;
  if (entry.scenarioId !== journey.scenarioId) return `${where}: it is in another scenario.`;
  return null;
}

/** Why a group's settings do not fit its type (join only for parallel groups, k only for k-of-n), or null. */
export function groupShapeProblem(
  group: Pick<ConnectionGroup, 'name' | 'type' | 'join' | 'joinK'>,
): string | null {
  const name = q(group.name);
  if (group.type === 'exclusive') {
    return group.join === null && group.joinK === null
      ? null
      : `Choice group ${name} takes exactly one branch: it has no join.`;
  }
  if (group.join === null) return `Parallel group ${name} needs a join: all, any or k of n.`;
  if (group.join === 'k-of-n' && group.joinK === null) return `Parallel group ${name} joins k of n: give k.`;
  if (group.join !== 'k-of-n' && group.joinK !== null)
    return `Parallel group ${name} joins ${group.join}: k only applies to k of n.`;
  return null;
}

/** Why a group cannot leave from its source component (missing, boundary, other scenario), or null. */
export function groupSourceProblem(
  group: Pick<ConnectionGroup, 'name' | 'scenarioId' | 'sourceId'>,
  lookup: ModelLookup,
): string | null {
  const source = lookup.component(group.sourceId);
  if (!source) return `The source component of group ${q(group.name)} does not exist (${group.sourceId}).`;
  if (isBoundaryKind(source.kind))
    return `Group ${q(group.name)} cannot leave from ${q(source.name)}: it is a boundary.`;
  if (source.scenarioId !== group.scenarioId)
    return `Group ${q(group.name)} cannot leave from ${q(source.name)}: it is in another scenario.`;
  return null;
}

/** Why `owner` cannot belong to `scenarioId`, or null. */
export function scenarioProblem(owner: string, scenarioId: string, lookup: ModelLookup): string | null {
  return lookup.scenario(scenarioId)
    ? null
    : `${owner} belongs to a scenario that does not exist (${scenarioId}).`;
}

/** 'The connection from "A" to "B"' (or 'the connection...' mid-sentence), naming the ends that exist. */
export function connectionName(
  e: Pick<Connection, 'sourceId' | 'targetId'>,
  lookup: ModelLookup,
  article: 'The' | 'the' = 'The',
): string {
  const source = lookup.component(e.sourceId)?.name ?? e.sourceId;
  const target = lookup.component(e.targetId)?.name ?? e.targetId;
  return `${article} connection from ${q(source)} to ${q(target)}`;
}
