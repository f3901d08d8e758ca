import { BOUNDARY_KINDS } from './catalog/types.ts';
import type { ComponentKind } from './catalog/types.ts';
import type { Design, Journey } from './document.ts';
import { defaultRoute } from './route.ts';
import type { RouteEdge } from './route.ts';

/*
 * A journey's route in document ids, for the canvas and the route commands: what the compact graph's route
 * means (build-graph.ts), without building the whole graph on every edit.
 */

const boundaryKinds: ReadonlySet<ComponentKind> = new Set(BOUNDARY_KINDS);

/** The connections and components a journey's route covers, in document ids. */
export interface JourneyRoute {
  /** Connection ids on the route, in the scenario's connection order. */
  readonly connectionIds: readonly string[];
  /** The entry and every end of a route connection, in the scenario's component order. */
  readonly componentIds: readonly string[];
  /** True when the journey follows its default route (route null). */
  readonly isDefault: boolean;
}

/** The connection ids of the default route of a journey starting at `entryId` in `scenarioId`. */
export function defaultRouteIds(design: Design, scenarioId: string, entryId: string): string[] {
  const index = new Map<string, number>();
  for (const c of design.components) {
    if (c.scenarioId === scenarioId && !boundaryKinds.has(c.kind)) index.set(c.id, index.size);
  }
  const entry = index.get(entryId);
  if (entry === undefined) return [];
  const ids: string[] = [];
  const edges: RouteEdge[] = [];
  const outgoing: number[][] = Array.from({ length: index.size }, () => []);
  for (const e of design.connections) {
    const source = index.get(e.sourceId);
    const target = index.get(e.targetId);
    if (e.scenarioId !== scenarioId || source === undefined || target === undefined) continue;
    outgoing[source]?.push(edges.length);
    ids.push(e.id);
    edges.push({ kind: e.kind, sync: e.attributes.mode !== 'async', target });
  }
  return defaultRoute(entry, outgoing, edges).map((i) => ids[i] as string);
}

/** The route `journey` takes: its explicit list (ids that no longer exist left out) or its default route. */
export function journeyRoute(design: Design, journey: Journey): JourneyRoute {
  let connectionIds: readonly string[];
  if (journey.route === null) {
    connectionIds = defaultRouteIds(design, journey.scenarioId, journey.entryId);
  } else {
    const chosen = new Set(journey.route);
    connectionIds = design.connections
      .filter((e) => e.scenarioId === journey.scenarioId && chosen.has(e.id))
      .map((e) => e.id);
  }
  const onRoute = new Set(connectionIds);
  const touched = new Set<string>([journey.entryId]);
  for (const e of design.connections) {
    if (onRoute.has(e.id)) {
      touched.add(e.sourceId);
      touched.add(e.targetId);
    }
  }
  const componentIds = design.components.filter((c) => touched.has(c.id)).map((c) => c.id);
  return { connectionIds, componentIds, isDefault: journey.route === null };
}
