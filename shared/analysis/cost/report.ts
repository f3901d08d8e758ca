import { assumptionsOf } from '../assumptions.ts';
import type { Assumption } from '../assumptions.ts';
import type { GraphConnection, ScenarioGraph } from '../graph.ts';
import { isFallback } from '../request-path.ts';
import { egressSender } from './egress.ts';
import type { ScenarioTraffic } from './traffic.ts';

/* What a cost result says about how it was computed and which inputs it rested on. */

export const COST_METHOD =
  'Monthly requests = each journey’s avg rps × 2,628,000 s (730 h). Calls reaching a component = requests × its ' +
  'call multiplier over the journey’s route, sync and async (calls per request × probability × (1 + expected ' +
  'retries) along each connection; fallbacks at their primary’s failure rate; feedback loops counted once). ' +
  'Monthly cost = fixed fee + replicas × hourly price × 730 h (autoscaled replicas sized for peak at 70 % of ' +
  'capacity) + calls × per-1k price + tokens + storage + egress (payload × calls, billed to the sending side) + ' +
  'scheduled runs; cost per 1,000 inferences = 1000 × monthly cost ÷ monthly requests (marginal: variable part only).';

/**
 * Which of a component's inputs its bill depends on, as bits: only those are reported. A price always matters
 * (left at 0 it says the thing is free); what it multiplies matters only when the price is not 0.
 */
const ALWAYS = 1;
const COMPUTE = 2; // an always-on replica price
const SCALED = 4; // ... of an autoscaled component
const CALLED = 8; // it receives calls
const STORES = 16;
const SENDS = 32; // it sends data over a route connection with a payload
const SCHEDULED = 64;
const CALLED_SCALED = 128; // autoscaled, priced, and called: its capacity and maximum matter
const ALWAYS_ON = 256; // billed per replica-hour rather than per scheduled run

const KEYS_BY_BIT: readonly (readonly [number, readonly string[]])[] = [
  [ALWAYS, ['fixed_monthly_usd', 'stored_gb']],
  [ALWAYS_ON, ['hourly_usd_per_replica']],
  [COMPUTE, ['autoscaling']],
  [COMPUTE | SCALED, ['min_replicas']],
  [CALLED_SCALED, ['max_replicas', 'capacity_rps_per_replica']],
  [
    CALLED,
    [
      'per_1k_requests_usd',
      'avg_in_tokens',
      'avg_out_tokens',
      'price_in_per_1M',
      'price_out_per_1M',
      'hit_ratio',
    ],
  ],
  [STORES, ['per_gb_month_usd']],
  [SENDS, ['egress_per_gb_usd']],
  [
    SCHEDULED,
    [
      'runs_per_month',
      'gpu_hours_per_run',
      'gpu_hour_usd',
      'hours_per_run',
      'hourly_usd_per_replica',
      'replicas',
    ],
  ],
];
const CONNECTION_KEYS = ['calls_per_request', 'probability', 'retries'];

function keysOf(bits: number): string[] {
  const keys: string[] = [];
  for (const [mask, list] of KEYS_BY_BIT) {
    if ((bits & mask) === mask) for (const k of list) if (!keys.includes(k)) keys.push(k);
  }
  // A fixed replica count is read when replicas are priced always-on and do not autoscale.
  if (bits & COMPUTE && !(bits & SCALED)) keys.push('replicas');
  return keys;
}

/**
 * The inputs the cost analysis read that the user never gave, where they change the bill: a price, and what it
 * multiplies (replicas for an always-on price, capacity for an autoscaled one that is called, token counts for
 * a called endpoint...). `carried[e]` says which connections carry some journey's traffic. An
 * unknown payload is listed where the sending side has an egress price (its egress is counted as 0).
 */
export function costAssumptions(
  graph: ScenarioGraph,
  traffic: ScenarioTraffic,
  carried: Uint8Array,
): Assumption[] {
  const bits = new Uint16Array(graph.components.length);
  for (const c of graph.components) {
    let b = ALWAYS;
    const called = (traffic.callsPerMonth[c.index] as number) > 0 || (traffic.peakRps[c.index] as number) > 0;
    if (c.scheduled) b |= SCHEDULED;
    else b |= ALWAYS_ON | (c.hourlyUsdPerReplica > 0 ? COMPUTE | (c.autoscaling ? SCALED : 0) : 0);
    if (called) b |= CALLED;
    if (called && b & SCALED) b |= CALLED_SCALED;
    if (c.storedGb > 0) b |= STORES;
    bits[c.index] = b;
  }
  const routeEdges: number[] = [];
  const payloads: number[] = [];
  const availabilityRead: number[] = [];
  for (const edge of graph.connections) {
    if (!carried[edge.index]) continue;
    routeEdges.push(edge.index);
    const sender = egressSender(edge);
    if (edge.payloadKb !== null) bits[sender] = (bits[sender] as number) | SENDS;
    else if ((graph.components[sender]?.egressPerGbUsd ?? 0) > 0) payloads.push(edge.index);
    // Retries and fallbacks are priced from a target's availability.
    if (edge.retries > 0) availabilityRead.push(edge.target);
    const primary = isFallback(edge) ? graph.connections[edge.primary] : undefined;
    if (primary) availabilityRead.push(primary.target);
  }
  const groups = new Map<number, number[]>();
  for (const [c, b] of bits.entries()) {
    const list = groups.get(b);
    if (list) list.push(c);
    else groups.set(b, [c]);
  }
  const byComponent: Assumption[] = [];
  for (const [b, components] of groups)
    byComponent.push(...assumptionsOf(graph, { components, componentKeys: keysOf(b) }));
  const read = [...new Set(availabilityRead)];
  byComponent.push(...assumptionsOf(graph, { components: read, componentKeys: ['availability'] }));
  // In component order (a stable sort keeps each component's keys in the order read).
  const indexOf = (a: Assumption): number => graph.componentIndex.get(a.elementId) ?? 0;
  byComponent.sort((a, b) => indexOf(a) - indexOf(b));

  const found = [
    ...byComponent,
    ...assumptionsOf(graph, { connections: routeEdges, connectionKeys: CONNECTION_KEYS }),
    ...assumptionsOf(graph, { connections: payloads, connectionKeys: ['payload_kb'] }),
  ];
  const listed = new Set(found.filter((a) => a.key === 'payload_kb').map((a) => a.elementId));
  for (const e of payloads) {
    const edge = graph.connections[e] as GraphConnection;
    if (listed.has(edge.id)) continue;
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
