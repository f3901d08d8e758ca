import type { GraphConnection, ScenarioGraph } from '../../graph.ts';
import type { CallStep, RequestPath } from '../../request-path.ts';

/*
 * The availability of a request path by plain enumeration, for tests: every branch outcome (each
 * probabilistic call taken or not, each exclusive choice's branch) times every up/down state of the reached
 * components. It shares no code with the BDD engine: for one outcome it evaluates the structure function on
 * all 2^m component states at once, one byte per state (truth tables), callees first.
 */

export interface BruteForceResult {
  readonly availability: number;
  /** Reached components; bit i of a state stands for reached[i] being up. */
  readonly reached: readonly number[];
  /** By state: 1 when the request succeeds for every branch outcome. */
  readonly succeedsAll: Uint8Array;
  /** By state: 1 when the request succeeds for some branch outcome. */
  readonly succeedsSome: Uint8Array;
}

type Dimension =
  | { kind: 'taken'; edge: number; p: number }
  | { kind: 'choice'; edges: readonly number[]; shares: readonly number[] };

const MAX_COMPONENTS = 20;

/** Enumerates `path` (no errors) exactly. Components' up probabilities are their serviceAvailability. */
export function bruteForceAvailability(graph: ScenarioGraph, path: RequestPath): BruteForceResult {
  const reached = path.order;
  const m = reached.length;
  if (m > MAX_COMPONENTS) throw new Error(`brute force: ${m} components is too many`);
  const states = 1 << m;
  const bit = new Map(reached.map((u, i) => [u, i]));
  const edge = (e: number): GraphConnection => graph.connections[e] as GraphConnection;

  // Probability of each state, built one component at a time.
  let weight = new Float64Array([1]);
  reached.forEach((u, i) => {
    const a = graph.components[u]?.serviceAvailability ?? 0;
    const next = new Float64Array(1 << (i + 1));
    for (let x = 0; x < weight.length; x++) {
      next[x] = (weight[x] as number) * (1 - a);
      next[x | (1 << i)] = (weight[x] as number) * a;
    }
    weight = next;
  });

  const dimensions: Dimension[] = [];
  const taken = new Uint8Array(graph.connections.length);
  for (const u of reached) {
    for (const step of path.steps[u] ?? []) {
      if (step.type === 'exclusive') {
        dimensions.push({ kind: 'choice', edges: step.branches.map((c) => c.edge), shares: step.shares });
        continue;
      }
      const calls = step.type === 'call' ? [step.call] : step.branches;
      for (const call of calls) {
        const p = edge(call.edge).probability;
        taken[call.edge] = p >= 1 ? 1 : 0;
        if (p > 0 && p < 1) dimensions.push({ kind: 'taken', edge: call.edge, p });
      }
    }
  }

  const succeedsAll = new Uint8Array(states).fill(1);
  const succeedsSome = new Uint8Array(states);
  let availability = 0;
  const tables: (Uint8Array | undefined)[] = [];
  const enumerate = (d: number, outcomeWeight: number): void => {
    if (outcomeWeight === 0) return;
    if (d === dimensions.length) {
      const success = evaluate();
      let sum = 0;
      for (let x = 0; x < states; x++) {
        if (success[x]) {
          sum += weight[x] as number;
          succeedsSome[x] = 1;
        } else succeedsAll[x] = 0;
      }
      availability += outcomeWeight * sum;
      return;
    }
    const dim = dimensions[d] as Dimension;
    if (dim.kind === 'taken') {
      taken[dim.edge] = 1;
      enumerate(d + 1, outcomeWeight * dim.p);
      taken[dim.edge] = 0;
      enumerate(d + 1, outcomeWeight * (1 - dim.p));
      return;
    }
    dim.edges.forEach((e, b) => {
      for (const other of dim.edges) taken[other] = 0;
      taken[e] = 1;
      enumerate(d + 1, outcomeWeight * (dim.shares[b] as number));
    });
  };

  const served = (call: CallStep): Uint8Array => {
    // Only read, never written: a call without fallbacks is served exactly where its target succeeds.
    if (call.fallbacks.length === 0) return tables[edge(call.edge).target] as Uint8Array;
    const out = new Uint8Array(states);
    for (const e of [call.edge, ...call.fallbacks]) {
      const t = tables[edge(e).target] as Uint8Array;
      for (let x = 0; x < states; x++) out[x] = (out[x] as number) | (t[x] as number);
    }
    return out;
  };
  const andInto = (acc: Uint8Array, t: Uint8Array): void => {
    for (let x = 0; x < states; x++) acc[x] = (acc[x] as number) & (t[x] as number);
  };

  const evaluate = (): Uint8Array => {
    for (let i = reached.length - 1; i >= 0; i--) {
      const u = reached[i] as number;
      const me = bit.get(u) as number;
      const t = new Uint8Array(states);
      for (let x = 0; x < states; x++) t[x] = (x >> me) & 1;
      for (const step of path.steps[u] ?? []) {
        if (step.type === 'call') {
          if (edge(step.call.edge).hard && taken[step.call.edge]) andInto(t, served(step.call));
        } else if (step.type === 'exclusive') {
          const call = step.branches.find((c) => taken[c.edge]) as CallStep;
          if (edge(call.edge).hard) andInto(t, served(call));
        } else if (step.join === 'all') {
          for (const call of step.branches) {
            if (edge(call.edge).hard && taken[call.edge]) andInto(t, served(call));
          }
        } else if (step.k > 0 && step.branches.some((c) => edge(c.edge).hard)) {
          const answers = new Uint8Array(states);
          for (const call of step.branches) {
            if (!taken[call.edge]) continue;
            const s = served(call);
            for (let x = 0; x < states; x++) answers[x] = (answers[x] as number) + (s[x] as number);
          }
          for (let x = 0; x < states; x++) if ((answers[x] as number) < step.k) t[x] = 0;
        }
      }
      tables[u] = t;
    }
    return tables[path.entry] as Uint8Array;
  };

  enumerate(0, 1);
  return { availability, reached, succeedsAll, succeedsSome };
}

export interface BruteCutSet {
  /** Component indices, ascending. */
  readonly members: readonly number[];
  readonly conditional: boolean;
}

/** Every minimal cut set of order ≤ maxOrder, from the enumeration (a state is "members down, rest up"). */
export function bruteForceCutSets(result: BruteForceResult, maxOrder: number): BruteCutSet[] {
  const m = result.reached.length;
  const allUp = (1 << m) - 1;
  const fails = (mask: number): boolean => result.succeedsAll[allUp & ~mask] === 0;
  const found: BruteCutSet[] = [];
  const masks: number[] = [];
  for (let mask = 1; mask <= allUp; mask++) if (popcount(mask) <= maxOrder) masks.push(mask);
  for (const mask of masks) {
    if (!fails(mask)) continue;
    // Minimal: no proper subset (the empty set included) fails.
    let minimal = !fails(0);
    for (let sub = (mask - 1) & mask; minimal && sub > 0; sub = (sub - 1) & mask)
      if (fails(sub)) minimal = false;
    if (!minimal) continue;
    const members: number[] = [];
    for (let i = 0; i < m; i++) if (mask & (1 << i)) members.push(result.reached[i] as number);
    found.push({
      members: members.sort((a, b) => a - b),
      conditional: result.succeedsSome[allUp & ~mask] === 1,
    });
  }
  return found;
}

function popcount(x: number): number {
  let c = 0;
  for (let v = x; v; v &= v - 1) c++;
  return c;
}
