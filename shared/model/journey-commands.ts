import { journeyRoute } from './journey-route.ts';
import type { ComponentKind } from './catalog/index.ts';
import type { Component, Design, Journey } from './document.ts';
import { createJourney } from './factory.ts';
import { isBoundaryKind, q } from './integrity.ts';
import type { Operation } from './operations.ts';
import { OperationError } from './operations.ts';

/*
 * Journey gestures as operation lists: create, edit, delete, and the route edits of the canvas. Builders are
 * pure; a gesture the design cannot take throws OperationError (index 0) with a message for the user, like
 * commands.ts, so callers need one catch.
 */

/** What the journey form edits. Latencies in milliseconds, traffic in requests per second. */
export interface JourneyFields {
  readonly name: string;
  readonly tier: 1 | 2 | 3;
  readonly avgRps: number;
  readonly peakRps: number;
  readonly p95SloMs: number | null;
  readonly p99SloMs: number | null;
  /** Availability objective as a fraction (0.999), or null for none. */
  readonly availabilitySlo: number | null;
}

export type JourneyFieldProblems = Partial<Record<keyof JourneyFields, string>>;

/** What is wrong with journey fields, per field, in words a user can act on; empty when they are sound. */
export function journeyFieldProblems(fields: JourneyFields): JourneyFieldProblems {
  const problems: JourneyFieldProblems = {};
  if (fields.name.trim() === '') problems.name = 'A journey needs a name.';
  else if (fields.name.trim().length > 200) problems.name = 'A name is at most 200 characters.';
  if (!Number.isFinite(fields.avgRps) || fields.avgRps < 0) {
    problems.avgRps = 'Average traffic is a number of requests per second, 0 or more.';
  }
  if (!Number.isFinite(fields.peakRps) || fields.peakRps < 0) {
    problems.peakRps = 'Peak traffic is a number of requests per second, 0 or more.';
  } else if (problems.avgRps === undefined && fields.peakRps < fields.avgRps) {
    problems.peakRps = `Peak traffic cannot be below the average (${fields.avgRps} rps).`;
  }
  for (const key of ['p95SloMs', 'p99SloMs'] as const) {
    const value = fields[key];
    if (value !== null && (!Number.isFinite(value) || value <= 0)) {
      problems[key] = 'A latency objective is a positive number of milliseconds; leave it empty for none.';
    }
  }
  if (
    problems.p95SloMs === undefined &&
    problems.p99SloMs === undefined &&
    fields.p95SloMs !== null &&
    fields.p99SloMs !== null &&
    fields.p99SloMs < fields.p95SloMs
  ) {
    problems.p99SloMs = `The p99 objective cannot be below the p95 objective (${fields.p95SloMs} ms).`;
  }
  const a = fields.availabilitySlo;
  if (a !== null && (!Number.isFinite(a) || a <= 0 || a >= 1)) {
    problems.availabilitySlo =
      'Availability is a percentage between 0 and 100, both excluded (e.g. 99.9); leave it empty for none.';
  }
  return problems;
}

/** A percentage as typed (99.9) as the fraction the document stores (0.999), without float noise. */
export function availabilityFromPercent(percent: number): number {
  return Number((percent / 100).toPrecision(12));
}

/** A stored availability fraction (0.999) as the percentage a user reads (99.9). */
export function availabilityToPercent(fraction: number): number {
  return Number((fraction * 100).toPrecision(12));
}

/** Kinds a journey usually starts at: listed first in the entry picker. */
const ENTRY_KINDS: readonly ComponentKind[] = ['client-app', 'api-gateway'];

/**
 * The components of a scenario a journey can start at (boundaries cannot): client apps, then API gateways,
 * then everything else, each group by name.
 */
export function entryCandidates(design: Design, scenarioId: string): Component[] {
  const rank = (c: Component) => {
    const i = ENTRY_KINDS.indexOf(c.kind);
    return i < 0 ? ENTRY_KINDS.length : i;
  };
  return design.components
    .filter((c) => c.scenarioId === scenarioId && !isBoundaryKind(c.kind))
    .sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name));
}

/** A journey name no other journey of the scenario has: "Checkout", "Checkout 2", ... */
export function uniqueJourneyName(design: Design, scenarioId: string, base: string): string {
  const taken = new Set(design.journeys.filter((j) => j.scenarioId === scenarioId).map((j) => j.name));
  if (!taken.has(base)) return base;
  let n = 2;
  while (taken.has(`${base} ${n}`)) n += 1;
  return `${base} ${n}`;
}

function checked(fields: JourneyFields): void {
  const first = Object.values(journeyFieldProblems(fields))[0];
  if (first !== undefined) throw new OperationError(first, 0);
}

/**
 * The operation that adds a journey starting at `entryId` with `fields` (default route). Throws
 * OperationError for fields that do not hold or an entry that is missing or a boundary.
 */
export function addJourneyOps(design: Design, entryId: string, fields: JourneyFields): Operation[] {
  const entry = design.components.find((c) => c.id === entryId);
  if (!entry) throw new OperationError('The entry component no longer exists; pick another one.', 0);
  if (isBoundaryKind(entry.kind)) {
    throw new OperationError(`A journey cannot start at ${q(entry.name)}: it is a boundary.`, 0);
  }
  checked(fields);
  const journey = createJourney({
    scenarioId: entry.scenarioId,
    entryId,
    ...fields,
    name: fields.name.trim(),
  });
  return [{ type: 'journey.add', journey }];
}

/** The one update that gives journey `id` the `fields` that differ from what it has; none when nothing does. */
export function updateJourneyOps(design: Design, id: string, fields: Partial<JourneyFields>): Operation[] {
  const journey = design.journeys.find((j) => j.id === id);
  if (!journey) return [];
  const next = { ...journey, ...fields, name: (fields.name ?? journey.name).trim() };
  checked(next);
  const changes: Partial<Omit<Journey, 'id' | 'scenarioId'>> = {};
  const keys = ['name', 'tier', 'avgRps', 'peakRps', 'p95SloMs', 'p99SloMs', 'availabilitySlo'] as const;
  for (const key of keys) {
    if (next[key] !== journey[key]) Object.assign(changes, { [key]: next[key] });
  }
  return Object.keys(changes).length === 0 ? [] : [{ type: 'journey.update', id, changes }];
}

/** The operation that removes journey `id`; none when it is already gone. */
export function removeJourneyOps(design: Design, id: string): Operation[] {
  return design.journeys.some((j) => j.id === id) ? [{ type: 'journey.remove', id }] : [];
}

/**
 * The one update that puts connection `connectionId` on the route of journey `journeyId`, or takes it off.
 * A default route becomes an explicit list the first time: the default route plus or minus that connection.
 * The list keeps the scenario's connection order. Throws OperationError for a connection of another scenario.
 */
export function toggleRouteConnectionOps(
  design: Design,
  journeyId: string,
  connectionId: string,
): Operation[] {
  const journey = design.journeys.find((j) => j.id === journeyId);
  const connection = design.connections.find((e) => e.id === connectionId);
  if (!journey || !connection) return [];
  if (connection.scenarioId !== journey.scenarioId) {
    throw new OperationError(
      `The connection is in another scenario than journey ${q(journey.name)}; switch scenarios first.`,
      0,
    );
  }
  const current = new Set(journeyRoute(design, journey).connectionIds);
  if (current.has(connectionId)) current.delete(connectionId);
  else current.add(connectionId);
  const route = design.connections.filter((e) => current.has(e.id)).map((e) => e.id);
  return [{ type: 'journey.update', id: journeyId, changes: { route } }];
}

/** The update that sets journey `journeyId` back to its default route; none when it already follows it. */
export function resetRouteOps(design: Design, journeyId: string): Operation[] {
  const journey = design.journeys.find((j) => j.id === journeyId);
  if (!journey || journey.route === null) return [];
  return [{ type: 'journey.update', id: journeyId, changes: { route: null } }];
}
