import { describe, expect, it } from 'vitest';
import { buildGraph } from '../testing/graph-spec.ts';
import type { GraphSpec } from '../testing/graph-spec.ts';
import { analyzeCost } from './analyze.ts';

/* Each item of a component's bill, priced by hand at 1 rps: 2,628,000 requests a month. */

function lines(spec: GraphSpec) {
  const cost = analyzeCost(buildGraph(spec));
  return { cost, line: (id: string) => cost.byComponent.find((l) => l.componentId === id) };
}

describe('component bills', () => {
  it('prices LLM tokens in and out, and embedded tokens in only', () => {
    const { line, cost } = lines({
      components: [
        { id: 'app' },
        {
          id: 'llm',
          kind: 'llm-endpoint',
          llm: {
            ttftP50Ms: 0,
            ttftP95Ms: 0,
            tokensPerSecond: 50,
            avgInTokens: 500,
            avgOutTokens: 200,
            priceInPer1MUsd: 3,
            priceOutPer1MUsd: 15,
          },
        },
        { id: 'embed', kind: 'embedding-service', tokens: { avgInTokens: 300, priceInPer1MUsd: 0.02 } },
      ],
      connections: [
        { from: 'app', to: 'llm' },
        { from: 'app', to: 'embed', callsPerRequest: 2 },
      ],
      journeys: [{ entry: 'app', avgRps: 1 }],
    });
    // (500 × $3 + 200 × $15) / 1M = $0.0045 a call × 2,628,000 calls.
    expect(line('llm')?.tokensUsd).toBeCloseTo(11_826, 9);
    // 300 × $0.02 / 1M = $0.000006 a call × 5,256,000 calls.
    expect(line('embed')?.tokensUsd).toBeCloseTo(31.536, 9);
    expect(cost.variableUsd).toBeCloseTo(11_826 + 31.536, 9);
  });

  it('prices storage per GB-month as a fixed cost', () => {
    const { line, cost } = lines({
      components: [{ id: 'lake', kind: 'object-store', storedGb: 500, perGbMonthUsd: 0.023 }],
    });
    expect(line('lake')?.storageUsd).toBeCloseTo(11.5, 12);
    expect(cost.fixedUsd).toBeCloseTo(11.5, 12);
  });

  it('bills egress to the side that sends the bulk: the target of a call, the source of an event', () => {
    const { line, cost } = lines({
      components: [
        { id: 'svc', egressPerGbUsd: 0.05 },
        { id: 'vendor', kind: 'external-api', egressPerGbUsd: 0.09 },
        { id: 'stream', kind: 'stream', egressPerGbUsd: 1 },
      ],
      connections: [
        { from: 'svc', to: 'vendor', payloadKb: 10 },
        { from: 'svc', to: 'stream', kind: 'event', payloadKb: 2 },
      ],
      journeys: [{ entry: 'svc', avgRps: 1 }],
    });
    // Call: 2,628,000 × 10 KB = 26.28 GB leaving the vendor × $0.09.
    expect(line('vendor')?.egressUsd).toBeCloseTo(2.3652, 9);
    // Event: 2,628,000 × 2 KB = 5.256 GB leaving the service × $0.05; the stream sends nothing.
    expect(line('svc')?.egressUsd).toBeCloseTo(0.2628, 9);
    expect(line('stream')?.egressUsd).toBe(0);
    expect(cost.variableUsd).toBeCloseTo(2.3652 + 0.2628, 9);
    expect(cost.perJourney[0]?.variableUsd).toBeCloseTo(2.3652 + 0.2628, 9);
  });

  it('counts an unknown payload as no egress and notes the assumption', () => {
    const { line, cost } = lines({
      components: [{ id: 'svc' }, { id: 'vendor', egressPerGbUsd: 0.09 }, { id: 'db' }],
      connections: [
        { from: 'svc', to: 'vendor' },
        { from: 'svc', to: 'db' },
      ],
      journeys: [{ entry: 'svc', avgRps: 1 }],
    });
    expect(line('vendor')?.egressUsd).toBe(0);
    // Only where it matters: the database has no egress price.
    expect(cost.assumptions).toEqual([
      expect.objectContaining({ elementId: 'svc>vendor', key: 'payload_kb', reason: 'unknown', value: null }),
    ]);
  });

  it('prices scheduled runs, with no always-on replica-hours for a component billed per run', () => {
    const { line, cost } = lines({
      components: [
        {
          id: 'train',
          kind: 'training-pipeline',
          hourlyUsdPerReplica: 0.5,
          scheduled: { runsPerMonth: 4, hoursPerRun: 6, usdPerHour: 1.2 },
        },
        {
          id: 'batch',
          kind: 'batch-scoring',
          hourlyUsdPerReplica: 0.8,
          scheduled: { runsPerMonth: 30, hoursPerRun: 1, usdPerHour: 0.8 },
        },
      ],
    });
    expect(line('train')?.scheduledUsd).toBeCloseTo(28.8, 12); // 4 runs × 6 GPU-h × $1.20
    expect(line('train')?.computeUsd).toBe(0);
    expect(line('batch')?.totalUsd).toBeCloseTo(24, 12); // 30 runs × 1 h × $0.80
    expect(cost.fixedUsd).toBeCloseTo(52.8, 12);
  });
});
