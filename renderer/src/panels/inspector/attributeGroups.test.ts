import { describe, expect, it } from 'vitest';
import { getConnectionKindSpec, getKindSpec, kindSpecs } from '../../../../shared/model/catalog/index.ts';
import { groupAttributes } from './attributeGroups.ts';

describe('groupAttributes', () => {
  it('puts a model kind into the inspector groups, its own group last under its name', () => {
    const spec = getKindSpec('model-server');
    const sections = groupAttributes(spec.attributes, spec.label);
    expect(sections.map((s) => s.title)).toEqual([
      'Ownership',
      'Deployment',
      'Latency',
      'Availability',
      'Cost',
      'Compliance',
      'ML lifecycle',
      'Responsible AI',
      'Model server',
    ]);
    expect(sections.find((s) => s.group === 'latency')?.specs.map((s) => s.key)).toEqual([
      'p50_ms',
      'p95_ms',
      'p99_ms',
      'cold_start_ms',
      'capacity_rps_per_replica',
    ]);
  });

  it('loses no attribute and keeps catalog order inside each group, for every kind', () => {
    for (const kind of kindSpecs) {
      const sections = groupAttributes(kind.attributes, kind.label);
      const keys = sections.flatMap((s) => s.specs.map((a) => a.key));
      expect(keys.sort()).toEqual(kind.attributes.map((a) => a.key).sort());
      for (const section of sections) {
        const order = section.specs.map((a) => kind.attributes.indexOf(a));
        expect(order).toEqual([...order].sort((a, b) => a - b));
      }
    }
  });

  it('leaves empty groups out: a connection has one section', () => {
    const spec = getConnectionKindSpec('call');
    const sections = groupAttributes(spec.attributes, spec.label);
    expect(sections).toHaveLength(1);
    expect(sections[0]?.title).toBe('Attributes');
    expect(sections[0]?.specs).toHaveLength(spec.attributes.length);
  });
});
