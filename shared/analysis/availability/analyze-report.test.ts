import { describe, expect, it } from 'vitest';
import type { GraphSpec } from '../testing/graph-spec.ts';
import { analyzeSpec as analyze, cutSetIds as cuts } from './testing/analyze-spec.ts';

describe('analyzeJourneyAvailability: cut sets, extra nine and importance', () => {
  // entry (0.999) → svc (0.99) → any of r1 (0.9), r2 (0.8); SLO 0.99.
  const design: GraphSpec = {
    components: [
      { id: 'entry', availability: 0.999 },
      { id: 'svc', availability: 0.99 },
      { id: 'r1', availability: 0.9 },
      { id: 'r2', availability: 0.8 },
    ],
    groups: [{ id: 'any', type: 'parallel', join: 'any' }],
    connections: [
      { from: 'entry', to: 'svc' },
      { from: 'svc', to: 'r1', group: 'any' },
      { from: 'svc', to: 'r2', group: 'any' },
    ],
    journeys: [{ entry: 'entry', availabilitySlo: 0.99 }],
  };

  it('A = 0.999 × 0.99 × (1 − 0.1 × 0.2), below the SLO', () => {
    const result = analyze(design);
    expect(result.value).toBeCloseTo(0.9692298, 14);
    expect(result.slo).toBe(0.99);
    expect(result.meetsSlo).toBe(false);
    expect(analyze({ ...design, journeys: [{ entry: 'entry', availabilitySlo: 0.95 }] }).meetsSlo).toBe(true);
    expect(analyze({ ...design, journeys: [{ entry: 'entry' }] }).meetsSlo).toBeNull();
  });

  it('sorts cut sets by order, then probability, and lists single points of failure apart', () => {
    const result = analyze(design);
    expect(cuts(result)).toEqual(['svc', 'entry', 'r1+r2']);
    expect(result.cutSets.map((s) => s.order)).toEqual([1, 1, 2]);
    expect(result.cutSets[2]?.probability).toBeCloseTo(0.02, 15);
    expect(result.cutSets[2]?.componentNames).toEqual(['r1', 'r2']);
    expect(result.singlePointsOfFailure).toEqual(['entry', 'svc']);
    expect(result.cutSetsTruncated).toBe(false);
  });

  it('caps the list and says so, keeping every single point of failure', () => {
    const result = analyze(design, { cutSetLimit: 2 });
    expect(cuts(result)).toEqual(['svc', 'entry']);
    expect(result.cutSetsTruncated).toBe(true);
    expect(result.singlePointsOfFailure).toEqual(['entry', 'svc']);
    expect(cuts(analyze(design, { maxCutSetOrder: 1 }))).toEqual(['svc', 'entry']);
  });

  it('flags single points whose unavailability exceeds (1 − SLO) / 10', () => {
    // Allowed: 0.001. svc (0.01) breaks the rule; entry (0.001) just meets it.
    expect(analyze(design).extraNine).toEqual([
      {
        componentId: 'svc',
        componentName: 'svc',
        availability: 0.99,
        requiredAvailability: expect.closeTo(0.999, 14),
      },
    ]);
    expect(analyze({ ...design, journeys: [{ entry: 'entry' }] }).extraNine).toEqual([]);
  });

  it('gives Birnbaum importance P(S | up) − P(S | down), largest first', () => {
    const result = analyze(design);
    expect(result.importance).toEqual([
      { componentId: 'svc', birnbaum: expect.closeTo(0.999 * 0.98, 14) },
      { componentId: 'entry', birnbaum: expect.closeTo(0.99 * 0.98, 14) },
      { componentId: 'r1', birnbaum: expect.closeTo(0.999 * 0.99 * 0.2, 14) },
      { componentId: 'r2', birnbaum: expect.closeTo(0.999 * 0.99 * 0.1, 14) },
    ]);
  });

  it('handles a series chain 30,000 components deep without recursion', () => {
    const n = 30_000;
    const components = Array.from({ length: n }, (_, i) => ({ id: `c${i}`, availability: 0.99999 }));
    const connections = Array.from({ length: n - 1 }, (_, i) => ({ from: `c${i}`, to: `c${i + 1}` }));
    const result = analyze({ components, connections, journeys: [{ entry: 'c0' }] });
    expect(result.value).toBeCloseTo(0.99999 ** n, 12);
    expect(result.singlePointsOfFailure).toHaveLength(n);
    expect(result.cutSets).toHaveLength(200);
    expect(result.cutSetsTruncated).toBe(true);
  });
});

describe('analyzeJourneyAvailability: reports', () => {
  it('has no value when the request path has errors, and carries them', () => {
    const result = analyze({
      components: [{ id: 'a' }, { id: 'b' }],
      connections: [
        { from: 'a', to: 'b' },
        { from: 'b', to: 'a' },
      ],
      journeys: [{ entry: 'a' }],
    });
    expect(result.value).toBeNull();
    expect(result.downtimeMinutesPerMonth).toBeNull();
    expect(result.meetsSlo).toBeNull();
    expect(result.errors.join(' ')).toMatch(/sync cycle/);
    expect(result.cutSets).toEqual([]);
  });

  it('stops at the node budget with an error a user can act on', () => {
    const result = analyze(
      {
        components: [{ id: 'a' }, { id: 'b' }, { id: 'c' }],
        connections: [
          { from: 'a', to: 'b' },
          { from: 'b', to: 'c' },
        ],
        journeys: [{ entry: 'a' }],
      },
      { nodeBudget: 3 },
    );
    expect(result.value).toBeNull();
    expect(result.errors).toEqual([
      expect.stringMatching(/more than 3 decision-diagram nodes.*Narrow the journey/),
    ]);
  });

  it('keeps the exact value when only the cut sets exceed the node budget, and says so', () => {
    // The chain itself needs 3 nodes (plus the 2 terminals); its cut sets need more.
    const result = analyze(
      {
        components: [
          { id: 'a', availability: 0.9 },
          { id: 'b', availability: 0.9 },
          { id: 'c', availability: 0.9 },
        ],
        connections: [
          { from: 'a', to: 'b' },
          { from: 'b', to: 'c' },
        ],
        journeys: [{ entry: 'a' }],
      },
      { nodeBudget: 5 },
    );
    expect(result.value).toBeCloseTo(0.729, 14);
    expect(result.errors).toEqual([]);
    expect(result.cutSets).toEqual([]);
    expect(result.cutSetsTruncated).toBe(true);
    expect(result.warnings).toEqual([expect.stringMatching(/cut sets were not computed/)]);
  });

  it('lists the assumptions behind the inputs it read and says how it computed', () => {
    const result = analyze(
      {
        components: [{ id: 'gw' }, { id: 'svc', availability: 0.999 }, { id: 'backup' }],
        connections: [
          { from: 'gw', to: 'svc' },
          { from: 'gw', to: 'backup', primary: 'gw>svc' },
        ],
        journeys: [{ entry: 'gw' }],
      },
      {},
      (graph) => ({
        ...graph,
        components: graph.components.map((c) => ({
          ...c,
          attributes: { availability: 0.999, replicas: null },
        })),
        // Both at their catalog defaults (a fallback's is 0.01).
        connections: graph.connections.map((e) => ({
          ...e,
          attributes: { probability: e.kind === 'fallback' ? 0.01 : 1 },
        })),
      }),
    );
    expect(result.assumptions.map((a) => `${a.elementId}.${a.key}:${a.reason}`)).toEqual([
      'gw.availability:assumed',
      'gw.replicas:unknown',
      'backup.availability:assumed',
      'backup.replicas:unknown',
      'svc.availability:assumed',
      'svc.replicas:unknown',
      'gw>svc.probability:default', // the fallback's probability is not read, so it is not listed
    ]);
    expect(result.method).toMatch(/binary decision diagram/);
    expect(result.method).toMatch(/Rauzy/);
  });
});
