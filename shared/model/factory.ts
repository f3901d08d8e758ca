import {
  CATALOG_VERSION,
  defaultAttributes,
  defaultConnectionAttributes,
  getKindSpec,
} from './catalog/index.ts';
import type { ComponentKind, ConnectionKind } from './catalog/index.ts';
import type {
  Component,
  Connection,
  Decision,
  Design,
  Journey,
  Position,
  Risk,
  Scenario,
  Size,
  Snapshot,
} from './document.ts';
import { FORMAT_VERSION, defaultSettings } from './document.ts';
import { newId } from './ids.ts';

/*
 * New entities with fresh ids and catalog defaults. Id prefixes say what an id names: d design, s scenario,
 * c component, e connection, j journey, a decision (ADR), r risk entry, n snapshot.
 */

/** A new design: one empty scenario "Baseline", default settings, created `now`. */
export function createEmptyDesign(options: { name: string; description?: string; now?: Date }): Design {
  const now = options.now ?? new Date();
  return {
    formatVersion: FORMAT_VERSION,
    catalogVersion: CATALOG_VERSION,
    meta: {
      id: newId('d'),
      name: options.name,
      description: options.description ?? '',
      createdAt: now.toISOString(),
      settings: defaultSettings(),
    },
    scenarios: [createScenario({ name: 'Baseline' })],
    components: [],
    connections: [],
    groups: [],
    journeys: [],
    decisions: [],
    risks: [],
    snapshots: [],
  };
}

/**
 * A new design from a template: the template's content (scenarios, components, journeys, decisions, risks,
 * settings) under a new design id and `name`, created `now`. Snapshots stay behind: they are the template's
 * own history, not the new design's.
 */
export function designFromTemplate(template: Design, options: { name: string; now?: Date }): Design {
  const now = options.now ?? new Date();
  return {
    ...template,
    meta: { ...template.meta, id: newId('d'), name: options.name, createdAt: now.toISOString() },
    snapshots: [],
  };
}

/** A new scenario with no viewport saved yet. */
export function createScenario(options: { name: string; description?: string }): Scenario {
  return { id: newId('s'), name: options.name, description: options.description ?? '', viewport: null };
}

/** What a new component needs: where it goes and its kind; the rest has defaults. */
export interface NewComponentOptions {
  scenarioId: string;
  kind: ComponentKind;
  name?: string;
  position: Position;
  parentId?: string | null;
  size?: Size | null;
}

/** A new component of `kind` with the catalog's default attributes, named after the kind unless `name` is given. */
export function createComponent(options: NewComponentOptions): Component {
  return {
    id: newId('c'),
    scenarioId: options.scenarioId,
    kind: options.kind,
    name: options.name ?? getKindSpec(options.kind).label,
    parentId: options.parentId ?? null,
    position: { x: options.position.x, y: options.position.y },
    size: options.size ? { width: options.size.width, height: options.size.height } : null,
    attributes: defaultAttributes(options.kind),
  };
}

/** A new connection (kind 'call' unless given) with the catalog's default attributes. */
export function createConnection(options: {
  scenarioId: string;
  sourceId: string;
  targetId: string;
  kind?: ConnectionKind;
}): Connection {
  const kind = options.kind ?? 'call';
  return {
    id: newId('e'),
    scenarioId: options.scenarioId,
    kind,
    sourceId: options.sourceId,
    targetId: options.targetId,
    groupId: null,
    primaryId: null,
    attributes: defaultConnectionAttributes(kind),
  };
}

/** A new journey starting at `entryId`: tier 2, no traffic and no SLOs until the user sets them. */
export function createJourney(options: {
  scenarioId: string;
  name: string;
  entryId: string;
  description?: string;
  tier?: 1 | 2 | 3;
  avgRps?: number;
  peakRps?: number;
  p95SloMs?: number | null;
  p99SloMs?: number | null;
  availabilitySlo?: number | null;
}): Journey {
  return {
    id: newId('j'),
    scenarioId: options.scenarioId,
    name: options.name,
    description: options.description ?? '',
    entryId: options.entryId,
    tier: options.tier ?? 2,
    avgRps: options.avgRps ?? 0,
    peakRps: options.peakRps ?? options.avgRps ?? 0,
    p95SloMs: options.p95SloMs ?? null,
    p99SloMs: options.p99SloMs ?? null,
    availabilitySlo: options.availabilitySlo ?? null,
    route: null,
  };
}

/** A new proposed decision record dated `now` (UTC date). */
export function createDecision(options: { title: string; now?: Date }): Decision {
  const now = options.now ?? new Date();
  return {
    id: newId('a'),
    title: options.title,
    status: 'proposed',
    date: now.toISOString().slice(0, 10),
    deciders: [],
    context: '',
    drivers: [],
    options: [],
    chosenOption: null,
    rationale: '',
    consequences: '',
    supersededBy: null,
  };
}

/** A new risk-tracking entry for `findingId` (ruleId@targetId), decided `now`. */
export function createRisk(options: {
  findingId: string;
  status: Risk['status'];
  justification?: string;
  owner?: string;
  reviewBy?: string | null;
  now?: Date;
}): Risk {
  const now = options.now ?? new Date();
  return {
    id: newId('r'),
    findingId: options.findingId,
    status: options.status,
    justification: options.justification ?? '',
    owner: options.owner ?? '',
    decidedAt: now.toISOString(),
    reviewBy: options.reviewBy ?? null,
  };
}

/** A new snapshot holding `content` (the canonical JSON of the design without its snapshots), taken `now`. */
export function createSnapshot(options: {
  name: string;
  content: string;
  note?: string;
  now?: Date;
}): Snapshot {
  const now = options.now ?? new Date();
  return {
    id: newId('n'),
    name: options.name,
    note: options.note ?? '',
    createdAt: now.toISOString(),
    content: options.content,
  };
}
