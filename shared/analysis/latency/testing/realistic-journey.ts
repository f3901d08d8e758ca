import type { ComponentSpec, ConnectionSpec, GraphSpec, GroupSpec } from '../../testing/graph-spec.ts';

/*
 * A realistic serving journey for tests and the benchmark, with every feature the simulation handles: a
 * gateway and an orchestrator, a shared auth service called along many paths, a cache with a Bernoulli miss,
 * a parallel retrieval group, an A/B choice, a GPU model server with a timeout, a retry and a fallback, an LLM
 * endpoint with a fallback region, and chains of services (each calling auth) up to `components` components.
 */

/** Latency figures cycle through these (p50, p95 in ms) so the numbers differ without a PRNG. */
const SERVICE_TIMES: readonly (readonly [number, number])[] = [
  [3, 9],
  [5, 14],
  [8, 20],
  [2, 6],
  [12, 35],
  [4, 11],
];

/** The spec of the realistic journey with exactly `components` components (at least 24). */
export function realisticJourneySpec(components = 50): GraphSpec {
  if (components < 24) throw new Error('realisticJourneySpec needs at least 24 components');
  const list: ComponentSpec[] = [
    { id: 'gw', kind: 'api-gateway', p50Ms: 2, p95Ms: 6 },
    { id: 'auth', kind: 'identity-provider', p50Ms: 3, p95Ms: 10, availability: 0.9995 },
    { id: 'orch', p50Ms: 4, p95Ms: 12 },
    { id: 'cache', kind: 'cache', p50Ms: 0.5, p95Ms: 2 },
    { id: 'features', kind: 'feature-store', p50Ms: 5, p95Ms: 10, availability: 0.999 },
    { id: 'r1', kind: 'vector-db', p50Ms: 15, p95Ms: 40 },
    { id: 'r2', kind: 'cache', p50Ms: 2, p95Ms: 5 },
    { id: 'r3', p50Ms: 10, p95Ms: 30 },
    { id: 'r1-store', kind: 'object-store', p50Ms: 8, p95Ms: 25 },
    { id: 'ranker', kind: 'model-server', p50Ms: 20, p95Ms: 45, availability: 0.998 },
    { id: 'gpu', kind: 'model-server', p50Ms: 40, p95Ms: 120, availability: 0.995 },
    { id: 'ranker-b', kind: 'model-server', p50Ms: 25, p95Ms: 60 },
    { id: 'popular', kind: 'fallback', p50Ms: 2, p95Ms: 4 },
    {
      id: 'llm',
      kind: 'llm-endpoint',
      availability: 0.995,
      llm: {
        ttftP50Ms: 300,
        ttftP95Ms: 900,
        tokensPerSecond: 80,
        avgInTokens: 800,
        avgOutTokens: 120,
        priceInPer1MUsd: 0,
        priceOutPer1MUsd: 0,
      },
    },
    {
      id: 'llm-backup',
      kind: 'llm-endpoint',
      llm: {
        ttftP50Ms: 500,
        ttftP95Ms: 1500,
        tokensPerSecond: 50,
        avgInTokens: 800,
        avgOutTokens: 120,
        priceInPer1MUsd: 0,
        priceOutPer1MUsd: 0,
      },
    },
    { id: 'guard', kind: 'guardrail', p50Ms: 15, p95Ms: 40 },
    { id: 'log', kind: 'database', p50Ms: 3, p95Ms: 12 },
  ];
  const network = { networkP50Ms: 1, networkP95Ms: 3 };
  const groups: GroupSpec[] = [
    { id: 'retrieve', type: 'parallel', join: 'all' },
    { id: 'ab', type: 'exclusive' },
  ];
  const connections: ConnectionSpec[] = [
    { from: 'gw', to: 'auth', ...network },
    { from: 'gw', to: 'orch', ...network, timeoutMs: 5000 },
    { from: 'orch', to: 'cache', ...network },
    { from: 'cache', to: 'features', ...network, probability: 0.3 },
    { from: 'orch', to: 'r1', ...network, group: 'retrieve' },
    { from: 'orch', to: 'r2', ...network, group: 'retrieve' },
    { from: 'orch', to: 'r3', ...network, group: 'retrieve', callsPerRequest: 3, parallelFanOut: true },
    { from: 'r1', to: 'r1-store', ...network, probability: 0.5 },
    { from: 'orch', to: 'ranker', ...network, group: 'ab', probability: 0.95 },
    { from: 'orch', to: 'ranker-b', ...network, group: 'ab', probability: 0.05 },
    { id: 'ranker>gpu', from: 'ranker', to: 'gpu', ...network, timeoutMs: 150, retries: 1 },
    { from: 'ranker', to: 'popular', ...network, primary: 'ranker>gpu' },
    { from: 'ranker-b', to: 'auth', ...network },
    { from: 'orch', to: 'guard', ...network },
    { id: 'orch>llm', from: 'orch', to: 'llm', networkP50Ms: 20, networkP95Ms: 60, timeoutMs: 8000 },
    { from: 'orch', to: 'llm-backup', networkP50Ms: 60, networkP95Ms: 150, primary: 'orch>llm' },
    { from: 'orch', to: 'log', ...network, hard: false },
  ];
  // Chains of services hanging off the orchestrator, each service calling the shared auth service.
  let previous = 'orch';
  for (let i = 0; list.length < components; i++) {
    const [p50Ms, p95Ms] = SERVICE_TIMES[i % SERVICE_TIMES.length] as readonly [number, number];
    const id = `svc-${i}`;
    list.push({ id, p50Ms, p95Ms, availability: 0.9995 });
    connections.push({ from: previous, to: id, ...network, timeoutMs: i % 3 === 0 ? 500 : null });
    connections.push({ from: id, to: 'auth', ...network });
    previous = i % 4 === 3 ? 'orch' : id;
  }
  return { components: list, connections, groups, journeys: [{ entry: 'gw', p95SloMs: 3000 }] };
}
