import { describe, expect, it } from 'vitest';
import {
  addComponentOps,
  applyOperations,
  connectOps,
  createEmptyDesign,
} from '../../../../shared/model/index.ts';
import type { Design } from '../../../../shared/model/index.ts';
import {
  componentRows,
  connectionRows,
  formatAvailability,
  formatReplicas,
  replicasSortValue,
} from './dockRows.ts';

function build(): { design: Design; scenarioId: string } {
  let design = createEmptyDesign({ name: 'Rows', now: new Date('2026-01-01T00:00:00Z') });
  const scenarioId = design.scenarios[0]!.id;
  const add = (kind: 'region' | 'cache' | 'api-gateway', name: string, parentId: string | null = null) => {
    design = applyOperations(
      design,
      addComponentOps(design, { scenarioId, kind, name, parentId, position: { x: 0, y: 0 } }),
    ).design;
    return design.components.at(-1)!.id;
  };
  const region = add('region', 'eu-west');
  const gateway = add('api-gateway', 'Gateway', region);
  const cache = add('cache', 'Cache');
  design = applyOperations(design, connectOps(design, { sourceId: gateway, targetId: cache })).design;
  const autoscaled = applyOperations(design, [
    {
      type: 'component.update',
      id: cache,
      changes: { attributes: { autoscaling: true, min_replicas: 2, max_replicas: 6, team: 'Core' } },
    },
  ]);
  return { design: autoscaled.design, scenarioId };
}

describe('dock rows', () => {
  it('lists the components of the scenario with boundary, team and attributes', () => {
    const { design, scenarioId } = build();
    const rows = componentRows(design, scenarioId);
    expect(rows.map((r) => [r.name, r.boundary])).toEqual([
      ['eu-west', ''],
      ['Gateway', 'eu-west'],
      ['Cache', ''],
    ]);
    const [region, gateway, cache] = rows;
    expect(cache).toMatchObject({
      kindLabel: 'Cache',
      team: 'Core',
      // Cache catalog defaults: p95 2 ms, availability 0.999 (assumed).
      p95Ms: 2,
      availability: 0.999,
      replicas: { mode: 'autoscaling', min: 2, max: 6 },
    });
    // The gateway keeps the common defaults: one replica, no autoscaling.
    expect(gateway).toMatchObject({ team: '', replicas: { mode: 'fixed', count: 1 } });
    expect(region).toMatchObject({ p95Ms: null, availability: null, replicas: null });
    expect(componentRows(design, 's_other')).toEqual([]);
  });

  it('lists connections by the names of their ends', () => {
    const { design, scenarioId } = build();
    const [row] = connectionRows(design, scenarioId);
    expect(row).toMatchObject({ source: 'Gateway', target: 'Cache', mode: 'sync' });
  });

  it('shows replicas as set: a fixed count, or the autoscaling range rather than a count', () => {
    expect(formatReplicas({ mode: 'fixed', count: 3 })).toBe('3');
    expect(formatReplicas({ mode: 'autoscaling', min: 2, max: 8 })).toBe('2–8 auto');
    expect(formatReplicas(null)).toBe('');
  });

  it('sorts replicas by those that always run: the count, or the autoscaling minimum', () => {
    expect(replicasSortValue({ mode: 'fixed', count: 3 })).toBe(3);
    expect(replicasSortValue({ mode: 'autoscaling', min: 2, max: 8 })).toBe(2);
    expect(replicasSortValue(null)).toBeNull();
  });

  it('writes availability as a percentage', () => {
    expect(formatAvailability(0.999)).toBe('99.9 %');
    expect(formatAvailability(0.99995)).toBe('99.995 %');
    expect(formatAvailability(null)).toBe('');
  });
});
