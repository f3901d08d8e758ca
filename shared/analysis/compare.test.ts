import { describe, expect, it } from 'vitest';
import { compareScenarios, metricValue } from './compare.ts';
import type { JourneyReport, ScenarioReport } from './report.ts';

function journey(p95: number | null, availability: number | null): JourneyReport {
  return {
    id: 'j',
    name: 'j',
    tier: 1,
    entry: 'gw',
    latencyMs: {
      p50: null,
      p95,
      p99: p95 === null ? null : p95 * 2,
      mean: null,
      ci95: null,
      sumOfP95s: null,
      sloP95: null,
      sloP99: null,
      meetsP95Slo: null,
      meetsP99Slo: null,
      ttft: null,
      criticalPath: [],
      failedShare: null,
    },
    availability: {
      value: availability,
      downtimeMinutesPerMonth: null,
      slo: null,
      meetsSlo: null,
      degradedMinutesPerMonth: null,
      cutSets: [],
      singlePointsOfFailure: [],
      extraNine: [],
    },
    errors: [],
    warnings: [],
  };
}

function scenario(id: string, monthlyUsd: number, per1k: number, journeys: JourneyReport[]): ScenarioReport {
  return {
    id,
    name: id,
    cost: {
      monthlyUsd,
      per1kInferencesUsd: per1k,
      per1kMarginalUsd: null,
      fixedUsd: 0,
      variableUsd: 0,
      monthlyRequests: 0,
      budgetMonthlyUsd: null,
      budgetPer1kUsd: null,
      overBudget: null,
      topDrivers: [],
    },
    journeys,
    warnings: [],
  };
}

describe('compareScenarios', () => {
  const fast = scenario('fast', 3000, 0.03, [journey(80, 0.999), journey(120, 0.9995)]);
  const cheap = scenario('cheap', 1000, 0.01, [journey(200, 0.99)]);
  const bad = scenario('bad', 4000, 0.04, [journey(300, 0.99)]);

  it('takes the worst journey for latency and availability', () => {
    expect(metricValue(fast, 'latency-p95')).toBe(120);
    expect(metricValue(fast, 'latency-p99')).toBe(240);
    expect(metricValue(fast, 'availability')).toBe(0.999);
  });

  it('scores min-max per metric and weighs them; ranks by the total', () => {
    const result = compareScenarios(
      [fast, cheap, bad],
      [
        { metric: 'latency-p95', weight: 1 },
        { metric: 'monthly-cost', weight: 3 },
      ],
    );
    const [f, c, b] = result.scenarios;
    // latency: 120 best, 300 worst → fast 1, cheap (300-200)/180 = 0.5556, bad 0.
    // cost: 1000 best, 4000 worst → fast 1/3, cheap 1, bad 0.
    expect(f?.scores['latency-p95']).toBeCloseTo(1, 12);
    expect(c?.scores['latency-p95']).toBeCloseTo(100 / 180, 12);
    expect(f?.total).toBeCloseTo(0.25 * 1 + 0.75 * (1 / 3), 12);
    expect(c?.total).toBeCloseTo(0.25 * (100 / 180) + 0.75, 12);
    expect(b?.total).toBe(0);
    expect(result.scenarios.map((s) => s.rank)).toEqual([2, 1, 3]);
  });

  it('marks the Pareto-optimal scenarios over every metric', () => {
    const result = compareScenarios([fast, cheap, bad], [{ metric: 'monthly-cost', weight: 1 }]);
    expect(result.scenarios.map((s) => [s.name, s.pareto])).toEqual([
      ['fast', true],
      ['cheap', true],
      ['bad', false],
    ]);
  });

  it('leaves a metric that cannot be computed unscored and gives equal scenarios full marks', () => {
    const broken = scenario('broken', 1000, 0.01, [journey(null, null)]);
    const twin = scenario('twin', 1000, 0.01, [journey(100, 0.999)]);
    const result = compareScenarios(
      [broken, twin],
      [
        { metric: 'availability', weight: 1 },
        { metric: 'monthly-cost', weight: 1 },
      ],
    );
    expect(result.scenarios[0]?.values.availability).toBeNull();
    expect(result.scenarios[0]?.scores).toEqual({ availability: 0, 'monthly-cost': 1 });
    expect(result.scenarios[1]?.scores).toEqual({ availability: 1, 'monthly-cost': 1 });
  });

  it('counts values that differ only by rounding as equal (no Pareto point from floating-point noise)', () => {
    const a = scenario('a', 1000, 0.01, [journey(100, 0.9994000490003002)]);
    const b = scenario('b', 1100, 0.011, [journey(110, 0.9994000490004782)]);
    const result = compareScenarios([a, b], [{ metric: 'availability', weight: 1 }]);
    expect(result.scenarios.map((s) => s.pareto)).toEqual([true, false]);
    expect(result.scenarios.map((s) => s.scores.availability)).toEqual([1, 1]);
  });
});
