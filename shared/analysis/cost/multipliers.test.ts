import { describe, expect, it } from 'vitest';
import type { GraphJourney } from '../graph.ts';
import { buildRequestPath } from '../request-path.ts';
import { buildGraph } from '../testing/graph-spec.ts';
import type { GraphSpec } from '../testing/graph-spec.ts';
import { journeyMultipliers } from './multipliers.ts';
import { syntheticCostGraph } from './testing/synthetic-graph.ts';

/**
 * Multipliers of journey 0 of `spec`, read by component and connection id. Each is computed twice, from the
 * request path's steps and by the engine's own rules, and the two must agree.
 */
function multipliersOf(spec: GraphSpec) {
  const graph = buildGraph(spec);
  const journey = graph.journeys[0] as GraphJourney;
  const m = journeyMultipliers(graph, journey);
  const fromSteps = journeyMultipliers(graph, journey, buildRequestPath(graph, journey));
  expect([...fromSteps.components]).toEqual([...m.components]);
  expect([...fromSteps.connections]).toEqual([...m.connections]);
  expect(fromSteps.ok).toBe(m.ok);
  return {
    m,
    at: (id: string) => m.components[graph.componentIndex.get(id) as number],
    over: (id: string) => m.connections[graph.connectionIndex.get(id) as number],
  };
}

describe('journeyMultipliers', () => {
  it('multiplies a fan-out: 3 calls per request make 3 calls to the target and everything behind it', () => {
    const { m, at, over } = multipliersOf({
      components: [{ id: 'gw' }, { id: 'svc' }, { id: 'db' }],
      connections: [
        { from: 'gw', to: 'svc', callsPerRequest: 3 },
        { from: 'svc', to: 'db', callsPerRequest: 2 },
      ],
      journeys: [{ entry: 'gw' }],
    });
    expect(m.ok).toBe(true);
    expect(at('gw')).toBe(1);
    expect(at('svc')).toBe(3);
    expect(over('svc>db')).toBe(6);
    expect(at('db')).toBe(6);
  });

  it('sends only cache misses behind a cache: hit ratio 0.6 leaves 0.4 of the calls for the model', () => {
    const { at } = multipliersOf({
      components: [{ id: 'svc' }, { id: 'cache', kind: 'cache', cacheHitRatio: 0.6 }, { id: 'model' }],
      // The graph's probability out of a cache already is the miss ratio.
      connections: [
        { from: 'svc', to: 'cache' },
        { from: 'cache', to: 'model', probability: 0.4 },
      ],
      journeys: [{ entry: 'svc' }],
    });
    expect(at('cache')).toBe(1);
    expect(at('model')).toBeCloseTo(0.4, 12);
  });

  it('takes a probabilistic branch at its probability, independently of its siblings', () => {
    const { at } = multipliersOf({
      components: [{ id: 'svc' }, { id: 'review' }, { id: 'log' }],
      connections: [
        { from: 'svc', to: 'review', probability: 0.05 },
        { from: 'svc', to: 'log', probability: 0.5 },
      ],
      journeys: [{ entry: 'svc' }],
    });
    expect(at('review')).toBeCloseTo(0.05, 12);
    expect(at('log')).toBeCloseTo(0.5, 12);
  });

  it('splits an exclusive group by its shares, renormalised over the members on the route', () => {
    const spec: GraphSpec = {
      components: [{ id: 'router' }, { id: 'a' }, { id: 'b' }, { id: 'c' }],
      groups: [{ id: 'ab', type: 'exclusive' }],
      connections: [
        { from: 'router', to: 'a', probability: 0.5, group: 'ab' },
        { from: 'router', to: 'b', probability: 0.3, group: 'ab' },
        { from: 'router', to: 'c', probability: 0.2, group: 'ab' },
      ],
      journeys: [{ entry: 'router' }],
    };
    const whole = multipliersOf(spec);
    expect(whole.at('a')).toBeCloseTo(0.5, 12);
    expect(whole.at('c')).toBeCloseTo(0.2, 12);
    // The route keeps a and b only: they share every request 0.5 : 0.3.
    const narrowed = multipliersOf({
      ...spec,
      journeys: [{ entry: 'router', route: ['router>a', 'router>b'] }],
    });
    expect(narrowed.at('a')).toBeCloseTo(0.5 / 0.8, 12);
    expect(narrowed.at('b')).toBeCloseTo(0.3 / 0.8, 12);
    expect(narrowed.at('c')).toBe(0);
  });

  it('adds expected retries: q = 0.01 and 2 retries make 1 + 0.01 + 0.0001 calls per call', () => {
    const { at, over } = multipliersOf({
      components: [{ id: 'svc' }, { id: 'dep', availability: 0.99 }, { id: 'db' }],
      connections: [
        { from: 'svc', to: 'dep', retries: 2 },
        { from: 'dep', to: 'db' },
      ],
      journeys: [{ entry: 'svc' }],
    });
    expect(over('svc>dep')).toBeCloseTo(1.0101, 12);
    expect(at('dep')).toBeCloseTo(1.0101, 12);
    expect(at('db')).toBeCloseTo(1.0101, 12);
  });

  it("takes a fallback at its primary's failure rate, per call of the primary, down a chain", () => {
    const { at } = multipliersOf({
      components: [
        { id: 'svc' },
        { id: 'model', availability: 0.99 },
        { id: 'rules', availability: 0.9 },
        { id: 'static' },
      ],
      connections: [
        { from: 'svc', to: 'model', callsPerRequest: 3 },
        { id: 'fb1', from: 'svc', to: 'rules', primary: 'svc>model' },
        { id: 'fb2', from: 'svc', to: 'static', primary: 'fb1' },
      ],
      journeys: [{ entry: 'svc' }],
    });
    expect(at('model')).toBe(3);
    expect(at('rules')).toBeCloseTo(3 * 0.01, 12);
    expect(at('static')).toBeCloseTo(3 * 0.01 * 0.1, 12);
  });

  it('gives a shared dependency of a diamond the sum of both paths', () => {
    const { at } = multipliersOf({
      components: [{ id: 'gw' }, { id: 'a' }, { id: 'b' }, { id: 'auth' }],
      connections: [
        { from: 'gw', to: 'a', callsPerRequest: 2 },
        { from: 'gw', to: 'b', probability: 0.5 },
        { from: 'a', to: 'auth' },
        { from: 'b', to: 'auth' },
      ],
      journeys: [{ entry: 'gw' }],
    });
    expect(at('auth')).toBeCloseTo(2.5, 12);
  });

  it('follows an async event chain, sync calls of the consumer included', () => {
    const { m, at } = multipliersOf({
      components: [{ id: 'svc' }, { id: 'stream' }, { id: 'consumer' }, { id: 'db' }],
      connections: [
        { from: 'svc', to: 'stream', kind: 'event', callsPerRequest: 2 },
        { from: 'stream', to: 'consumer', kind: 'data-flow' },
        { from: 'consumer', to: 'db', retries: 1 },
      ],
      journeys: [{ entry: 'svc' }],
    });
    expect(m.ok).toBe(true);
    expect(at('stream')).toBe(2);
    expect(at('consumer')).toBe(2);
    expect(at('db')).toBe(2); // availability 1: a retry never happens
  });

  it('counts an async feedback loop once and names it in a warning', () => {
    const { m, at, over } = multipliersOf({
      components: [{ id: 'svc' }, { id: 'log' }, { id: 'trainer' }],
      connections: [
        { from: 'svc', to: 'log', kind: 'event' },
        { from: 'log', to: 'trainer', kind: 'data-flow' },
        { from: 'trainer', to: 'svc', kind: 'data-flow' },
      ],
      journeys: [{ entry: 'svc' }],
    });
    expect(m.ok).toBe(true);
    expect([at('svc'), at('log'), at('trainer')]).toEqual([1, 1, 1]);
    expect(over('trainer>svc')).toBe(0);
    expect(m.warnings).toEqual([
      expect.stringContaining('"svc" → "log" → "trainer" → "svc" is counted once'),
    ]);
  });

  it('reports a sync cycle once and makes no calls at all', () => {
    const { m } = multipliersOf({
      components: [{ id: 'gw' }, { id: 'a' }, { id: 'b' }],
      connections: [
        { from: 'gw', to: 'a' },
        { from: 'a', to: 'b' },
        { from: 'b', to: 'a' },
      ],
      journeys: [{ entry: 'gw' }],
    });
    expect(m.ok).toBe(false);
    expect(m.errors).toHaveLength(1);
    expect(m.errors[0]).toContain('sync cycle');
    expect([...m.components]).toEqual([0, 0, 0]);
  });

  it('finds a sync cycle behind an async hop, which the request path cannot see', () => {
    const { m } = multipliersOf({
      components: [{ id: 'svc' }, { id: 'queue' }, { id: 'a' }, { id: 'b' }],
      connections: [
        { from: 'svc', to: 'queue', kind: 'event' },
        { from: 'queue', to: 'a', kind: 'data-flow' },
        { from: 'a', to: 'b' },
        { from: 'b', to: 'a' },
      ],
      journeys: [{ entry: 'svc' }],
    });
    expect(m.ok).toBe(false);
    expect(m.errors).toEqual([expect.stringContaining('sync cycle: "a" → "b" → "a"')]);
  });

  it('finds a sync cycle even when a feedback loop through it is met first', () => {
    // v's event to u comes first in id order, so the walk first closes v → u → v, a loop with an async hop;
    // v → w → u → v is all sync all the same.
    const { m } = multipliersOf({
      components: [{ id: 'v' }, { id: 'u' }, { id: 'w' }],
      connections: [
        { id: '1', from: 'v', to: 'u', kind: 'event' },
        { id: '2', from: 'v', to: 'w' },
        { id: '3', from: 'w', to: 'u' },
        { id: '4', from: 'u', to: 'v' },
      ],
      journeys: [{ entry: 'v' }],
    });
    expect(m.ok).toBe(false);
  });

  it('never takes a fallback without a primary', () => {
    const { m, at } = multipliersOf({
      components: [{ id: 'svc' }, { id: 'rules' }, { id: 'queue' }, { id: 'dlq' }],
      connections: [
        { from: 'svc', to: 'rules', kind: 'fallback' },
        { from: 'svc', to: 'queue', kind: 'event' },
        { from: 'queue', to: 'dlq', kind: 'fallback', sync: false },
      ],
      journeys: [{ entry: 'svc', route: ['svc>rules', 'svc>queue', 'queue>dlq'] }],
    });
    expect(at('rules')).toBe(0);
    expect(at('dlq')).toBe(0);
    expect(m.warnings).toHaveLength(2);
  });

  it("agrees with the request path's steps on generated graphs (choices, fallbacks, retries, loops)", () => {
    let loops = 0;
    for (const seed of [1, 2, 3]) {
      const graph = syntheticCostGraph(400, seed);
      for (const journey of graph.journeys) {
        const own = journeyMultipliers(graph, journey);
        const fromSteps = journeyMultipliers(graph, journey, buildRequestPath(graph, journey));
        expect(own.ok).toBe(true);
        own.components.forEach((m, c) => expect(m).toBeCloseTo(fromSteps.components[c] as number, 9));
        loops += own.warnings.filter((w) => w.includes('feedback loop')).length;
      }
    }
    expect(loops).toBeGreaterThan(0);
  });
});
