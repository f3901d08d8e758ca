import { describe, expect, it } from 'vitest';
import type { Attributes } from '../../model/attributes.ts';
import type { ScenarioGraph } from '../graph.ts';
import { buildGraph } from '../testing/graph-spec.ts';
import { analyzeCost } from './analyze.ts';
import { nameList } from './report.ts';

/** `graph` with the given attribute bags, as a resolved document would carry them. */
function withAttributes(graph: ScenarioGraph, bags: Record<string, Attributes>): ScenarioGraph {
  return {
    ...graph,
    components: graph.components.map((c) => ({ ...c, attributes: bags[c.id] ?? c.attributes })),
    connections: graph.connections.map((e) => ({ ...e, attributes: bags[e.id] ?? e.attributes })),
  };
}

describe('cost assumptions', () => {
  it('lists the inputs it read that rest on defaults, each where it was read', () => {
    const graph = withAttributes(
      buildGraph({
        components: [
          { id: 'svc', kind: 'online-inference', autoscaling: true, capacityRpsPerReplica: 200 },
          { id: 'db', kind: 'database', availability: 0.999, replicas: 2 },
        ],
        connections: [{ from: 'svc', to: 'db', retries: 2 }],
        journeys: [{ entry: 'svc', avgRps: 1 }],
      }),
      {
        svc: { autoscaling: true, capacity_rps_per_replica: 200, fixed_monthly_usd: 120 },
        db: { replicas: 2, capacity_rps_per_replica: 2000, availability: 0.999 },
        'svc>db': { retries: 2, probability: 1 },
      },
    );
    const found = analyzeCost(graph).assumptions.map((a) => `${a.elementId}.${a.key}: ${a.reason}`);
    expect(found).toEqual([
      'svc.autoscaling: default',
      'svc.capacity_rps_per_replica: assumed',
      'db.replicas: default',
      // Read because the call to it is retried; its capacity is not read (it does not autoscale).
      'db.availability: assumed',
      'svc>db.probability: default',
    ]);
  });
});

describe('nameList', () => {
  it('names a few and counts the rest', () => {
    expect(nameList(['a'])).toBe('"a"');
    expect(nameList(['a', 'b', 'c'])).toBe('"a", "b" and "c"');
    expect(nameList(['a', 'b', 'c', 'd'], 2)).toBe('"a", "b" and 2 more');
  });
});
