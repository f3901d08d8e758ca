import type { ComponentKind } from './catalog/index.ts';
import { BOUNDARY_KINDS, componentAttributeProblems, connectionAttributeProblems } from './catalog/index.ts';
import type { Component, Connection, Design, Journey, Scenario } from './document.ts';

/*
 * The referential rules of a design, written once and used twice: by applyOperations (one entity at a time,
 * against the design being edited) and by validateDesign (a whole design, when a file is loaded).
 * Messages name entities by their names, so a user can find what is wrong.
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

/** Why `owner` cannot belong to `scenarioId`, or null. */
export function scenarioProblem(owner: string, scenarioId: string, lookup: ModelLookup): string | null {
  return lookup.scenario(scenarioId)
    ? null
    : `${owner} belongs to a scenario that does not exist (${scenarioId}).`;
}

function indexById<T extends { id: string }>(
  list: readonly T[],
  collection: string,
  problems: string[],
): Map<string, T> {
  const map = new Map<string, T>();
  list.forEach((item, i) => {
    if (map.has(item.id)) problems.push(`${collection}[${i}].id: the id ${item.id} is used twice.`);
    else map.set(item.id, item);
  });
  return map;
}

/**
 * The referential problems of a whole design (ids unique, scenarios, parents, endpoints, journey entries,
 * attributes against the catalog), each prefixed with its path; empty when the design is sound.
 * Soft references are not checked: a decision option's scenarioId and a decision's supersededBy may dangle.
 */
export function validateDesign(design: Design): string[] {
  const problems: string[] = [];
  const scenarios = indexById(design.scenarios, 'scenarios', problems);
  const components = indexById(design.components, 'components', problems);
  indexById(design.connections, 'connections', problems);
  indexById(design.journeys, 'journeys', problems);
  indexById(design.decisions, 'decisions', problems);
  indexById(design.snapshots, 'snapshots', problems);
  indexById(design.risks, 'risks', problems);
  const lookup: ModelLookup = { scenario: (id) => scenarios.get(id), component: (id) => components.get(id) };
  const add = (path: string, message: string | null): void => {
    if (message !== null) problems.push(`${path}: ${message}`);
  };

  design.components.forEach((c, i) => {
    const path = `components[${i}]`;
    add(`${path}.scenarioId`, scenarioProblem(`Component ${q(c.name)}`, c.scenarioId, lookup));
    if (c.parentId !== null) add(`${path}.parentId`, parentProblem(c, c.parentId, lookup));
    for (const p of componentAttributeProblems(c.kind, c.attributes, true)) {
      add(`${path}.attributes.${p.key}`, `${q(c.name)}: ${p.message}`);
    }
  });
  design.connections.forEach((e, i) => {
    const path = `connections[${i}]`;
    add(`${path}.scenarioId`, scenarioProblem('A connection', e.scenarioId, lookup));
    add(path, endpointsProblem(e, lookup));
    const name = connectionName(e, lookup);
    for (const p of connectionAttributeProblems(e.kind, e.attributes, true)) {
      add(`${path}.attributes.${p.key}`, `${name}: ${p.message}`);
    }
  });
  design.journeys.forEach((j, i) => {
    const path = `journeys[${i}]`;
    add(`${path}.scenarioId`, scenarioProblem(`Journey ${q(j.name)}`, j.scenarioId, lookup));
    add(`${path}.entryId`, journeyEntryProblem(j, lookup));
  });
  const findings = new Set<string>();
  design.risks.forEach((r, i) => {
    if (findings.has(r.findingId))
      problems.push(`risks[${i}].findingId: finding ${r.findingId} is tracked twice.`);
    findings.add(r.findingId);
  });
  return problems;
}

/** 'The connection from "A" to "B"', naming the ends that exist. */
export function connectionName(e: Pick<Connection, 'sourceId' | 'targetId'>, lookup: ModelLookup): string {
  const source = lookup.component(e.sourceId)?.name ?? e.sourceId;
  const target = lookup.component(e.targetId)?.name ?? e.targetId;
  return `The connection from ${q(source)} to ${q(target)}`;
}
