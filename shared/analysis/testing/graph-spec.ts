import type { ComponentKind, ConnectionKind } from '../../model/catalog/types.ts';
import type {
  GraphComponent,
  GraphConnection,
  GraphGroup,
  GraphJourney,
  LlmFacts,
  ScheduledCompute,
  ScenarioGraph,
  TokenFacts,
} from '../graph.ts';
import { defaultRoute } from '../../model/route.ts';

/*
 * Scenario graphs written by hand for analysis tests. Every number defaults to something that keeps hand
 * calculations easy: latency 0, network 0, availability 1, no cost. A test states only what it is about.
 */

export interface ComponentSpec {
  id: string;
  name?: string;
  kind?: ComponentKind;
  team?: string | null;
  tier?: 1 | 2 | 3;
  p50Ms?: number;
  /** Defaults to p50Ms (no spread). */
  p95Ms?: number;
  p99Ms?: number | null;
  llm?: LlmFacts | null;
  tokens?: TokenFacts | null;
  availability?: number;
  /** Defaults to `availability`. */
  serviceAvailability?: number;
  mttrMin?: number;
  replicas?: number;
  autoscaling?: boolean;
  minReplicas?: number;
  maxReplicas?: number;
  capacityRpsPerReplica?: number | null;
  fixedMonthlyUsd?: number;
  hourlyUsdPerReplica?: number;
  per1kRequestsUsd?: number;
  storedGb?: number;
  perGbMonthUsd?: number;
  egressPerGbUsd?: number;
  scheduled?: ScheduledCompute | null;
  cacheHitRatio?: number | null;
}

export interface ConnectionSpec {
  id?: string;
  from: string;
  to: string;
  kind?: ConnectionKind;
  /** Defaults to true, except for event, data-flow, batch-transfer, observes and deploy. */
  sync?: boolean;
  hard?: boolean;
  probability?: number;
  callsPerRequest?: number;
  parallelFanOut?: boolean;
  timeoutMs?: number | null;
  retries?: number;
  networkP50Ms?: number;
  /** Defaults to networkP50Ms. */
  networkP95Ms?: number;
  payloadKb?: number | null;
  /** Id of a group in `groups`. */
  group?: string;
  /** Id of the connection this fallback backs up (makes kind 'fallback' unless a kind is given). */
  primary?: string;
}

export interface GroupSpec {
  id: string;
  name?: string;
  type: 'exclusive' | 'parallel';
  join?: 'all' | 'any' | 'k-of-n';
  k?: number;
}

export interface JourneySpec {
  id?: string;
  name?: string;
  entry: string;
  /** Connection ids; defaults to the default route from the entry. */
  route?: string[];
  tier?: 1 | 2 | 3;
  avgRps?: number;
  peakRps?: number;
  p95SloMs?: number | null;
  p99SloMs?: number | null;
  availabilitySlo?: number | null;
}

export interface GraphSpec {
  components: ComponentSpec[];
  connections?: ConnectionSpec[];
  groups?: GroupSpec[];
  journeys?: JourneySpec[];
}

const ASYNC_KINDS: ReadonlySet<ConnectionKind> = new Set([
  'event',
  'data-flow',
  'batch-transfer',
  'observes',
  'deploy',
]);

function lookup(map: ReadonlyMap<string, number>, id: string, what: string): number {
  const index = map.get(id);
  if (index === undefined) throw new Error(`graph spec: no ${what} "${id}"`);
  return index;
}

/** A ScenarioGraph from a hand-written spec; connection ids default to "from>to". */
export function buildGraph(spec: GraphSpec): ScenarioGraph {
  const componentIndex = new Map(spec.components.map((c, i) => [c.id, i]));
  const components = spec.components.map((c, index): GraphComponent => {
    const availability = c.availability ?? 1;
    return {
      index,
      id: c.id,
      name: c.name ?? c.id,
      kind: c.kind ?? 'online-inference',
      team: c.team ?? null,
      tier: c.tier ?? 2,
      p50Ms: c.p50Ms ?? 0,
      p95Ms: c.p95Ms ?? c.p50Ms ?? 0,
      p99Ms: c.p99Ms ?? null,
      llm: c.llm ?? null,
      tokens: c.tokens ?? null,
      availability,
      serviceAvailability: c.serviceAvailability ?? availability,
      mttrMin: c.mttrMin ?? 60,
      replicas: c.replicas ?? 1,
      autoscaling: c.autoscaling ?? false,
      minReplicas: c.minReplicas ?? 1,
      maxReplicas: c.maxReplicas ?? c.replicas ?? 1,
      capacityRpsPerReplica: c.capacityRpsPerReplica ?? null,
      fixedMonthlyUsd: c.fixedMonthlyUsd ?? 0,
      hourlyUsdPerReplica: c.hourlyUsdPerReplica ?? 0,
      per1kRequestsUsd: c.per1kRequestsUsd ?? 0,
      storedGb: c.storedGb ?? 0,
      perGbMonthUsd: c.perGbMonthUsd ?? 0,
      egressPerGbUsd: c.egressPerGbUsd ?? 0,
      scheduled: c.scheduled ?? null,
      cacheHitRatio: c.cacheHitRatio ?? null,
      attributes: {},
    };
  });

  const groupSpecs = spec.groups ?? [];
  const groupIndex = new Map(groupSpecs.map((g, i) => [g.id, i]));
  const connectionSpecs = spec.connections ?? [];
  const ids = connectionSpecs.map((e) => e.id ?? `${e.from}>${e.to}`);
  const connectionIndex = new Map(ids.map((id, i) => [id, i]));
  if (connectionIndex.size !== ids.length) throw new Error('graph spec: duplicate connection ids');
  const connections = connectionSpecs.map((e, index): GraphConnection => {
    const kind = e.kind ?? (e.primary !== undefined ? 'fallback' : 'call');
    return {
      index,
      id: ids[index] as string,
      kind,
      source: lookup(componentIndex, e.from, 'component'),
      target: lookup(componentIndex, e.to, 'component'),
      sync: e.sync ?? !ASYNC_KINDS.has(kind),
      hard: e.hard ?? true,
      probability: e.probability ?? 1,
      callsPerRequest: e.callsPerRequest ?? 1,
      parallelFanOut: e.parallelFanOut ?? false,
      timeoutMs: e.timeoutMs ?? null,
      retries: e.retries ?? 0,
      networkP50Ms: e.networkP50Ms ?? 0,
      networkP95Ms: e.networkP95Ms ?? e.networkP50Ms ?? 0,
      payloadKb: e.payloadKb ?? null,
      group: e.group === undefined ? -1 : lookup(groupIndex, e.group, 'group'),
      primary: e.primary === undefined ? -1 : lookup(connectionIndex, e.primary, 'connection'),
      attributes: {},
    };
  });

  const groups = groupSpecs.map((g, index): GraphGroup => {
    const members = connections.filter((e) => e.group === index).map((e) => e.index);
    const first = connections[members[0] ?? -1];
    const join = g.type === 'exclusive' ? 'all' : (g.join ?? 'all');
    return {
      index,
      id: g.id,
      name: g.name ?? g.id,
      source: first ? first.source : -1,
      type: g.type,
      join,
      k: join === 'k-of-n' ? (g.k ?? 1) : join === 'any' ? 1 : members.length,
      members,
    };
  });

  const outgoing: number[][] = components.map(() => []);
  for (const e of connections) outgoing[e.source]?.push(e.index);

  const journeys = (spec.journeys ?? []).map((j, index): GraphJourney => {
    const entry = lookup(componentIndex, j.entry, 'component');
    const route =
      j.route === undefined
        ? defaultRoute(entry, outgoing, connections)
        : j.route.map((id) => lookup(connectionIndex, id, 'connection')).sort((a, b) => a - b);
    return {
      index,
      id: j.id ?? `j${index}`,
      name: j.name ?? `Journey ${index + 1}`,
      entry,
      route,
      defaultRoute: j.route === undefined,
      tier: j.tier ?? 1,
      avgRps: j.avgRps ?? 0,
      peakRps: j.peakRps ?? j.avgRps ?? 0,
      p95SloMs: j.p95SloMs ?? null,
      p99SloMs: j.p99SloMs ?? null,
      availabilitySlo: j.availabilitySlo ?? null,
    };
  });

  return {
    scenarioId: 'test-scenario',
    components,
    connections,
    groups,
    outgoing,
    componentIndex,
    connectionIndex,
    journeys,
  };
}
