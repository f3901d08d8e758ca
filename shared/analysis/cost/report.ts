import { assumptionsOf } from '../assumptions.ts';
import type { Assumption } from '../assumptions.ts';
import type { GraphConnection, ScenarioGraph } from '../graph.ts';
import { isFallback } from '../request-path.ts';
import { egressSender } from './traffic.ts';

/* What a cost result says about how it was computed and which inputs it rested on. */

export const COST_METHOD =
  'Monthly requests = each journey’s avg rps × 2,628,000 s (730 h). Calls reaching a component = requests × its ' +
  'call multiplier over the journey’s route, sync and async (calls per request × probability × (1 + expected ' +
  'retries) along each connection; fallbacks at their primary’s failure rate; feedback loops counted once). ' +
  'Monthly cost = fixed fee + replicas × hourly price × 730 h (autoscaled replicas sized for peak at 70 % of ' +
  'capacity) + calls × per-1k price + tokens + storage + egress (payload × calls, billed to the sending side) + ' +
  'scheduled runs; cost per 1,000 inferences = 1000 × monthly cost ÷ monthly requests (marginal: variable part only).';

const COMMON_KEYS = [
  'fixed_monthly_usd',
  'hourly_usd_per_replica',
  'per_1k_requests_usd',
  'autoscaling',
  'stored_gb',
  'per_gb_month_usd',
  'egress_per_gb_usd',
  'avg_in_tokens',
  'avg_out_tokens',
  'price_in_per_1M',
  'price_out_per_1M',
  'hit_ratio',
  'runs_per_month',
  'gpu_hours_per_run',
  'gpu_hour_usd',
  'hours_per_run',
];
const FIXED_REPLICA_KEYS = ['replicas'];
const AUTOSCALING_KEYS = ['min_replicas', 'max_replicas', 'capacity_rps_per_replica'];
const CONNECTION_KEYS = ['calls_per_request', 'probability', 'retries', 'payload_kb'];

/**
 * The inputs the cost analysis read that the user never gave. `carried[e]` is 1 when connection e carries
 * calls of some journey: an unknown payload there is an assumption (its egress counted as 0) when the
 * sending side has an egress price.
 */
export function costAssumptions(graph: ScenarioGraph, carried: Uint8Array): Assumption[] {
  const scaled: number[] = [];
  const fixed: number[] = [];
  for (const c of graph.components) (c.autoscaling ? scaled : fixed).push(c.index);
  const routeEdges: number[] = [];
  const availabilityRead = new Set<number>();
  for (const edge of graph.connections) {
    if (!carried[edge.index]) continue;
    routeEdges.push(edge.index);
    // Retries and fallbacks are priced from a target's availability.
    if (edge.retries > 0) availabilityRead.add(edge.target);
    const primary = isFallback(edge) ? graph.connections[edge.primary] : undefined;
    if (primary) availabilityRead.add(primary.target);
  }
  const byComponent = [
    ...assumptionsOf(graph, { components: fixed, componentKeys: [...COMMON_KEYS, ...FIXED_REPLICA_KEYS] }),
    ...assumptionsOf(graph, { components: scaled, componentKeys: [...COMMON_KEYS, ...AUTOSCALING_KEYS] }),
    ...assumptionsOf(graph, { components: [...availabilityRead], componentKeys: ['availability'] }),
  ];
  // In component order (a stable sort keeps each component's keys in the order read).
  const indexOf = (a: Assumption): number => graph.componentIndex.get(a.elementId) ?? 0;
  byComponent.sort((a, b) => indexOf(a) - indexOf(b));
  const found = [
    ...byComponent,
    ...assumptionsOf(graph, { connections: routeEdges, connectionKeys: CONNECTION_KEYS }),
  ];
  const seen = new Set(found.map((a) => `${a.elementId}\u0000${a.key}`));
  for (const e of routeEdges) {
    const edge = graph.connections[e] as GraphConnection;
    if (edge.payloadKb !== null || seen.has(`${edge.id}\u0000payload_kb`)) continue;
    if (!((graph.components[egressSender(edge)]?.egressPerGbUsd ?? 0) > 0)) continue;
    found.push({
      elementId: edge.id,
      elementName: `${graph.components[edge.source]?.name ?? '?'} → ${graph.components[edge.target]?.name ?? '?'}`,
      key: 'payload_kb',
      label: 'Payload per call',
      value: null,
      reason: 'unknown',
    });
  }
  return found;
}

/** "A", "B" and 3 more: names for a warning that may cover many components. */
export function nameList(names: readonly string[], shown = 5): string {
  const quoted = names.slice(0, shown).map((n) => `"${n}"`);
  const more = names.length - quoted.length;
  if (more > 0) return `${quoted.join(', ')} and ${more} more`;
  if (quoted.length <= 1) return quoted.join('');
  return `${quoted.slice(0, -1).join(', ')} and ${quoted.at(-1) ?? ''}`;
}
