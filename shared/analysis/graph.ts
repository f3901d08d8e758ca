import type { Attributes } from '../model/attributes.ts';
import type { ComponentKind, ConnectionKind } from '../model/catalog/types.ts';

/*
 * The compact scenario graph every analysis reads: components, connections and branch groups addressed by
 * plain indices, every number resolved once per revision into explicit units. Analyses never read attribute
 * bags for numbers; they keep `attributes` only to say which inputs rested on defaults or unknowns.
 * Semantics follow DOMAIN.md §2.0 (what a request path means).
 */

/** Facts of an LLM endpoint: generation time is TTFT + output tokens / tokens per second. */
export interface LlmFacts {
  readonly ttftP50Ms: number;
  readonly ttftP95Ms: number;
  readonly tokensPerSecond: number;
  readonly avgInTokens: number;
  readonly avgOutTokens: number;
  /** USD per million input tokens. */
  readonly priceInPer1MUsd: number;
  /** USD per million output tokens. */
  readonly priceOutPer1MUsd: number;
}

/** Token-priced work other than LLM generation (an embedding service): input tokens only. */
export interface TokenFacts {
  readonly avgInTokens: number;
  readonly priceInPer1MUsd: number;
}

/** Scheduled compute billed per run (training pipelines, batch scoring jobs). */
export interface ScheduledCompute {
  readonly runsPerMonth: number;
  /** Hours billed per run (GPU hours for training, job hours × replicas for batch scoring). */
  readonly hoursPerRun: number;
  /** USD per billed hour. */
  readonly usdPerHour: number;
}

export interface GraphComponent {
  readonly index: number;
  readonly id: string;
  readonly name: string;
  readonly kind: ComponentKind;
  readonly team: string | null;
  readonly tier: 1 | 2 | 3;
  /** Service time of one call, without network, ms. */
  readonly p50Ms: number;
  readonly p95Ms: number;
  readonly p99Ms: number | null;
  /** Non-null for LLM endpoints: their latency is TTFT + output tokens / tokens per second. */
  readonly llm: LlmFacts | null;
  readonly tokens: TokenFacts | null;
  /** Availability as the user typed it (0-1): of one replica, or of the whole service. */
  readonly availability: number;
  /** Probability that the component can serve a request, with replicas and redundancy folded in (0-1). */
  readonly serviceAvailability: number;
  readonly mttrMin: number;
  /** Fixed replica count when not autoscaling. */
  readonly replicas: number;
  readonly autoscaling: boolean;
  readonly minReplicas: number;
  readonly maxReplicas: number;
  /** Requests per second one replica serves; null when unknown. */
  readonly capacityRpsPerReplica: number | null;
  readonly fixedMonthlyUsd: number;
  readonly hourlyUsdPerReplica: number;
  readonly per1kRequestsUsd: number;
  readonly storedGb: number;
  readonly perGbMonthUsd: number;
  readonly egressPerGbUsd: number;
  readonly scheduled: ScheduledCompute | null;
  /** Share of reads a cache answers itself (0-1); null for other kinds. */
  readonly cacheHitRatio: number | null;
  /** The attribute bag the numbers were read from (for assumption reports only). */
  readonly attributes: Attributes;
}

export interface GraphConnection {
  readonly index: number;
  readonly id: string;
  readonly kind: ConnectionKind;
  readonly source: number;
  readonly target: number;
  /** The caller waits (mode sync): the call adds to request latency and can fail the request. */
  readonly sync: boolean;
  /** False for a soft dependency: its failure degrades the request, never fails it. */
  readonly hard: boolean;
  /**
   * Probability the call is made per call reaching the source: the edge's probability times the miss ratio
   * when the source is a cache. In an exclusive group: the branch's share. Not used for fallbacks (derived).
   */
  readonly probability: number;
  /** Calls made per call reaching the source (fan-out, ≥ 0). */
  readonly callsPerRequest: number;
  /** The calls of a fan-out run at once and join as all; otherwise one after another. */
  readonly parallelFanOut: boolean;
  /** Per-attempt timeout, ms; null for none. */
  readonly timeoutMs: number | null;
  /** Extra attempts after a failure or timeout. */
  readonly retries: number;
  readonly networkP50Ms: number;
  readonly networkP95Ms: number;
  /** Data moved per call, KB (request and response); null when unknown. */
  readonly payloadKb: number | null;
  /** Index of the branch group this connection belongs to, or -1. */
  readonly group: number;
  /** For a fallback: index of the connection it backs up, or -1 when it names none. */
  readonly primary: number;
  readonly attributes: Attributes;
}

/** Sibling connections out of one component that form one choice or one parallel step. */
export interface GraphGroup {
  readonly index: number;
  readonly id: string;
  readonly name: string;
  readonly source: number;
  /** exclusive: exactly one member is taken, with the members' probabilities; parallel: members run at once. */
  readonly type: 'exclusive' | 'parallel';
  /** How a parallel group completes (all for an exclusive group, where it means nothing). */
  readonly join: 'all' | 'any' | 'k-of-n';
  /** Members that must answer for k-of-n (the member count for all, 1 for any). */
  readonly k: number;
  /** Connection indices, in id order. */
  readonly members: readonly number[];
}

export interface ScenarioGraph {
  readonly scenarioId: string;
  /** Components in id order (boundaries are not components of the graph). */
  readonly components: readonly GraphComponent[];
  readonly connections: readonly GraphConnection[];
  readonly groups: readonly GraphGroup[];
  /** Connection indices leaving each component, in id order. */
  readonly outgoing: readonly (readonly number[])[];
  readonly componentIndex: ReadonlyMap<string, number>;
  readonly connectionIndex: ReadonlyMap<string, number>;
  readonly journeys: readonly GraphJourney[];
}

/** A user journey with its route resolved to connection indices. */
export interface GraphJourney {
  readonly index: number;
  readonly id: string;
  readonly name: string;
  readonly entry: number;
  /** Connections the journey traverses (sync and async), ascending indices. */
  readonly route: readonly number[];
  /** True when the route is the default one (everything reachable from the entry over sync connections). */
  readonly defaultRoute: boolean;
  readonly tier: 1 | 2 | 3;
  readonly avgRps: number;
  readonly peakRps: number;
  readonly p95SloMs: number | null;
  readonly p99SloMs: number | null;
  /** Availability objective as a fraction, e.g. 0.999; null when none. */
  readonly availabilitySlo: number | null;
}

/** Hours in the month every monthly figure uses (DOMAIN.md §2.2: 730 h). */
export const HOURS_PER_MONTH = 730;
/** Seconds in that month: R = avg rps × 2.628·10⁶. */
export const SECONDS_PER_MONTH = HOURS_PER_MONTH * 3600;
/** Minutes in that month, for downtime. */
export const MINUTES_PER_MONTH = HOURS_PER_MONTH * 60;
