import { describe, expect, it } from 'vitest';
import { buildGraph } from './testing/graph-spec.ts';
import { scaleUnavailability, scenarioMetric, tornado } from './sensitivity.ts';

/*
 * A chain gateway → service → database, every call hard and sync, at 50 rps. Worked by hand:
 * availability 0.999 × 0.99 × 0.9999 = 0.988911099; each unavailability doubled or halved moves that product.
 */
const chain = buildGraph({
  components: [
    { id: 'gw', name: 'Gateway', availability: 0.999, p50Ms: 5, p95Ms: 10, per1kRequestsUsd: 0.001 },
    { id: 'svc', name: 'Service', availability: 0.99, p50Ms: 20, p95Ms: 40, fixedMonthlyUsd: 1000 },
    { id: 'db', name: 'Database', availability: 0.9999, p50Ms: 2, p95Ms: 4, fixedMonthlyUsd: 100 },
  ],
  connections: [
    { from: 'gw', to: 'svc' },
    { from: 'svc', to: 'db' },
  ],
  journeys: [{ entry: 'gw', avgRps: 50, peakRps: 50 }],
});

describe('scenarioMetric', () => {
  it('reads availability as the product of a hard chain', () => {
    expect(scenarioMetric(chain, 'availability')).toBeCloseTo(0.999 * 0.99 * 0.9999, 12);
  });

  it('reads monthly cost as the engine prices it', () => {
    // 50 rps × 2,628,000 s = 131.4 M requests × $0.001 / 1000 = $131.40, plus $1,000 and $100.
    expect(scenarioMetric(chain, 'monthly-cost')).toBeCloseTo(1231.4, 9);
  });
});

describe('tornado', () => {
  it('ranks availability by the unavailability each component adds, ÷2 and ×2', () => {
    const t = tornado(chain, 'availability');
    expect(t.base).toBeCloseTo(0.988911099, 12);
    expect(t.bars.map((b) => b.componentId)).toEqual(['svc', 'gw', 'db']);
    const svc = t.bars[0];
    // Service at 0.995 (÷2) and 0.98 (×2).
    expect(svc?.low).toBeCloseTo(0.999 * 0.995 * 0.9999, 12);
    expect(svc?.high).toBeCloseTo(0.999 * 0.98 * 0.9999, 12);
    expect(svc?.input).toContain('unavailability');
  });

  it('moves cost by 20 % of each component’s own bill', () => {
    const t = tornado(chain, 'monthly-cost');
    expect(t.bars.map((b) => b.componentId)).toEqual(['svc', 'gw', 'db']);
    expect(t.bars[0]?.low).toBeCloseTo(1231.4 - 200, 9);
    expect(t.bars[0]?.high).toBeCloseTo(1231.4 + 200, 9);
    expect(t.bars[1]?.high).toBeCloseTo(1231.4 + 0.2 * 131.4, 9);
  });

  it('moves latency only for critical-path components, and in the direction of the service time', () => {
    const t = tornado(chain, 'latency-p95', { criticalComponentIds: ['svc'], latencySamples: 2000 });
    expect(t.bars.map((b) => b.componentId)).toEqual(['svc']);
    const bar = t.bars[0];
    expect(t.base).not.toBeNull();
    expect(bar?.low).toBeLessThan(t.base as number);
    expect(bar?.high).toBeGreaterThan(t.base as number);
    expect(t.method).toContain('2,000 samples');
  });

  it('leaves out components whose move changes nothing, and has no bars without a value', () => {
    const perfect = buildGraph({
      components: [{ id: 'a' }, { id: 'b', availability: 0.9 }],
      connections: [{ from: 'a', to: 'b' }],
      journeys: [{ entry: 'a' }],
    });
    expect(tornado(perfect, 'availability').bars.map((b) => b.componentId)).toEqual(['b']);
    const none = buildGraph({ components: [{ id: 'a', availability: 0.9 }] });
    expect(tornado(none, 'availability')).toMatchObject({ base: null, bars: [] });
  });

  it('keeps a moved availability within 0 and 1', () => {
    const [weak] = buildGraph({ components: [{ id: 'w', availability: 0.3 }] }).components;
    expect(weak && scaleUnavailability(weak, 2).serviceAvailability).toBe(0);
  });
});
