import { describe, expect, it } from 'vitest';
import { defaultAttributes, defaultConnectionAttributes } from '../../model/catalog/index.ts';
import { buildRequestPath } from '../request-path.ts';
import { buildGraph } from '../testing/graph-spec.ts';
import type { GraphSpec } from '../testing/graph-spec.ts';
import { QUICK_PASS_SAMPLES, createLatencySimulation, simulateJourneyLatency } from './index.ts';
import { realisticJourneySpec } from './testing/realistic-journey.ts';
import { simulateSpec } from './testing/simulate.ts';

const realistic = realisticJourneySpec(30);

function realisticSimulation(samples: number, seed = 1) {
  const graph = buildGraph(realistic);
  const journey = graph.journeys[0];
  if (!journey) throw new Error('no journey');
  return createLatencySimulation(graph, buildRequestPath(graph, journey), journey, { samples, seed });
}

describe('simulateJourneyLatency: determinism and chunking', () => {
  it('gives identical results for the same seed and different ones for another seed', () => {
    const first = simulateSpec(realistic, { samples: 20_000, seed: 7 });
    const again = simulateSpec(realistic, { samples: 20_000, seed: 7 });
    expect(again).toEqual(first);
    const other = simulateSpec(realistic, { samples: 20_000, seed: 8 });
    expect(other.p50Ms).not.toBe(first.p50Ms);
    expect(other.p95Ms).not.toBe(first.p95Ms);
  });

  it('gives the same result whether it runs in one go or in uneven chunks', () => {
    const whole = simulateSpec(realistic, { samples: 30_000, seed: 3 });
    const simulation = realisticSimulation(30_000, 3);
    const steps: number[] = [];
    for (const chunk of [1, 999, 10_000, 7_777, 50_000]) steps.push(simulation.step(chunk).doneSamples);
    expect(steps).toEqual([1, 1_000, 11_000, 18_777, 30_000]);
    expect(simulation.progress()).toEqual({ doneSamples: 30_000, totalSamples: 30_000, finished: true });
    expect(simulation.result()).toEqual(whole);
  });

  it('answers a quick first pass that is exactly the shorter run, then refines it', () => {
    const simulation = realisticSimulation(40_000);
    expect(simulation.result()).toMatchObject({ samples: 0, p95Ms: null, complete: false });
    simulation.step(QUICK_PASS_SAMPLES);
    const quick = simulation.result();
    const shortRun = simulateSpec(realistic, { samples: QUICK_PASS_SAMPLES, seed: 1 });
    expect({ ...quick, requestedSamples: QUICK_PASS_SAMPLES, complete: true }).toEqual(shortRun);
    expect(quick).toMatchObject({ samples: QUICK_PASS_SAMPLES, requestedSamples: 40_000, complete: false });
    simulation.step(Infinity);
    expect(simulation.result()).toMatchObject({ samples: 40_000, complete: true });
  });

  it('refuses a sample count or seed that is not a whole number, saying what it got', () => {
    const graph = buildGraph(realistic);
    const journey = graph.journeys[0];
    if (!journey) throw new Error('no journey');
    const path = buildRequestPath(graph, journey);
    expect(() => simulateJourneyLatency(graph, path, journey, { samples: 0 })).toThrow('(got 0)');
    expect(() => simulateJourneyLatency(graph, path, journey, { seed: 1.5 })).toThrow('(got 1.5)');
  });
});

describe('simulateJourneyLatency: the result', () => {
  const chain: GraphSpec = {
    components: [
      { id: 'gw', p50Ms: 5 },
      { id: 'svc', p50Ms: 40 },
    ],
    connections: [{ from: 'gw', to: 'svc', networkP50Ms: 3 }],
    journeys: [
      { entry: 'gw', p95SloMs: 48, p99SloMs: 47.9 },
      { entry: 'gw', p95SloMs: null, p99SloMs: null },
    ],
  };

  it('judges the p95 and p99 SLOs of the journey, and judges nothing without them', () => {
    const judged = simulateSpec(chain, { samples: 1_000 });
    expect(judged).toMatchObject({ p95Ms: 48, meetsP95Slo: true, meetsP99Slo: false, p95SloMs: 48 });
    expect(simulateSpec(chain, { samples: 1_000 }, 1)).toMatchObject({
      meetsP95Slo: null,
      meetsP99Slo: null,
    });
  });

  it('carries a histogram whose bins hold every sample, and says how it was computed', () => {
    const result = simulateSpec(realistic, { samples: 20_000 });
    const histogram = result.histogram;
    if (!histogram) throw new Error('no histogram');
    expect(histogram.counts.reduce((a, b) => a + b, 0) + histogram.overflowCount).toBe(20_000);
    expect(histogram.counts.length).toBeLessThanOrEqual(40);
    // About 0.1 % lie beyond the p99.9 the bins end near.
    expect(histogram.overflowCount).toBeLessThan(100);
    expect(result.method).toContain('20,000 simulated requests (seed 1)');
    expect(result.method).toContain('Failed requests stay in the distribution');
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  });

  it('reports a request path with errors with no numbers and the reason', () => {
    const result = simulateSpec(
      {
        components: [{ id: 'a' }, { id: 'b' }],
        connections: [
          { from: 'a', to: 'b' },
          { from: 'b', to: 'a' },
        ],
        journeys: [{ entry: 'a' }],
      },
      { samples: 1_000 },
    );
    expect(result).toMatchObject({ p50Ms: null, p95Ms: null, histogram: null, criticalPath: null });
    expect(result.errors).toEqual([expect.stringContaining('sync cycle')]);
    expect(result.method).toContain('Not simulated');
  });

  it('simulates calls nested 500 deep and refuses deeper ones, naming where the chain ends', () => {
    const chain = (depth: number): GraphSpec => ({
      components: Array.from({ length: depth + 1 }, (_, i) => ({ id: `c${i}`, p50Ms: 1 })),
      connections: Array.from({ length: depth }, (_, i) => ({ from: `c${i}`, to: `c${i + 1}` })),
      journeys: [{ entry: 'c0' }],
    });
    expect(simulateSpec(chain(500), { samples: 300 })).toMatchObject({ p95Ms: 501, errors: [] });
    const refused = simulateSpec(chain(501), { samples: 300 });
    expect(refused.p95Ms).toBeNull();
    expect(refused.errors).toEqual([expect.stringContaining('nests 501 calls deep (down to "c501")')]);
  });

  it('warns about a p95 typed below its p50 and uses the p50 for both', () => {
    const result = simulateSpec(
      { components: [{ id: 'svc', p50Ms: 50, p95Ms: 20 }], journeys: [{ entry: 'svc' }] },
      { samples: 1_000 },
    );
    expect(result.p95Ms).toBe(50);
    expect(result.warnings).toEqual([
      expect.stringContaining('"svc" has a p95 (20 ms) below its p50 (50 ms)'),
    ]);
  });

  it('warns about a p50 of 0 with a p95, and an LLM without tokens per second, and counts no time for them', () => {
    const llm = {
      ttftP50Ms: 100,
      ttftP95Ms: 100,
      tokensPerSecond: 0,
      avgInTokens: 0,
      avgOutTokens: 50,
      priceInPer1MUsd: 0,
      priceOutPer1MUsd: 0,
    };
    const result = simulateSpec(
      {
        components: [
          { id: 'svc', p50Ms: 0, p95Ms: 40 },
          { id: 'llm', kind: 'llm-endpoint', llm },
        ],
        connections: [{ from: 'svc', to: 'llm' }],
        journeys: [{ entry: 'svc' }],
      },
      { samples: 1_000 },
    );
    expect(result.p95Ms).toBe(100);
    expect(result.warnings).toEqual([
      expect.stringContaining('"svc" has a p95 of 40 ms but a p50 of 0'),
      expect.stringContaining('"llm" has no tokens per second'),
    ]);
  });

  it('lists the latency inputs that rest on defaults, assumptions or unknowns', () => {
    const base = buildGraph({
      components: [
        { id: 'gw', name: 'Gateway' },
        { id: 'svc', name: 'Scoring' },
      ],
      connections: [{ from: 'gw', to: 'svc' }],
      journeys: [{ entry: 'gw' }],
    });
    const graph = {
      ...base,
      components: base.components.map((c) => ({
        ...c,
        attributes: { ...defaultAttributes('online-inference'), p50_ms: 12, p95_ms: null },
      })),
      connections: base.connections.map((e) => ({
        ...e,
        attributes: { ...defaultConnectionAttributes('call'), network_p50_ms: 2, network_p95_ms: 4 },
      })),
    };
    const journey = graph.journeys[0];
    if (!journey) throw new Error('no journey');
    const result = simulateJourneyLatency(graph, buildRequestPath(graph, journey), journey, { samples: 100 });
    expect(result.assumptions.map((a) => `${a.elementName}.${a.key}: ${a.reason}`)).toEqual([
      'Gateway.p95_ms: unknown',
      'Scoring.p95_ms: unknown',
      // The entry serves the request it starts: its availability is not read.
      'Scoring.availability: assumed',
      // No timeout is the catalog's default (null), which the contract reports as not given.
      'Gateway → Scoring.timeout_ms: unknown',
      'Gateway → Scoring.retries: default',
      'Gateway → Scoring.probability: default',
      'Gateway → Scoring.calls_per_request: default',
    ]);
  });
});
