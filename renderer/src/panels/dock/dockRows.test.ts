import { describe, expect, it } from 'vitest';
import {
  addComponentOps,
  applyOperations,
  connectOps,
  createEmptyDesign,
} from '../../../../shared/model/index.ts';
import type { Design } from '../../../../shared/model/index.ts';
import { componentRows, connectionRows, formatAvailability, formatReplicas } from './dockRows.ts';

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
    const cache = rows[2]!;
    expect(cache).toMatchObject({ kindLabel: expect.any(String), team: 'Core', replicas: 6, minReplicas: 2 });
    expect(formatReplicas(cache)).toBe('2–6 auto');
    expect(typeof rows[1]!.p95Ms).toBe('number');
    expect(componentRows(design, 's_other')).toEqual([]);
  });

  it('lists connections by the names of their ends', () => {
    const { design, scenarioId } = build();
    const [row] = connectionRows(design, scenarioId);
    expect(row).toMatchObject({ source: 'Gateway', target: 'Cache', mode: 'sync' });
  });

  it('writes availability as a percentage', () => {
    expect(formatAvailability(0.999)).toBe('99.9 %');
    expect(formatAvailability(0.99995)).toBe('99.995 %');
    expect(formatAvailability(null)).toBe('');
  });
});
