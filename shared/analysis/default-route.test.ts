import { describe, expect, it } from 'vitest';
import { buildGraph } from './testing/graph-spec.ts';

describe('defaultRoute', () => {
  it('takes the sync request path and the events and data flows it sets off, not batch, deploy or monitoring', () => {
    const graph = buildGraph({
      components: [
        { id: 'gw' },
        { id: 'svc' },
        { id: 'db' },
        { id: 'stream' },
        { id: 'consumer' },
        { id: 'store' },
        { id: 'lake' },
        { id: 'training' },
        { id: 'monitor' },
        { id: 'registry' },
      ],
      connections: [
        { from: 'gw', to: 'svc' },
        { from: 'svc', to: 'db' },
        { from: 'svc', to: 'stream', kind: 'event' },
        { from: 'stream', to: 'consumer', kind: 'event' },
        { from: 'consumer', to: 'store' },
        { from: 'stream', to: 'lake', kind: 'data-flow' },
        { from: 'lake', to: 'training', kind: 'batch-transfer' },
        { from: 'monitor', to: 'svc', kind: 'observes' },
        { from: 'registry', to: 'svc', kind: 'deploy' },
        { from: 'db', to: 'monitor', kind: 'batch-transfer' },
      ],
      journeys: [{ entry: 'gw' }],
    });
    const route = graph.journeys[0]?.route.map((e) => graph.connections[e]?.id);
    expect(route).toEqual([
      'gw>svc',
      'svc>db',
      'svc>stream',
      'stream>consumer',
      'consumer>store',
      'stream>lake',
    ]);
  });

  it('visits a shared dependency once and terminates on async cycles', () => {
    const graph = buildGraph({
      components: [{ id: 'a' }, { id: 'b' }, { id: 'c' }],
      connections: [
        { from: 'a', to: 'b' },
        { from: 'a', to: 'c' },
        { from: 'b', to: 'c' },
        { from: 'c', to: 'a', kind: 'event' },
      ],
      journeys: [{ entry: 'a' }],
    });
    expect(graph.journeys[0]?.route).toEqual([0, 1, 2, 3]);
  });
});
