import type { ComponentKind } from '../../../model/catalog/types.ts';
import { defaultAttributes, defaultConnectionAttributes } from '../../../model/catalog/index.ts';
import { seededRandom } from '../../../model/testing/synthetic.ts';
import type { ScenarioGraph } from '../../graph.ts';
import { buildGraph } from '../../testing/graph-spec.ts';
import type { ComponentSpec, ConnectionSpec, GroupSpec } from '../../testing/graph-spec.ts';

/*
 * A large scenario graph for benchmarks: a few gateways in front of layers of services, with everything the
 * cost engine prices (fan-out, caches, exclusive choices, fallbacks, retries, async events, feedback loops,
 * autoscaling, tokens, storage, egress). Sync connections only point to deeper layers, so there is no sync
 * cycle; a few async connections point back up (feedback loops). Deterministic for a seed.
 */

const LAYERS = 8;
const GATEWAYS = 4;
const KINDS: readonly ComponentKind[] = [
  'online-inference',
  'model-server',
  'feature-store',
  'cache',
  'database',
  'llm-endpoint',
  'embedding-service',
  'stream',
];

/** A synthetic graph of `components` components (about 1.6 connections each) and 4 journeys. */
export function syntheticCostGraph(components: number, seed = 1): ScenarioGraph {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const specs: ComponentSpec[] = [];
  const layerOf: number[] = [];
  const byLayer: string[][] = Array.from({ length: LAYERS }, () => []);
  for (let i = 0; i < components; i++) {
    const layer = i < GATEWAYS ? 0 : 1 + Math.floor(random() * (LAYERS - 1));
    const id = `c${i}`;
    layerOf.push(layer);
    byLayer[layer]?.push(id);
    specs.push(
      layer === 0
        ? { id, kind: 'api-gateway', per1kRequestsUsd: 0.001 }
        : componentSpec(id, pick(KINDS), random),
    );
  }

  const callerOf = new Map<string, string>();
  const connections: ConnectionSpec[] = [];
  const groups: GroupSpec[] = [];
  const connect = (spec: Omit<ConnectionSpec, 'id'>): string => {
    const id = `e${connections.length}`;
    connections.push({ id, ...spec });
    return id;
  };
  const deeper = (layer: number): string =>
    pick(byLayer[layer + 1 + Math.floor(random() * (LAYERS - 1 - layer))] ?? []);
  for (let i = GATEWAYS; i < components; i++) {
    // One caller in the layer above (or a gateway), so everything is reachable.
    const layer = layerOf[i] as number;
    const caller = pick(
      byLayer[layer - 1]?.length ? (byLayer[layer - 1] as string[]) : (byLayer[0] as string[]),
    );
    const cache = specs[Number(caller.slice(1))]?.kind === 'cache';
    callerOf.set(`c${i}`, caller);
    connect({
      from: caller,
      to: `c${i}`,
      kind: random() < 0.1 ? 'event' : 'call',
      probability: cache ? 0.3 : 1,
      callsPerRequest: random() < 0.1 ? 3 : 1,
      retries: random() < 0.2 ? 1 : 0,
      payloadKb: random() < 0.5 ? 4 : null,
    });
  }
  for (let i = GATEWAYS; i < components; i++) {
    const layer = layerOf[i] as number;
    const from = `c${i}`;
    if (layer >= LAYERS - 1) continue;
    const roll = random();
    if (roll < 0.3) connect({ from, to: deeper(layer) });
    else if (roll < 0.33) {
      const group = `g${groups.length}`;
      groups.push({ id: group, type: 'exclusive' });
      connect({ from, to: deeper(layer), probability: 0.9, group });
      connect({ from, to: deeper(layer), probability: 0.1, group });
    } else if (roll < 0.36) {
      const primary = connect({ from, to: deeper(layer), retries: 2 });
      connect({ from, to: deeper(layer), primary });
    } else if (roll < 0.365) {
      // A feedback loop: an event back to the caller's caller.
      const ancestor = callerOf.get(callerOf.get(from) ?? '');
      if (ancestor) connect({ from, to: ancestor, kind: 'event', payloadKb: 1 });
    }
  }
  const journeys = (byLayer[0] as string[]).map((entry, j) => ({
    id: `j${j}`,
    entry,
    avgRps: 50,
    peakRps: 150,
  }));
  const graph = buildGraph({ components: specs, connections, groups, journeys });
  // Attribute bags as a document holds them (every attribute at its default), for the assumption reports.
  return {
    ...graph,
    components: graph.components.map((c) => ({ ...c, attributes: defaultAttributes(c.kind) })),
    connections: graph.connections.map((e) => ({ ...e, attributes: defaultConnectionAttributes(e.kind) })),
  };
}

function componentSpec(id: string, kind: ComponentKind, random: () => number): ComponentSpec {
  const autoscaling = random() < 0.3;
  const spec: ComponentSpec = {
    id,
    kind,
    team: `team-${Math.floor(random() * 12)}`,
    availability: 0.999,
    replicas: 2,
    autoscaling,
    minReplicas: 1,
    maxReplicas: 20,
    capacityRpsPerReplica: autoscaling && random() < 0.9 ? 200 : null,
    hourlyUsdPerReplica: 0.2,
    fixedMonthlyUsd: random() < 0.2 ? 100 : 0,
    per1kRequestsUsd: random() < 0.1 ? 0.002 : 0,
    storedGb: random() < 0.2 ? 100 : 0,
    perGbMonthUsd: 0.023,
    egressPerGbUsd: random() < 0.1 ? 0.09 : 0,
  };
  if (kind === 'cache') spec.cacheHitRatio = 0.7;
  if (kind === 'embedding-service') spec.tokens = { avgInTokens: 300, priceInPer1MUsd: 0.02 };
  if (kind === 'llm-endpoint') {
    spec.llm = {
      ttftP50Ms: 300,
      ttftP95Ms: 800,
      tokensPerSecond: 60,
      avgInTokens: 800,
      avgOutTokens: 200,
      priceInPer1MUsd: 3,
      priceOutPer1MUsd: 15,
    };
  }
  return spec;
}
