import { seededUniform } from '../../shared/analysis/availability/monte-carlo.ts';
import { buildGraph } from '../../shared/analysis/testing/graph-spec.ts';
import type {
  ComponentSpec,
  ConnectionSpec,
  GraphSpec,
  GroupSpec,
} from '../../shared/analysis/testing/graph-spec.ts';
import type { ScenarioGraph } from '../../shared/analysis/graph.ts';

/*
 * A synthetic layered design for analysis benchmarks: a gateway, then services calling services with a
 * tree-like fan-out of 2-5, a few shared dependencies (auth, secrets, a feature store, a config service)
 * called from many services across the tree, fallbacks to small backup services, parallel "any" groups,
 * exclusive A/B choices, cache-miss style probabilistic calls, soft calls, replicated components, and async
 * events to consumers that stay off the request path. One journey from the gateway covers most of it.
 */

export interface LayeredGraphOptions {
  readonly components: number;
  readonly seed: number;
}

const SHARED = ['auth', 'secrets', 'feature-store', 'config'];

/** Builds the design and its scenario graph (journey 0 starts at the gateway). */
export function layeredGraph(options: LayeredGraphOptions): ScenarioGraph {
  const random = seededUniform(options.seed);
  const chance = (p: number): boolean => random() < p;
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const components: ComponentSpec[] = [];
  const connections: ConnectionSpec[] = [];
  const groups: GroupSpec[] = [];
  const add = (id: string, availability = pick([0.9999, 0.99995, 0.99999])): string => {
    const replicas = chance(0.3) ? 2 : 1;
    components.push({
      id,
      availability,
      replicas,
      serviceAvailability: replicas === 2 ? 1 - (1 - availability) ** 2 : availability,
    });
    return id;
  };
  const connect = (spec: Omit<ConnectionSpec, 'id'>): string => {
    const id = `e${connections.length}`;
    connections.push({ id, ...spec });
    return id;
  };

  for (const name of SHARED) add(name, 0.99999);
  const gateway = add('gateway');
  const queue = [gateway];
  let head = 0;
  let serial = 0;
  while (components.length < options.components && head < queue.length) {
    const parent = queue[head++] as string;
    const fanOut = 2 + Math.floor(random() * 4);
    const children: string[] = [];
    for (let i = 0; i < fanOut && components.length < options.components; i++) {
      const child = add(`s${serial++}`);
      children.push(child);
      queue.push(child);
    }
    const calls = children.map((child) => ({ child, edge: '' }));
    const grouping = random();
    if (children.length >= 2 && grouping < 0.04) {
      const g = `any-${parent}`;
      groups.push({ id: g, type: 'parallel', join: 'any' });
      calls[0]!.edge = connect({ from: parent, to: children[0]!, group: g });
      calls[1]!.edge = connect({ from: parent, to: children[1]!, group: g });
    } else if (children.length >= 2 && grouping < 0.08) {
      const g = `ab-${parent}`;
      groups.push({ id: g, type: 'exclusive' });
      calls[0]!.edge = connect({ from: parent, to: children[0]!, group: g, probability: 0.9 });
      calls[1]!.edge = connect({ from: parent, to: children[1]!, group: g, probability: 0.1 });
    }
    for (const call of calls) {
      if (call.edge) continue;
      const probability = chance(0.05) ? 0.3 : 1;
      call.edge = connect({ from: parent, to: call.child, probability, hard: !chance(0.05) });
      if (chance(0.05) && components.length < options.components) {
        connect({ from: parent, to: add(`backup${serial++}`), primary: call.edge });
      }
    }
    // Shared dependencies, called from many places across the tree.
    if (chance(0.25)) connect({ from: parent, to: 'auth' });
    if (chance(0.08)) connect({ from: parent, to: pick(SHARED.slice(1)) });
    // Work set off by the request but not waited for: off the request path.
    if (chance(0.1) && components.length < options.components) {
      connect({ from: parent, to: add(`consumer${serial++}`), kind: 'event' });
    }
  }
  const spec: GraphSpec = {
    components,
    connections,
    groups,
    journeys: [{ entry: gateway, availabilitySlo: 0.999 }],
  };
  return buildGraph(spec);
}
