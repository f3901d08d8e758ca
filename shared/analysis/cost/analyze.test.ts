import { describe, expect, it } from 'vitest';
import { buildRequestPath } from '../request-path.ts';
import { buildGraph } from '../testing/graph-spec.ts';
import type { ComponentSpec, GraphSpec } from '../testing/graph-spec.ts';
import { analyzeCost } from './analyze.ts';
import type { ScenarioCost } from './types.ts';

/*
 * DOMAIN.md §2.2's worked check: a gateway, a service, a feature store, a GPU model server behind a 60 %
 * hit-rate cache, and monitoring off the request path, at 50 rps.
 */
function workedCheck(overrides: Partial<Record<string, Partial<ComponentSpec>>> = {}): GraphSpec {
  const components: ComponentSpec[] = [
    { id: 'gw', kind: 'api-gateway', team: 'platform', per1kRequestsUsd: 0.001 },
    { id: 'svc', kind: 'online-inference', team: 'ml', replicas: 4, hourlyUsdPerReplica: 0.2 },
    { id: 'fs', kind: 'feature-store', team: 'data', fixedMonthlyUsd: 600 },
    { id: 'cache', kind: 'cache', team: 'ml', cacheHitRatio: 0.6 },
    { id: 'model', kind: 'model-server', team: 'ml', replicas: 2, hourlyUsdPerReplica: 1.2 },
    { id: 'mon', kind: 'monitoring', fixedMonthlyUsd: 300 },
  ];
  return {
    components: components.map((c) => ({ ...c, ...overrides[c.id] })),
    connections: [
      { from: 'gw', to: 'svc' },
      { from: 'svc', to: 'fs' },
      { from: 'svc', to: 'cache' },
      { from: 'cache', to: 'model', probability: 0.4 },
      { from: 'mon', to: 'svc', kind: 'observes' },
    ],
    journeys: [{ entry: 'gw', avgRps: 50, peakRps: 100 }],
  };
}

function lineOf(cost: ScenarioCost, id: string) {
  const line = cost.byComponent.find((l) => l.componentId === id);
  if (!line) throw new Error(`no line for ${id}`);
  return line;
}

describe('analyzeCost: the worked check', () => {
  const cost = analyzeCost(buildGraph(workedCheck()));

  it('prices each component and the scenario as worked by hand', () => {
    expect(cost.monthlyRequests).toBe(131_400_000); // 50 rps × 2,628,000 s
    expect(lineOf(cost, 'gw').requestsUsd).toBeCloseTo(131.4, 9); // 131.4 M × $0.001 / 1000
    expect(lineOf(cost, 'svc').computeUsd).toBeCloseTo(584, 9); // 4 × $0.20 × 730 h
    expect(lineOf(cost, 'fs').totalUsd).toBe(600);
    expect(lineOf(cost, 'model').computeUsd).toBeCloseTo(1752, 9); // 2 × $1.20 × 730 h
    expect(lineOf(cost, 'mon').totalUsd).toBe(300);
    expect(cost.monthlyUsd).toBeCloseTo(3367.4, 9);
    // 1000 × 3367.40 / 131.4 M = $0.025627 per 1,000 inferences, fully loaded.
    expect(cost.per1kInferencesUsd).toBeCloseTo(0.0256271, 7);
  });

  it('splits fixed from variable: only the gateway fee scales with traffic here', () => {
    expect(cost.variableUsd).toBeCloseTo(131.4, 9);
    expect(cost.fixedUsd).toBeCloseTo(3236, 9);
    // Marginal: 1000 × 131.40 / 131.4 M = $0.001 per 1,000 inferences.
    expect(cost.per1kMarginalUsd).toBeCloseTo(0.001, 12);
  });

  it('counts calls behind the cache at the miss ratio, at the month and at peak', () => {
    expect(lineOf(cost, 'model').callsPerMonth).toBeCloseTo(0.4 * 131_400_000, 3);
    expect(lineOf(cost, 'model').peakRps).toBeCloseTo(40, 9);
    expect(lineOf(cost, 'mon').callsPerMonth).toBe(0); // observes is not on the route
    expect(lineOf(cost, 'svc').provisionedReplicas).toBe(4);
  });

  it('breaks the total down by kind and team, biggest first, and names the top 3 drivers', () => {
    expect(cost.byKind.map((k) => [k.kind, Math.round(k.monthlyUsd * 100) / 100])).toEqual([
      ['model-server', 1752],
      ['feature-store', 600],
      ['online-inference', 584],
      ['monitoring', 300],
      ['api-gateway', 131.4],
      ['cache', 0],
    ]);
    expect(cost.byTeam.map((t) => [t.team, Math.round(t.monthlyUsd * 100) / 100])).toEqual([
      ['ml', 2336],
      ['data', 600],
      ['unassigned', 300],
      ['platform', 131.4],
    ]);
    expect(cost.topDrivers.map((d) => d.componentId)).toEqual(['model', 'fs', 'svc']);
    expect(cost.topDrivers[0]?.share).toBeCloseTo(1752 / 3367.4, 12);
  });

  it('gives the journey all the variable cost and states the method', () => {
    expect(cost.perJourney).toEqual([
      {
        journeyId: 'j0',
        name: 'Journey 1',
        monthlyRequests: 131_400_000,
        variableUsd: expect.any(Number),
        counted: true,
      },
    ]);
    expect(cost.perJourney[0]?.variableUsd).toBeCloseTo(131.4, 9);
    expect(cost.method).toContain('2,628,000');
    expect(cost.errors).toEqual([]);
    expect(cost.warnings).toEqual([]);
    expect(JSON.parse(JSON.stringify(cost))).toEqual(cost);
  });
});

describe('analyzeCost: budget', () => {
  const graph = buildGraph(workedCheck());

  it('says which limits the design is over', () => {
    const cost = analyzeCost(graph, { budget: { monthlyUsd: 3000, per1kInferencesUsd: 0.03 } });
    expect(cost.budget).toEqual({
      monthlyUsd: 3000,
      per1kInferencesUsd: 0.03,
      overMonthly: true,
      overPer1k: false,
    });
  });

  it('leaves a check it has no limit for open', () => {
    expect(analyzeCost(graph, { budget: { monthlyUsd: 5000, per1kInferencesUsd: null } }).budget).toEqual({
      monthlyUsd: 5000,
      per1kInferencesUsd: null,
      overMonthly: false,
      overPer1k: null,
    });
    expect(analyzeCost(graph).budget.overMonthly).toBeNull();
  });
});

describe('analyzeCost: traffic', () => {
  // The service autoscales: 2-8 replicas of 50 rps at 70 % (35 rps each), $0.20/h = $146 a month each.
  const scaled = workedCheck({
    svc: { autoscaling: true, minReplicas: 2, maxReplicas: 8, capacityRpsPerReplica: 50 },
  });

  it('sizes autoscaled replicas for peak: ⌈100 / 35⌉ = 3, the third one variable', () => {
    const cost = analyzeCost(buildGraph(scaled));
    expect(lineOf(cost, 'svc').provisionedReplicas).toBe(3);
    expect(lineOf(cost, 'svc').computeUsd).toBeCloseTo(3 * 146, 9);
    expect(lineOf(cost, 'svc').variableUsd).toBeCloseTo(146, 9);
    expect(cost.fixedUsd).toBeCloseTo(292 + 600 + 1752 + 300, 9);
    expect(cost.variableUsd).toBeCloseTo(131.4 + 146, 9);
  });

  it('draws the curve by hand: the fixed part stays, requests scale, replicas step up to the maximum', () => {
    const cost = analyzeCost(buildGraph(scaled));
    // Replicas at ×0.1 … ×10 (peak 10 … 1000 rps): 2, 2, 2, 3, 6, 8 (15 capped), 8 (29 capped).
    const replicas = [2, 2, 2, 3, 6, 8, 8];
    expect(cost.trafficCurve.map((p) => p.multiplier)).toEqual([0.1, 0.2, 0.5, 1, 2, 5, 10]);
    cost.trafficCurve.forEach((point, i) => {
      const k = point.multiplier;
      expect(point.fixedUsd).toBeCloseTo(2944, 9);
      expect(point.variableUsd).toBeCloseTo(131.4 * k + ((replicas[i] as number) - 2) * 146, 9);
      expect(point.per1kInferencesUsd).toBeCloseTo((1000 * point.monthlyUsd) / (131_400_000 * k), 12);
    });
    const atOne = cost.trafficCurve[3];
    expect(atOne?.monthlyUsd).toBeCloseTo(cost.monthlyUsd, 9);
    expect(atOne?.per1kInferencesUsd).toBeCloseTo(cost.per1kInferencesUsd as number, 12);
    for (let i = 1; i < cost.trafficCurve.length; i++) {
      expect(cost.trafficCurve[i]?.monthlyUsd).toBeGreaterThanOrEqual(
        cost.trafficCurve[i - 1]?.monthlyUsd as number,
      );
    }
  });

  it('analyses at a traffic multiplier: every rps ×10, the service capped at 8 and reported short', () => {
    const cost = analyzeCost(buildGraph(scaled), { trafficMultiplier: 10 });
    expect(cost.monthlyRequests).toBe(1_314_000_000);
    expect(lineOf(cost, 'svc').provisionedReplicas).toBe(8);
    expect(cost.monthlyUsd).toBeCloseTo(2944 + 1314 + 6 * 146, 9);
    expect(cost.warnings).toEqual([
      expect.stringContaining('"svc" needs more replicas at peak than the maximum'),
    ]);
    expect(cost.trafficCurve[3]?.monthlyUsd).toBeCloseTo(cost.monthlyUsd, 9);
  });

  it('assumes the minimum for an autoscaled component of unknown capacity, and says so', () => {
    const cost = analyzeCost(
      buildGraph(
        workedCheck({
          svc: { autoscaling: true, minReplicas: 2, maxReplicas: 8, capacityRpsPerReplica: null },
        }),
      ),
    );
    expect(lineOf(cost, 'svc').provisionedReplicas).toBe(2);
    expect(cost.warnings).toEqual([
      expect.stringContaining('"svc" autoscales without a capacity per replica'),
    ]);
  });

  it('shares the variable cost between journeys: own calls, and scaled replicas by calls at peak', () => {
    const graph = buildGraph({
      components: [
        { id: 'gw', per1kRequestsUsd: 0.001 },
        {
          id: 'svc',
          autoscaling: true,
          minReplicas: 1,
          maxReplicas: 10,
          capacityRpsPerReplica: 10,
          hourlyUsdPerReplica: 1,
        },
      ],
      connections: [{ from: 'gw', to: 'svc' }],
      journeys: [
        { id: 'web', entry: 'gw', avgRps: 7, peakRps: 14 },
        { id: 'batch', entry: 'svc', avgRps: 3, peakRps: 7 },
      ],
    });
    const cost = analyzeCost(graph);
    // svc at peak: 14 + 7 = 21 rps → ⌈21 / 7⌉ = 3 replicas, 2 above the minimum: 2 × $730 = $1,460.
    expect(lineOf(cost, 'svc').provisionedReplicas).toBe(3);
    const [web, batch] = cost.perJourney;
    // web: 7 rps × 2,628,000 s × $0.001 / 1000 = $18.396 at the gateway, plus 14/21 of $1,460.
    expect(web?.variableUsd).toBeCloseTo(18.396 + (1460 * 2) / 3, 9);
    expect(batch?.variableUsd).toBeCloseTo(1460 / 3, 9);
    expect((web?.variableUsd ?? 0) + (batch?.variableUsd ?? 0)).toBeCloseTo(cost.variableUsd, 9);
  });

  it('has no cost per 1k without requests, and only fixed costs without journeys', () => {
    const cost = analyzeCost(buildGraph({ ...workedCheck(), journeys: [] }));
    expect(cost.monthlyRequests).toBe(0);
    expect(cost.per1kInferencesUsd).toBeNull();
    expect(cost.per1kMarginalUsd).toBeNull();
    expect(cost.monthlyUsd).toBeCloseTo(3236, 9);
    expect(cost.trafficCurve.every((p) => p.per1kInferencesUsd === null)).toBe(true);
    expect(cost.warnings).toEqual([expect.stringContaining('no journeys')]);
  });

  it('leaves a journey with a sync cycle out of the variable cost and names it', () => {
    const spec = workedCheck();
    const cost = analyzeCost(
      buildGraph({ ...spec, connections: [...(spec.connections ?? []), { from: 'fs', to: 'svc' }] }),
    );
    expect(cost.variableUsd).toBe(0);
    expect(cost.monthlyUsd).toBeCloseTo(3236, 9);
    expect(cost.perJourney[0]?.counted).toBe(false);
    expect(cost.errors).toHaveLength(2);
    expect(cost.errors[0]).toMatch(/^Journey "Journey 1": .*sync cycle/);
  });

  it("passes on the request paths' errors when given them, and prices the same", () => {
    const graph = buildGraph({
      components: [{ id: 'router' }, { id: 'a', per1kRequestsUsd: 1 }, { id: 'b', per1kRequestsUsd: 2 }],
      groups: [{ id: 'ab', type: 'exclusive' }],
      // 0.6 + 0.3 = 0.9: the request path refuses the choice; cost renormalises to 2/3 and 1/3.
      connections: [
        { from: 'router', to: 'a', probability: 0.6, group: 'ab' },
        { from: 'router', to: 'b', probability: 0.3, group: 'ab' },
      ],
      journeys: [{ entry: 'router', avgRps: 1 }],
    });
    const own = analyzeCost(graph);
    const withPaths = analyzeCost(graph, {
      requestPaths: graph.journeys.map((j) => buildRequestPath(graph, j)),
    });
    // 2,628,000 requests × (2/3 × $1 + 1/3 × $2) / 1000.
    expect(own.monthlyUsd).toBeCloseTo(2628 * (4 / 3), 9);
    expect(withPaths.monthlyUsd).toBeCloseTo(own.monthlyUsd, 9);
    expect(own.errors).toEqual([]);
    expect(withPaths.errors).toEqual([expect.stringContaining('sum to 0.9, not 1')]);
  });
});
