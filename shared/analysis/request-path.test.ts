import { describe, expect, it } from 'vitest';
import { buildRequestPath } from './request-path.ts';
import type { Step } from './request-path.ts';
import { buildGraph } from './testing/graph-spec.ts';
import type { GraphSpec } from './testing/graph-spec.ts';

function pathOf(spec: GraphSpec, journey = 0) {
  const graph = buildGraph(spec);
  const j = graph.journeys[journey];
  if (!j) throw new Error('no journey');
  return { graph, path: buildRequestPath(graph, j) };
}

const names = (graph: ReturnType<typeof buildGraph>, indices: readonly number[]) =>
  indices.map((i) => graph.components[i]?.id);
const edgeIds = (graph: ReturnType<typeof buildGraph>, indices: readonly number[]) =>
  indices.map((i) => graph.connections[i]?.id);

describe('buildRequestPath', () => {
  it('orders callers before callees and makes one call step per plain connection', () => {
    const { graph, path } = pathOf({
      components: [{ id: 'gw' }, { id: 'svc' }, { id: 'db' }, { id: 'auth' }],
      connections: [
        { from: 'gw', to: 'svc' },
        { from: 'svc', to: 'db' },
        { from: 'gw', to: 'auth' },
        { from: 'svc', to: 'auth' },
      ],
      journeys: [{ entry: 'gw' }],
    });
    expect(path.errors).toEqual([]);
    const order = names(graph, path.order);
    expect(order[0]).toBe('gw');
    expect(order.indexOf('svc')).toBeLessThan(order.indexOf('db'));
    expect(order.indexOf('svc')).toBeLessThan(order.indexOf('auth'));
    expect(order).toHaveLength(4);
    const gwSteps = path.steps[0] as Step[];
    expect(gwSteps.map((s) => s.type)).toEqual(['call', 'call']);
    expect(path.steps[2]).toEqual([]);
  });

  it('keeps async route connections apart from the request path', () => {
    const { graph, path } = pathOf({
      components: [{ id: 'svc' }, { id: 'stream' }, { id: 'lake' }, { id: 'db' }],
      connections: [
        { from: 'svc', to: 'db' },
        { from: 'svc', to: 'stream', kind: 'event' },
        { from: 'stream', to: 'lake', kind: 'data-flow' },
      ],
      journeys: [{ entry: 'svc' }],
    });
    expect(edgeIds(graph, path.asyncEdges)).toEqual(['svc>stream', 'stream>lake']);
    expect(edgeIds(graph, path.syncEdges)).toEqual(['svc>db']);
    expect(names(graph, path.order)).toEqual(['svc', 'db']);
  });

  it('follows only the route: two journeys from one gateway take different paths', () => {
    const spec: GraphSpec = {
      components: [{ id: 'gw' }, { id: 'predict' }, { id: 'search' }],
      connections: [
        { from: 'gw', to: 'predict' },
        { from: 'gw', to: 'search' },
      ],
      journeys: [
        { entry: 'gw', route: ['gw>predict'] },
        { entry: 'gw', route: ['gw>search'] },
      ],
    };
    const first = pathOf(spec, 0);
    const second = pathOf(spec, 1);
    expect(names(first.graph, first.path.order)).toEqual(['gw', 'predict']);
    expect(names(second.graph, second.path.order)).toEqual(['gw', 'search']);
  });

  it('groups members into one step at the place of the first member, with renormalised shares', () => {
    const { graph, path } = pathOf({
      components: [{ id: 'router' }, { id: 'a' }, { id: 'b' }, { id: 'c' }, { id: 'log' }],
      groups: [{ id: 'ab', type: 'exclusive' }],
      connections: [
        { from: 'router', to: 'a', group: 'ab', probability: 0.9 },
        { from: 'router', to: 'log' },
        { from: 'router', to: 'b', group: 'ab', probability: 0.05 },
        { from: 'router', to: 'c', group: 'ab', probability: 0.05 },
      ],
      journeys: [{ entry: 'router', route: ['router>a', 'router>log', 'router>b'] }],
    });
    expect(path.errors).toEqual([]);
    const steps = path.steps[0] as Step[];
    expect(steps.map((s) => s.type)).toEqual(['exclusive', 'call']);
    const choice = steps[0] as Extract<Step, { type: 'exclusive' }>;
    expect(
      edgeIds(
        graph,
        choice.branches.map((b) => b.edge),
      ),
    ).toEqual(['router>a', 'router>b']);
    expect(choice.shares[0]).toBeCloseTo(0.9 / 0.95, 12);
    expect(choice.shares[1]).toBeCloseTo(0.05 / 0.95, 12);
  });

  it('refuses an exclusive group whose probabilities do not sum to 1, naming it', () => {
    const { path } = pathOf({
      components: [{ id: 'cache-client' }, { id: 'hit' }, { id: 'miss' }],
      groups: [{ id: 'hm', name: 'hit or miss', type: 'exclusive' }],
      connections: [
        { from: 'cache-client', to: 'hit', group: 'hm', probability: 0.6 },
        { from: 'cache-client', to: 'miss', group: 'hm', probability: 0.3 },
      ],
      journeys: [{ entry: 'cache-client' }],
    });
    expect(path.errors).toEqual([
      expect.stringContaining(
        '"hit or miss" out of "cache-client" have probabilities that sum to 0.9, not 1',
      ),
    ]);
    expect(path.order).toEqual([]);
  });

  it('takes k from the join of a parallel group and refuses k above the branches on the route', () => {
    const spec: GraphSpec = {
      components: [{ id: 'o' }, { id: 'a' }, { id: 'b' }, { id: 'c' }],
      groups: [{ id: 'p', type: 'parallel', join: 'k-of-n', k: 2 }],
      connections: [
        { from: 'o', to: 'a', group: 'p' },
        { from: 'o', to: 'b', group: 'p' },
        { from: 'o', to: 'c', group: 'p' },
      ],
      journeys: [{ entry: 'o' }, { entry: 'o', route: ['o>a'] }],
    };
    const whole = pathOf(spec, 0).path;
    expect(whole.errors).toEqual([]);
    const step = (whole.steps[0] as Step[])[0] as Extract<Step, { type: 'parallel' }>;
    expect(step).toMatchObject({ type: 'parallel', join: 'k-of-n', k: 2 });
    expect(step.branches).toHaveLength(3);
    expect(pathOf(spec, 1).path.errors).toEqual([expect.stringContaining('waits for 2 answers but only 1')]);
  });

  it('hangs fallbacks off their primary in chain order and warns about one without a primary', () => {
    const { graph, path } = pathOf({
      components: [{ id: 'svc' }, { id: 'model' }, { id: 'rules' }, { id: 'static' }, { id: 'other' }],
      connections: [
        { id: 'main', from: 'svc', to: 'model' },
        { id: 'fb2', from: 'svc', to: 'static', primary: 'fb1' },
        { id: 'fb1', from: 'svc', to: 'rules', primary: 'main' },
        { id: 'lonely', from: 'svc', to: 'other', kind: 'fallback' },
      ],
      journeys: [{ entry: 'svc' }],
    });
    const steps = path.steps[0] as Step[];
    expect(steps).toHaveLength(1);
    const call = (steps[0] as Extract<Step, { type: 'call' }>).call;
    expect(edgeIds(graph, [call.edge])).toEqual(['main']);
    expect(edgeIds(graph, call.fallbacks)).toEqual(['fb1', 'fb2']);
    expect(path.warnings).toEqual([expect.stringContaining('"svc" → "other" names no primary')]);
    expect(names(graph, path.order)).toContain('static');
  });

  it('names the components of a sync cycle and gives no order', () => {
    const { path } = pathOf({
      components: [{ id: 'gw' }, { id: 'a' }, { id: 'b' }, { id: 'c' }],
      connections: [
        { from: 'gw', to: 'a' },
        { from: 'a', to: 'b' },
        { from: 'b', to: 'c' },
        { from: 'c', to: 'a' },
      ],
      journeys: [{ entry: 'gw' }],
    });
    expect(path.errors).toEqual([expect.stringContaining('sync cycle: "a" → "b" → "c" → "a"')]);
    expect(path.order).toEqual([]);
  });

  it('accepts an async feedback loop (it is not on the request path)', () => {
    const { graph, path } = pathOf({
      components: [{ id: 'svc' }, { id: 'train' }],
      connections: [
        { from: 'svc', to: 'train', kind: 'event' },
        { from: 'train', to: 'svc', kind: 'deploy' },
      ],
      journeys: [{ entry: 'svc', route: ['svc>train', 'train>svc'] }],
    });
    expect(path.errors).toEqual([]);
    expect(names(graph, path.order)).toEqual(['svc']);
  });

  it('warns about route connections that cannot be reached from the entry', () => {
    const { path } = pathOf({
      components: [{ id: 'gw' }, { id: 'a' }, { id: 'x' }, { id: 'y' }],
      connections: [
        { from: 'gw', to: 'a' },
        { from: 'x', to: 'y' },
      ],
      journeys: [{ entry: 'gw', route: ['gw>a', 'x>y'] }],
    });
    expect(path.warnings).toEqual([expect.stringContaining('cannot be reached from "gw" (e.g. "x" → "y")')]);
  });
});
