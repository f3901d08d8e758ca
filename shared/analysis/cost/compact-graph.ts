import type { GraphConnection, ScenarioGraph } from '../graph.ts';
import { isFallback } from '../request-path.ts';
import { egressSender } from './egress.ts';

/*
 * The connection facts the multiplier walk reads, in typed arrays: reading the graph's objects field by field
 * costs a memory miss per field on a large graph, and the walk reads each connection several times per journey.
 * Built once per graph (the graph is immutable for a revision) and shared by every journey and analysis.
 */

export interface CompactGraph {
  readonly source: Int32Array;
  readonly target: Int32Array;
  /** 1 for a sync connection. */
  readonly sync: Uint8Array;
  /** 1 for a fallback (backs up its primary). */
  readonly fallback: Uint8Array;
  /** The connection a fallback backs up, or -1. */
  readonly primary: Int32Array;
  /** The exclusive group a connection belongs to, or -1 (parallel groups do not split calls). */
  readonly exclusiveGroup: Int32Array;
  readonly callsPerRequest: Float64Array;
  readonly probability: Float64Array;
  /** Expected extra attempts: Σ_{i=1..retries} qⁱ, q = 1 − availability of the target. */
  readonly expectedRetries: Float64Array;
  /** Availability of each connection's target (0-1): a fallback's rate is 1 − that of its primary. */
  readonly targetAvailability: Float64Array;
  /** Data moved per call, KB; NaN when unknown. */
  readonly payloadKb: Float64Array;
  /** The component whose egress price applies to data moved over the connection (see egressSender). */
  readonly sender: Int32Array;
  /** Outgoing connections of component u: outEdges[outStart[u] .. outStart[u + 1]), in id order. */
  readonly outStart: Int32Array;
  readonly outEdges: Int32Array;
}

const cache = new WeakMap<ScenarioGraph, CompactGraph>();

/** Expected extra attempts of a connection: Σ_{i=1..retries} qⁱ, q = 1 − availability of its target. */
export function expectedRetries(graph: ScenarioGraph, edge: GraphConnection): number {
  if (edge.retries === 0) return 0;
  const q = 1 - (graph.components[edge.target]?.serviceAvailability ?? 1);
  let sum = 0;
  let power = 1;
  for (let i = 1; i <= edge.retries; i++) {
    power *= q;
    sum += power;
  }
  return sum;
}

/** The compact form of `graph`, built on first use. Linear in components + connections. */
export function compactGraph(graph: ScenarioGraph): CompactGraph {
  const cached = cache.get(graph);
  if (cached) return cached;
  const m = graph.connections.length;
  const n = graph.components.length;
  const compact: CompactGraph = {
    source: new Int32Array(m),
    target: new Int32Array(m),
    sync: new Uint8Array(m),
    fallback: new Uint8Array(m),
    primary: new Int32Array(m),
    exclusiveGroup: new Int32Array(m),
    callsPerRequest: new Float64Array(m),
    probability: new Float64Array(m),
    expectedRetries: new Float64Array(m),
    targetAvailability: new Float64Array(m),
    payloadKb: new Float64Array(m),
    sender: new Int32Array(m),
    outStart: new Int32Array(n + 1),
    outEdges: new Int32Array(m),
  };
  for (const edge of graph.connections) {
    const e = edge.index;
    compact.source[e] = edge.source;
    compact.target[e] = edge.target;
    compact.sync[e] = edge.sync ? 1 : 0;
    compact.fallback[e] = isFallback(edge) ? 1 : 0;
    compact.primary[e] = edge.primary;
    compact.exclusiveGroup[e] =
      edge.group >= 0 && graph.groups[edge.group]?.type === 'exclusive' ? edge.group : -1;
    compact.callsPerRequest[e] = edge.callsPerRequest;
    compact.probability[e] = edge.probability;
    compact.expectedRetries[e] = expectedRetries(graph, edge);
    compact.targetAvailability[e] = graph.components[edge.target]?.serviceAvailability ?? 1;
    compact.payloadKb[e] = edge.payloadKb ?? Number.NaN;
    compact.sender[e] = egressSender(edge);
  }
  let k = 0;
  for (let u = 0; u < n; u++) {
    compact.outStart[u] = k;
    for (const e of graph.outgoing[u] ?? []) compact.outEdges[k++] = e;
  }
  compact.outStart[n] = k;
  cache.set(graph, compact);
  return compact;
}
