import fc from 'fast-check';
import type { ComponentSpec, ConnectionSpec, GraphSpec, GroupSpec } from '../../testing/graph-spec.ts';
import { effectiveServiceAvailability } from '../effective.ts';

/*
 * Random designs for the availability property tests: a DAG from component 0 (the entry), every component
 * called by an earlier one, extra calls that create shared dependencies, soft edges, probabilistic calls,
 * fallbacks (chains included), exclusive choices, parallel groups joining all / any / k-of-n, and components
 * with replicas (service availability from the k-of-n helper). Small enough to enumerate exactly.
 */

const EDGE_SLOTS = 48;

const componentPlan = fc.record({
  availability: fc.constantFrom(0.5, 0.7, 0.9, 0.95, 0.99, 0.999, 1),
  redundancy: fc.constantFrom('none', 'none', 'active-active', 'active-passive'),
  replicas: fc.integer({ min: 1, max: 3 }),
  needed: fc.integer({ min: 1, max: 3 }),
});

const edgePlan = fc.record({
  soft: fc.constantFrom(false, false, false, false, false, true),
  probability: fc.constantFrom(1, 1, 1, 0.25, 0.6),
  /** When set, the edge becomes a fallback of an earlier sibling (picked by this number). */
  fallbackOf: fc.oneof({ arbitrary: fc.constant(null), weight: 4 }, { arbitrary: fc.nat(), weight: 1 }),
});

const groupPlan = fc.record({
  type: fc.constantFrom('none', 'none', 'exclusive', 'exclusive', 'any', 'all', 'k-of-n'),
  size: fc.integer({ min: 2, max: 4 }),
  k: fc.integer({ min: 1, max: 3 }),
  weights: fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 4, maxLength: 4 }),
});

export interface DesignLimits {
  readonly maxComponents: number;
  /** Upper bound on 2^components × branch outcomes, to keep enumeration fast. */
  readonly maxEnumeration: number;
}

/** An arbitrary GraphSpec with one journey from "c0". */
export function randomDesign(limits: DesignLimits): fc.Arbitrary<GraphSpec> {
  const n = limits.maxComponents;
  return fc
    .record({
      count: fc.integer({ min: 2, max: n }),
      components: fc.array(componentPlan, { minLength: n, maxLength: n }),
      parents: fc.array(fc.nat(), { minLength: n, maxLength: n }),
      extra: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: n }),
      edges: fc.array(edgePlan, { minLength: EDGE_SLOTS, maxLength: EDGE_SLOTS }),
      groups: fc.array(groupPlan, { minLength: n, maxLength: n }),
    })
    .map((plan) => realize(plan, limits));
}

type Plan = {
  count: number;
  components: { availability: number; redundancy: string; replicas: number; needed: number }[];
  parents: number[];
  extra: [number, number][];
  edges: { soft: boolean; probability: number; fallbackOf: number | null }[];
  groups: { type: string; size: number; k: number; weights: number[] }[];
};

function realize(plan: Plan, limits: DesignLimits): GraphSpec {
  const count = plan.count;
  const id = (i: number): string => `c${i}`;
  const components: ComponentSpec[] = [];
  for (let i = 0; i < count; i++) {
    const c = plan.components[i] as Plan['components'][number];
    const redundancy = c.redundancy as 'none' | 'active-active' | 'active-passive';
    components.push({
      id: id(i),
      availability: c.availability,
      replicas: c.replicas,
      serviceAvailability: effectiveServiceAvailability({
        availability: c.availability,
        scope: 'per-replica',
        redundancy,
        replicas: c.replicas,
        replicasNeeded: Math.min(c.needed, c.replicas),
      }),
    });
  }

  const pairs: [number, number][] = [];
  for (let i = 1; i < count; i++) pairs.push([(plan.parents[i] as number) % i, i]);
  for (const [x, y] of plan.extra) {
    if (count < 2) break;
    const from = x % (count - 1);
    pairs.push([from, from + 1 + (y % (count - 1 - from))]);
  }

  // Outcomes budget: each probabilistic call doubles the enumeration, each choice multiplies it.
  let enumeration = 2 ** count;
  const connections: ConnectionSpec[] = [];
  const bySource = new Map<number, number[]>();
  pairs.forEach(([from, to], k) => {
    const e = plan.edges[k % EDGE_SLOTS] as Plan['edges'][number];
    const spec: ConnectionSpec = { id: `e${k}`, from: id(from), to: id(to), hard: !e.soft };
    const siblings = bySource.get(from) ?? [];
    if (e.fallbackOf !== null && siblings.length > 0) {
      spec.primary = `e${siblings[e.fallbackOf % siblings.length] as number}`;
    } else if (e.probability < 1 && enumeration * 2 <= limits.maxEnumeration) {
      spec.probability = e.probability;
      enumeration *= 2;
    }
    connections.push(spec);
    bySource.set(from, [...siblings, k]);
  });

  const groups: GroupSpec[] = [];
  for (const [source, edges] of bySource) {
    const g = plan.groups[source] as Plan['groups'][number];
    const calls = edges.filter((k) => (connections[k] as ConnectionSpec).primary === undefined);
    if (g.type === 'none' || calls.length < 2) continue;
    const members = calls.slice(0, g.size);
    const groupId = `g${source}`;
    if (g.type === 'exclusive') {
      if (enumeration * members.length > limits.maxEnumeration) continue;
      enumeration *= members.length;
      const weights = members.map((_, b) => g.weights[b] as number);
      const total = weights.reduce((a, b) => a + b, 0);
      members.forEach((k, b) => {
        const spec = connections[k] as ConnectionSpec;
        spec.group = groupId;
        spec.probability = total > 0 ? (weights[b] as number) / total : 1 / members.length;
      });
      groups.push({ id: groupId, type: 'exclusive' });
    } else {
      for (const k of members) (connections[k] as ConnectionSpec).group = groupId;
      const join = g.type as 'any' | 'all' | 'k-of-n';
      groups.push({ id: groupId, type: 'parallel', join, k: Math.min(g.k, members.length) });
    }
  }
  return { components, connections, groups, journeys: [{ entry: 'c0' }] };
}
