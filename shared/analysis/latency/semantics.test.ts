import { describe, expect, it } from 'vitest';
import type { GraphSpec } from '../testing/graph-spec.ts';
import { percentiles, simulateSpec } from './testing/simulate.ts';
import type { JourneyLatency } from './types.ts';

/*
 * What one request does, checked on designs small enough to work out by hand. Without spread (p95 = p50)
 * every request takes the same time, so the simulation must give exact sums, maxima, minima and order
 * statistics; with branches it must give the mixture's quantiles.
 */

const SAMPLES = { samples: 20_000 };

function exactly(result: JourneyLatency, ms: number): void {
  expect(percentiles(result)).toEqual([ms, ms, ms]);
  expect(result.meanMs).toBeCloseTo(ms, 9);
  expect(result.intervals?.p95).toEqual({ lowMs: ms, highMs: ms });
}

function within(result: JourneyLatency, q: 'p50' | 'p95' | 'p99', ms: number): void {
  const interval = result.intervals?.[q];
  expect(interval?.lowMs).toBeLessThanOrEqual(ms);
  expect(interval?.highMs).toBeGreaterThanOrEqual(ms);
}

describe('latency without spread: exact arithmetic', () => {
  it('adds service times and network delays along sequential calls', () => {
    const result = simulateSpec(
      {
        components: [
          { id: 'gw', p50Ms: 5 },
          { id: 'a', p50Ms: 10 },
          { id: 'b', p50Ms: 20 },
          { id: 'c', p50Ms: 7 },
        ],
        connections: [
          { from: 'gw', to: 'a', networkP50Ms: 2 },
          { from: 'gw', to: 'b', networkP50Ms: 3 },
          { from: 'a', to: 'c', networkP50Ms: 1 },
        ],
        journeys: [{ entry: 'gw' }],
      },
      SAMPLES,
    );
    // 5 + (2 + 10 + 1 + 7) + (3 + 20)
    exactly(result, 48);
    expect(result.failedShare).toBe(0);
  });

  const parallel = (join: 'all' | 'any' | 'k-of-n', k?: number): GraphSpec => ({
    components: [
      { id: 'o', p50Ms: 1 },
      { id: 'a', p50Ms: 10 },
      { id: 'b', p50Ms: 30 },
      { id: 'c', p50Ms: 20 },
    ],
    groups: [{ id: 'g', type: 'parallel', join, ...(k === undefined ? {} : { k }) }],
    connections: [
      { from: 'o', to: 'a', group: 'g' },
      { from: 'o', to: 'b', group: 'g', networkP50Ms: 2 },
      { from: 'o', to: 'c', group: 'g' },
    ],
    journeys: [{ entry: 'o' }],
  });

  it('takes the slowest branch of a join-all group, the fastest of join-any, the k-th of k-of-n', () => {
    exactly(simulateSpec(parallel('all'), SAMPLES), 1 + 32);
    exactly(simulateSpec(parallel('any'), SAMPLES), 1 + 10);
    exactly(simulateSpec(parallel('k-of-n', 2), SAMPLES), 1 + 20);
    exactly(simulateSpec(parallel('k-of-n', 3), SAMPLES), 1 + 32);
  });

  it('repeats a fan-out n times one after another, or once in time when the calls run in parallel', () => {
    const fanOut = (parallelFanOut: boolean): GraphSpec => ({
      components: [{ id: 'o' }, { id: 'a', p50Ms: 4 }],
      connections: [{ from: 'o', to: 'a', networkP50Ms: 1, callsPerRequest: 3, parallelFanOut }],
      journeys: [{ entry: 'o' }],
    });
    exactly(simulateSpec(fanOut(false), SAMPLES), 15);
    exactly(simulateSpec(fanOut(true), SAMPLES), 5);
  });

  it('makes a fractional fan-out floor(n) calls plus one more with probability frac(n)', () => {
    // 1.3 calls of 10 ms: 70 % of requests take 10 ms, 30 % take 20 ms; mean 13.
    const result = simulateSpec(
      {
        components: [{ id: 'o' }, { id: 'a', p50Ms: 10 }],
        connections: [{ from: 'o', to: 'a', callsPerRequest: 1.3 }],
        journeys: [{ entry: 'o' }],
      },
      { samples: 100_000 },
    );
    expect(percentiles(result)).toEqual([10, 20, 20]);
    expect(result.meanMs).toBeCloseTo(13, 1); // standard error 0.015
  });
});

describe('mixtures: sampled, never averaged', () => {
  it('gives an exclusive 0.9 / 0.1 choice of 10 ms and 100 ms a p50 of 10 and a p95 of 100', () => {
    const result = simulateSpec(
      {
        components: [{ id: 'router' }, { id: 'fast', p50Ms: 10 }, { id: 'slow', p50Ms: 100 }],
        groups: [{ id: 'ab', type: 'exclusive' }],
        connections: [
          { from: 'router', to: 'fast', group: 'ab', probability: 0.9 },
          { from: 'router', to: 'slow', group: 'ab', probability: 0.1 },
        ],
        journeys: [{ entry: 'router' }],
      },
      { samples: 100_000 },
    );
    expect(percentiles(result)).toEqual([10, 100, 100]);
    within(result, 'p50', 10);
    within(result, 'p95', 100);
    // The average of the branches (19 ms) is what averaging would report as "the" latency.
    expect(result.meanMs).toBeCloseTo(19, 0); // standard error 0.09
  });

  it('draws a cache miss per request: 80 % take 1 ms, 20 % also wait 50 ms for the database', () => {
    const result = simulateSpec(
      {
        components: [{ id: 'app' }, { id: 'cache', p50Ms: 1 }, { id: 'db', p50Ms: 50 }],
        connections: [
          { from: 'app', to: 'cache' },
          { from: 'cache', to: 'db', probability: 0.2 },
        ],
        journeys: [{ entry: 'app' }],
      },
      { samples: 100_000 },
    );
    expect(percentiles(result)).toEqual([1, 51, 51]);
    within(result, 'p95', 51);
    expect(Math.abs((result.meanMs as number) - 11)).toBeLessThan(0.3); // 1 + 0.2 × 50; s.e. 0.063
  });
});

describe('log-normal fit', () => {
  it('reproduces p50 = 20 and p95 = 60 of one component, and extrapolates p99 = 20·3^(2.3263/1.6449)', () => {
    const result = simulateSpec(
      { components: [{ id: 'svc', p50Ms: 20, p95Ms: 60 }], journeys: [{ entry: 'svc' }] },
      { samples: 100_000 },
    );
    within(result, 'p50', 20);
    within(result, 'p95', 60);
    within(result, 'p99', 20 * 3 ** (2.3263 / 1.6449)); // 94.5 ms
    // Mean of a log-normal: e^(μ + σ²/2) with σ = ln 3 / 1.6449 → 20 · e^0.2230 = 24.99.
    expect(result.meanMs).toBeCloseTo(24.99, 0);
  });

  it('adds an LLM endpoint as TTFT plus output tokens ÷ tokens per second, and reports the TTFT apart', () => {
    const llm = {
      ttftP50Ms: 200,
      ttftP95Ms: 200,
      tokensPerSecond: 50,
      avgInTokens: 500,
      avgOutTokens: 100,
      priceInPer1MUsd: 0,
      priceOutPer1MUsd: 0,
    };
    const result = simulateSpec(
      {
        components: [
          { id: 'gw', p50Ms: 10 },
          { id: 'llm', kind: 'llm-endpoint', llm },
        ],
        connections: [{ from: 'gw', to: 'llm' }],
        journeys: [{ entry: 'gw' }],
      },
      SAMPLES,
    );
    // 10 + 200 + 100 / 50 s = 2,210 ms; the first token after 210 ms.
    exactly(result, 2210);
    expect(result.ttft).toMatchObject({ p50Ms: 210, p95Ms: 210 });
    const plain = simulateSpec(
      { components: [{ id: 'svc', p50Ms: 5 }], journeys: [{ entry: 'svc' }] },
      SAMPLES,
    );
    expect(plain.ttft).toBeNull();
  });
});

describe('timeouts, retries, fallbacks and failures', () => {
  const slowWithFallback = (fallback: boolean): GraphSpec => ({
    components: [{ id: 'svc' }, { id: 'slow', p50Ms: 100 }, { id: 'quick', p50Ms: 5 }],
    connections: [
      { id: 'main', from: 'svc', to: 'slow', timeoutMs: 30, retries: 1 },
      ...(fallback ? [{ from: 'svc', to: 'quick', primary: 'main' }] : []),
    ],
    journeys: [{ entry: 'svc' }],
  });

  it('spends two timeouts and then the fallback on a component always slower than its timeout', () => {
    const result = simulateSpec(slowWithFallback(true), SAMPLES);
    exactly(result, 2 * 30 + 5);
    expect(result.failedShare).toBe(0);
  });

  it('keeps a failed request in the distribution with the time it took, and counts it', () => {
    const result = simulateSpec(slowWithFallback(false), SAMPLES);
    exactly(result, 2 * 30);
    expect(result.failedShare).toBe(1);
  });

  it('falls back in the share of calls that find the primary down (1 − availability)', () => {
    // Up (0.9): 10 ms. Down: a fast failure (no network time here) and then 100 ms of fallback.
    const result = simulateSpec(
      {
        components: [
          { id: 'svc' },
          { id: 'model', p50Ms: 10, availability: 0.9 },
          { id: 'rules', p50Ms: 100 },
        ],
        connections: [
          { id: 'main', from: 'svc', to: 'model' },
          { from: 'svc', to: 'rules', primary: 'main' },
        ],
        journeys: [{ entry: 'svc' }],
      },
      { samples: 100_000 },
    );
    const fallbackShare = ((result.meanMs as number) - 10) / 90;
    expect(Math.abs(fallbackShare - 0.1)).toBeLessThan(0.004); // standard error 0.001
    expect(percentiles(result)).toEqual([10, 100, 100]);
    expect(result.failedShare).toBe(0);
  });

  it('draws every attempt afresh: two attempts that each time out half the time both fail a quarter of the time', () => {
    // A timeout at the log-normal's median fails an attempt with probability exactly 0.5.
    const result = simulateSpec(
      {
        components: [{ id: 'svc' }, { id: 'model', p50Ms: 10, p95Ms: 30 }],
        connections: [{ from: 'svc', to: 'model', timeoutMs: 10, retries: 1 }],
        journeys: [{ entry: 'svc' }],
      },
      { samples: 100_000 },
    );
    expect(Math.abs((result.failedShare as number) - 0.25)).toBeLessThan(0.006); // s.e. 0.0014
  });

  it('calls a shared dependency once per path, each call with its own draw', () => {
    // Both services call auth with a timeout at its median: each call fails with 0.5, independently, so
    // the request fails with 1 − 0.5² = 0.75 (one shared draw would give 0.5).
    const result = simulateSpec(
      {
        components: [{ id: 'gw' }, { id: 'a' }, { id: 'b' }, { id: 'auth', p50Ms: 10, p95Ms: 30 }],
        connections: [
          { from: 'gw', to: 'a' },
          { from: 'gw', to: 'b' },
          { from: 'a', to: 'auth', timeoutMs: 10 },
          { from: 'b', to: 'auth', timeoutMs: 10 },
        ],
        journeys: [{ entry: 'gw' }],
      },
      { samples: 100_000 },
    );
    expect(Math.abs((result.failedShare as number) - 0.75)).toBeLessThan(0.006);
  });

  it('never fails a request on a soft dependency, but still waits for it', () => {
    const spec = (hard: boolean): GraphSpec => ({
      components: [{ id: 'svc' }, { id: 'log', p50Ms: 3, availability: 0 }],
      connections: [{ from: 'svc', to: 'log', hard, networkP50Ms: 2 }],
      journeys: [{ entry: 'svc' }],
    });
    const soft = simulateSpec(spec(false), SAMPLES);
    expect(soft.failedShare).toBe(0);
    exactly(soft, 2); // the fast failure costs the round trip
    expect(simulateSpec(spec(true), SAMPLES).failedShare).toBe(1);
  });

  it('lets a join-any group answer with the branches that answered, and fail when none did', () => {
    const spec = (slowAvailability: number): GraphSpec => ({
      components: [
        { id: 'o' },
        { id: 'fast', p50Ms: 10, availability: 0 },
        { id: 'slow', p50Ms: 30, availability: slowAvailability },
      ],
      groups: [{ id: 'g', type: 'parallel', join: 'any' }],
      connections: [
        { from: 'o', to: 'fast', group: 'g', networkP50Ms: 1 },
        { from: 'o', to: 'slow', group: 'g', networkP50Ms: 1 },
      ],
      journeys: [{ entry: 'o' }],
    });
    const oneAnswers = simulateSpec(spec(1), SAMPLES);
    exactly(oneAnswers, 31); // the fast branch failed after 1 ms and does not answer
    expect(oneAnswers.failedShare).toBe(0);
    const noneAnswers = simulateSpec(spec(0), SAMPLES);
    exactly(noneAnswers, 1); // both fail fast: the slower failure (1 ms) ends the step
    expect(noneAnswers.failedShare).toBe(1);
  });
});

describe('tail amplification (DOMAIN.md §2.1)', () => {
  // Five services, each ~20 ms with a 4 % chance of a 1 s stall (a Bernoulli call to a stall component).
  const stalls: GraphSpec = {
    components: [
      { id: 'gw' },
      ...[1, 2, 3, 4, 5].flatMap((i) => [
        { id: `s${i}`, p50Ms: 20, p95Ms: 26 },
        { id: `stall${i}`, p50Ms: 1000 },
      ]),
    ],
    connections: [1, 2, 3, 4, 5].flatMap((i) => [
      { from: 'gw', to: `s${i}` },
      { from: `s${i}`, to: `stall${i}`, probability: 0.04 },
    ]),
    journeys: [{ entry: 'gw' }, ...[1, 2, 3, 4, 5].map((i) => ({ entry: `s${i}` }))],
  };

  it('has each service p95 near its fast time, yet a path p95 of about a second', () => {
    const each = [1, 2, 3, 4, 5].map((i) => simulateSpec(stalls, SAMPLES, i).p95Ms as number);
    // The stall (4 %) hides below each service's 5 % tail: p95 is its fast time's 0.95/0.96 quantile, ~29 ms.
    for (const p95 of each) expect(p95).toBeLessThan(35);
    expect(each.reduce((a, b) => a + b, 0)).toBeLessThan(175);
    // 1 − 0.96⁵ = 18.5 % of requests stall at least once: the path p95 is a stall plus five fast calls.
    const path = simulateSpec(stalls, { samples: 100_000 });
    expect(path.p95Ms).toBeGreaterThan(1000);
    expect(path.p95Ms).toBeLessThan(1200);
    // The deterministic screen counts Bernoulli calls in full, so here it errs on the safe side.
    expect(path.sumOfP95sMs).toBe(5 * (26 + 1000));
  });
});
