import type { Attributes } from '../model/attributes.ts';
import { BOUNDARY_KINDS } from '../model/catalog/types.ts';
import type { ComponentKind } from '../model/catalog/types.ts';
import type { Component, Connection, Design } from '../model/document.ts';
import type {
  GraphComponent,
  GraphConnection,
  GraphGroup,
  GraphJourney,
  LlmFacts,
  ScenarioGraph,
  ScheduledCompute,
  TokenFacts,
} from './graph.ts';
import { defaultRoute } from '../model/route.ts';
import { effectiveServiceAvailability } from './availability/effective.ts';

/*
 * Design → ScenarioGraph: the one place where attribute bags become numbers with units. Built once per revision
 * and scenario; every analysis reads the graph. Unknown numbers (null) become the neutral value stated here
 * (0 cost, no timeout, no capacity); the analyses report them as assumptions.
 */

const boundaryKinds: ReadonlySet<ComponentKind> = new Set(BOUNDARY_KINDS);

function num(bag: Attributes, key: string, fallback: number): number {
  const value = bag[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

function numOrNull(bag: Attributes, key: string): number | null {
  const value = bag[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function text(bag: Attributes, key: string): string | null {
  const value = bag[key];
  return typeof value === 'string' ? value : null;
}

function tierOf(bag: Attributes): 1 | 2 | 3 {
  const tier = num(bag, 'tier', 2);
  return tier === 1 || tier === 3 ? tier : 2;
}

function llmFacts(c: Component): LlmFacts | null {
  if (c.kind !== 'llm-endpoint') return null;
  const a = c.attributes;
  return {
    ttftP50Ms: num(a, 'ttft_p50_ms', 0),
    ttftP95Ms: num(a, 'ttft_p95_ms', num(a, 'ttft_p50_ms', 0)),
    tokensPerSecond: num(a, 'tokens_per_second', 0),
    avgInTokens: num(a, 'avg_in_tokens', 0),
    avgOutTokens: num(a, 'avg_out_tokens', 0),
    priceInPer1MUsd: num(a, 'price_in_per_1M', 0),
    priceOutPer1MUsd: num(a, 'price_out_per_1M', 0),
  };
}

function tokenFacts(c: Component): TokenFacts | null {
  if (c.kind !== 'embedding-service') return null;
  return {
    avgInTokens: num(c.attributes, 'avg_in_tokens', 0),
    priceInPer1MUsd: num(c.attributes, 'price_in_per_1M', 0),
  };
}

function scheduledCompute(c: Component): ScheduledCompute | null {
  const a = c.attributes;
  if (c.kind === 'training-pipeline') {
    return {
      runsPerMonth: num(a, 'runs_per_month', 0),
      hoursPerRun: num(a, 'gpu_hours_per_run', 0),
      usdPerHour: num(a, 'gpu_hour_usd', 0),
    };
  }
  if (c.kind === 'batch-scoring') {
    // A scoring job runs its replicas only while it runs: billed per run, not around the clock.
    return {
      runsPerMonth: num(a, 'runs_per_month', 0),
      hoursPerRun: num(a, 'hours_per_run', 0),
      usdPerHour: num(a, 'replicas', 1) * num(a, 'hourly_usd_per_replica', 0),
    };
  }
  return null;
}

function graphComponent(c: Component, index: number): GraphComponent {
  const a = c.attributes;
  const p50Ms = num(a, 'p50_ms', 0);
  const availability = num(a, 'availability', 1);
  const autoscaling = a.autoscaling === true;
  const replicas = num(a, 'replicas', 1);
  const minReplicas = num(a, 'min_replicas', 1);
  return {
    index,
    id: c.id,
    name: c.name,
    kind: c.kind,
    team: text(a, 'team'),
    tier: tierOf(a),
    p50Ms,
    p95Ms: Math.max(p50Ms, num(a, 'p95_ms', p50Ms)),
    p99Ms: numOrNull(a, 'p99_ms'),
    llm: llmFacts(c),
    tokens: tokenFacts(c),
    availability,
    serviceAvailability: effectiveServiceAvailability({
      availability,
      scope: a.availability_scope === 'whole-service' ? 'whole-service' : 'per-replica',
      redundancy:
        a.redundancy_mode === 'active-active' || a.redundancy_mode === 'active-passive'
          ? a.redundancy_mode
          : 'none',
      // Under autoscaling the floor is what is always there to fail over to.
      replicas: autoscaling ? minReplicas : replicas,
      replicasNeeded: num(a, 'replicas_needed', 1),
    }),
    mttrMin: num(a, 'mttr_min', 60),
    replicas,
    autoscaling,
    minReplicas,
    maxReplicas: Math.max(minReplicas, num(a, 'max_replicas', minReplicas)),
    capacityRpsPerReplica: numOrNull(a, 'capacity_rps_per_replica'),
    fixedMonthlyUsd: num(a, 'fixed_monthly_usd', 0),
    hourlyUsdPerReplica: c.kind === 'batch-scoring' ? 0 : num(a, 'hourly_usd_per_replica', 0),
    per1kRequestsUsd: num(a, 'per_1k_requests_usd', 0),
    storedGb: num(a, 'stored_gb', 0),
    perGbMonthUsd: num(a, 'per_gb_month_usd', 0),
    egressPerGbUsd: num(a, 'egress_per_gb_usd', 0),
    scheduled: scheduledCompute(c),
    cacheHitRatio: c.kind === 'cache' ? num(a, 'hit_ratio', 0) : null,
    attributes: a,
  };
}

function graphConnection(
  e: Connection,
  index: number,
  components: readonly GraphComponent[],
  componentIndex: ReadonlyMap<string, number>,
  groupIndex: ReadonlyMap<string, number>,
  connectionIndex: ReadonlyMap<string, number>,
): GraphConnection {
  const a = e.attributes;
  const source = componentIndex.get(e.sourceId) as number;
  // A read-through cache calls what is behind it only on a miss.
  const hit = components[source]?.cacheHitRatio ?? null;
  const networkP50Ms = num(a, 'network_p50_ms', 0);
  return {
    index,
    id: e.id,
    kind: e.kind,
    source,
    target: componentIndex.get(e.targetId) as number,
    sync: a.mode !== 'async',
    hard: a.criticality !== 'soft',
    probability: num(a, 'probability', 1) * (hit === null ? 1 : 1 - hit),
    callsPerRequest: num(a, 'calls_per_request', 1),
    parallelFanOut: a.fanout_mode === 'parallel',
    timeoutMs: numOrNull(a, 'timeout_ms'),
    retries: num(a, 'retries', 0),
    networkP50Ms,
    networkP95Ms: Math.max(networkP50Ms, num(a, 'network_p95_ms', networkP50Ms)),
    payloadKb: numOrNull(a, 'payload_kb'),
    group: e.groupId === null ? -1 : (groupIndex.get(e.groupId) ?? -1),
    primary: e.primaryId === null ? -1 : (connectionIndex.get(e.primaryId) ?? -1),
    attributes: a,
  };
}

/** The compact graph of one scenario of `design`, journeys with their routes resolved. */
export function buildScenarioGraph(design: Design, scenarioId: string): ScenarioGraph {
  const components: GraphComponent[] = [];
  const componentIndex = new Map<string, number>();
  for (const c of design.components) {
    if (c.scenarioId !== scenarioId || boundaryKinds.has(c.kind)) continue;
    componentIndex.set(c.id, components.length);
    components.push(graphComponent(c, components.length));
  }

  const scenarioGroups = design.groups.filter((g) => g.scenarioId === scenarioId);
  const groupIndex = new Map(scenarioGroups.map((g, i) => [g.id, i]));
  const scenarioConnections = design.connections.filter(
    (e) => e.scenarioId === scenarioId && componentIndex.has(e.sourceId) && componentIndex.has(e.targetId),
  );
  const connectionIndex = new Map(scenarioConnections.map((e, i) => [e.id, i]));
  const connections = scenarioConnections.map((e, i) =>
    graphConnection(e, i, components, componentIndex, groupIndex, connectionIndex),
  );

  const outgoing: number[][] = components.map(() => []);
  const membersOf: number[][] = scenarioGroups.map(() => []);
  for (const e of connections) {
    outgoing[e.source]?.push(e.index);
    if (e.group >= 0) membersOf[e.group]?.push(e.index);
  }

  const groups = scenarioGroups.map((g, index): GraphGroup => {
    const members = membersOf[index] ?? [];
    const join = g.type === 'exclusive' ? 'all' : (g.join ?? 'all');
    return {
      index,
      id: g.id,
      name: g.name,
      source: componentIndex.get(g.sourceId) ?? -1,
      type: g.type,
      join,
      k: join === 'k-of-n' ? (g.joinK ?? 1) : join === 'any' ? 1 : members.length,
      members,
    };
  });

  const journeys: GraphJourney[] = [];
  for (const j of design.journeys) {
    const entry = componentIndex.get(j.entryId);
    if (j.scenarioId !== scenarioId || entry === undefined) continue;
    const route =
      j.route === null
        ? defaultRoute(entry, outgoing, connections)
        : j.route
            .map((id) => connectionIndex.get(id))
            .filter((e): e is number => e !== undefined)
            .sort((a, b) => a - b);
    journeys.push({
      index: journeys.length,
      id: j.id,
      name: j.name,
      entry,
      route,
      defaultRoute: j.route === null,
      tier: j.tier,
      avgRps: j.avgRps,
      peakRps: Math.max(j.avgRps, j.peakRps),
      p95SloMs: j.p95SloMs,
      p99SloMs: j.p99SloMs,
      availabilitySlo: j.availabilitySlo,
    });
  }

  return { scenarioId, components, connections, groups, outgoing, componentIndex, connectionIndex, journeys };
}
