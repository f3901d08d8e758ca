import { describe, expect, it } from 'vitest';
import { defaultAttributes, defaultConnectionAttributes } from '../model/catalog/index.ts';
import { assumptionsOf } from './assumptions.ts';
import { buildGraph } from './testing/graph-spec.ts';

describe('assumptionsOf', () => {
  it('names assumed defaults, plain defaults and unknowns among the keys read, and nothing the user set', () => {
    const base = buildGraph({
      components: [{ id: 'svc', name: 'Scoring' }, { id: 'db' }],
      connections: [{ from: 'svc', to: 'db' }],
    });
    const svc = { ...defaultAttributes('online-inference'), p95_ms: 41.5, p99_ms: null };
    const graph = {
      ...base,
      components: base.components.map((c, i) => (i === 0 ? { ...c, attributes: svc } : c)),
      connections: base.connections.map((e) => ({
        ...e,
        attributes: { ...defaultConnectionAttributes('call'), timeout_ms: 250 },
      })),
    };
    const found = assumptionsOf(graph, {
      components: [0],
      componentKeys: ['availability', 'p50_ms', 'p95_ms', 'p99_ms', 'no_such_key'],
      connections: [0],
      connectionKeys: ['timeout_ms', 'network_p95_ms'],
    });
    expect(found.map((a) => [a.elementName, a.key, a.reason])).toEqual([
      ['Scoring', 'availability', 'assumed'],
      ['Scoring', 'p50_ms', 'default'],
      ['Scoring', 'p99_ms', 'unknown'],
      ['Scoring → db', 'network_p95_ms', 'default'],
    ]);
    expect(found[0]).toMatchObject({ label: 'Availability', value: 0.999 });
  });
});
