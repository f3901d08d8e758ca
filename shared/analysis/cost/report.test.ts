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
  const spec = {
    components: [
      { id: 'svc', kind: 'online-inference' as const, autoscaling: true, hourlyUsdPerReplica: 0.5 },
      { id: 'db', kind: 'database' as const, availability: 0.999, replicas: 2, hourlyUsdPerReplica: 0.3 },
      { id: 'lake', kind: 'object-store' as const },
    ],
    connections: [{ from: 'svc', to: 'db', retries: 2 }],
    journeys: [{ entry: 'svc', avgRps: 1 }],
  };
  const bags: Record<string, Attributes> = {
    svc: {
      autoscaling: true,
      capacity_rps_per_replica: 200,
      fixed_monthly_usd: 120,
      hourly_usd_per_replica: 0.5,
    },
    db: { replicas: 2, capacity_rps_per_replica: 2000, availability: 0.999, hourly_usd_per_replica: 0.3 },
    lake: { fixed_monthly_usd: 0, hourly_usd_per_replica: 0, per_gb_month_usd: 0.023, replicas: 1 },
    'svc>db': { retries: 2, probability: 1 },
  };

  it('lists the inputs read that rest on defaults, where they change the bill', () => {
    const found = analyzeCost(withAttributes(buildGraph(spec), bags)).assumptions.map(
      (a) => `${a.elementId}.${a.key}: ${a.reason}`,
    );
    expect(found).toEqual([
      'svc.autoscaling: default',
      'svc.capacity_rps_per_replica: assumed',
      'db.replicas: default',
      // Read because the call to it is retried; its capacity is not read (it does not autoscale).
      'db.availability: assumed',
      // Nothing is stored and replicas are free: only the prices matter, not the replica count.
      'lake.fixed_monthly_usd: default',
      'lake.hourly_usd_per_replica: default',
      'svc>db.probability: default',
    ]);
  });

  it('leaves out what traffic would multiply when there is none', () => {
    const idle = { ...spec, journeys: [{ entry: 'svc', avgRps: 0, peakRps: 0 }] };
    const keys = analyzeCost(withAttributes(buildGraph(idle), bags)).assumptions.map(
      (a) => `${a.elementId}.${a.key}`,
    );
    expect(keys).not.toContain('svc.capacity_rps_per_replica');
    expect(keys).not.toContain('svc>db.probability');
    expect(keys).toContain('db.replicas');
  });
});

describe('nameList', () => {
  it('names a few and counts the rest', () => {
    expect(nameList(['a'])).toBe('"a"');
    expect(nameList(['a', 'b', 'c'])).toBe('"a", "b" and "c"');
    expect(nameList(['a', 'b', 'c', 'd'], 2)).toBe('"a", "b" and 2 more');
  });
});
