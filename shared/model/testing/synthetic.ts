import { seededRandom } from '../seeded-random.ts';
import {
  BOUNDARY_KINDS,
  CATALOG_VERSION,
  COMPONENT_KINDS,
  CONNECTION_KINDS,
  attributeError,
  defaultAttributes,
  defaultConnectionAttributes,
  getKindSpec,
} from '../catalog/index.ts';
import type { Attributes } from '../attributes.ts';
import type { ComponentKind } from '../catalog/index.ts';
import type { Component, Connection, Design, Journey } from '../document.ts';
import { FORMAT_VERSION, defaultSettings } from '../document.ts';

/*
 * Large, valid, deterministic designs for tests and benchmarks. Ids are zero-padded counters, so id order is
 * creation order like real ids. Every 50th component is a region boundary holding some of the components
 * that follow; journeys start at client apps.
 */

export { seededRandom };

const GRID_COLUMNS = 50;
const BOUNDARY_EVERY = 50;
const JOURNEY_EVERY = 500;

function pad(n: number): string {
  return String(n).padStart(7, '0');
}

/** Defaults with a little variation in latency, so analyses see different numbers. */
function variedAttributes(kind: ComponentKind, random: () => number): Attributes {
  const attributes = defaultAttributes(kind);
  for (const spec of getKindSpec(kind).attributes) {
    if (spec.key !== 'p50_ms' && spec.key !== 'p95_ms') continue;
    const value = Math.round((spec.key === 'p50_ms' ? 5 : 20) + random() * 100);
    if (attributeError(spec, value) === null) attributes[spec.key] = value;
  }
  return attributes;
}

/**
 * A valid design with `components` components (boundaries included) and `connections` connections in one
 * scenario, deterministic for `seed`: a mix of kinds, positions on a grid, some components inside region
 * boundaries, and one journey per 500 components starting at a client app.
 */
export function syntheticDesign(options: { components: number; connections: number; seed: number }): Design {
  const random = seededRandom(options.seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const scenarioId = 's_0000000';
  const components: Component[] = [];
  const boundaries: string[] = [];
  const nodes: Component[] = [];
  for (let i = 0; i < options.components; i++) {
    const isBoundary = i % BOUNDARY_EVERY === 0 && options.components > BOUNDARY_EVERY;
    // The first node is a client app so that there is always a journey entry.
    const kind: ComponentKind = isBoundary
      ? pick(BOUNDARY_KINDS)
      : nodes.length === 0
        ? 'client-app'
        : pick(COMPONENT_KINDS);
    const parentId = !isBoundary && boundaries.length > 0 && random() < 0.5 ? pick(boundaries) : null;
    const component: Component = {
      id: `c_${pad(i)}`,
      scenarioId,
      kind,
      name: `${getKindSpec(kind).label} ${i}`,
      parentId,
      position: { x: (i % GRID_COLUMNS) * 220, y: Math.floor(i / GRID_COLUMNS) * 140 },
      size: isBoundary ? { width: 800, height: 600 } : null,
      attributes: variedAttributes(kind, random),
    };
    components.push(component);
    if (isBoundary) boundaries.push(component.id);
    else nodes.push(component);
  }

  const connections: Connection[] = [];
  const possible = nodes.length * (nodes.length - 1) * CONNECTION_KINDS.length;
  if (options.connections > possible) {
    throw new Error(
      `${options.components} components cannot carry ${options.connections} distinct connections.`,
    );
  }
  const seen = new Set<string>();
  // Sync kinds only point from an earlier component to a later one, so the request paths are acyclic (a sync
  // cycle is refused); a fallback backs up a call its source already makes.
  const position = new Map(nodes.map((c, i) => [c.id, i]));
  const callsFrom = new Map<string, string[]>();
  while (connections.length < options.connections) {
    let source = pick(nodes);
    let target = pick(nodes);
    let kind = pick(CONNECTION_KINDS);
    const sync = kind === 'call' || kind === 'fallback';
    if (sync && (position.get(source.id) as number) > (position.get(target.id) as number)) {
      [source, target] = [target, source];
    }
    const primaries = callsFrom.get(source.id);
    if (kind === 'fallback' && !primaries) kind = 'call';
    const key = `${source.id}>${target.id}>${kind}`;
    if (source.id === target.id || seen.has(key)) continue;
    seen.add(key);
    const id = `e_${pad(connections.length)}`;
    connections.push({
      id,
      scenarioId,
      kind,
      sourceId: source.id,
      targetId: target.id,
      groupId: null,
      primaryId: kind === 'fallback' ? ((primaries as string[])[0] ?? null) : null,
      attributes: defaultConnectionAttributes(kind),
    });
    if (kind === 'call') callsFrom.set(source.id, [...(primaries ?? []), id]);
  }

  const entries = nodes.filter((c) => c.kind === 'client-app');
  const journeyCount = entries.length === 0 ? 0 : Math.max(1, Math.floor(options.components / JOURNEY_EVERY));
  const journeys: Journey[] = [];
  for (let i = 0; i < journeyCount; i++) {
    journeys.push({
      id: `j_${pad(i)}`,
      scenarioId,
      name: `Journey ${i}`,
      description: '',
      entryId: (entries[i % entries.length] as Component).id,
      tier: ((i % 3) + 1) as 1 | 2 | 3,
      avgRps: 10 + i,
      peakRps: 50 + i,
      p95SloMs: 300,
      p99SloMs: null,
      availabilitySlo: 0.999,
      route: null,
    });
  }

  return {
    formatVersion: FORMAT_VERSION,
    catalogVersion: CATALOG_VERSION,
    meta: {
      id: `d_synthetic${options.seed >>> 0}`,
      name: `Synthetic ${options.components}/${options.connections}`,
      description: `Generated with seed ${options.seed}.`,
      createdAt: '2026-01-01T00:00:00.000Z',
      settings: defaultSettings(),
    },
    scenarios: [{ id: scenarioId, name: 'Baseline', description: '', viewport: null }],
    components,
    connections,
    groups: [],
    journeys,
    decisions: [],
    risks: [],
    snapshots: [],
  };
}
