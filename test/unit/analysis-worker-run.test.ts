import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { QUICK_PASS_SAMPLES } from '../../shared/analysis/latency/index.ts';
import { parseDesign } from '../../shared/model/canonical.ts';
import type { AnalysisMessage } from '../../renderer/src/api/analysisProtocol.ts';
import { runAnalysis } from '../../renderer/src/workers/runAnalysis.ts';

/* The worker's run on the real-time template (two scenarios, one journey each), without a worker around it. */
const design = parseDesign(
  readFileSync(new URL('../../resources/templates/real-time-inference.design.json', import.meta.url), 'utf8'),
);
const request = { type: 'analyze', revision: 7, design, scenarioId: 'rt-scenario' } as const;

describe('runAnalysis', () => {
  it('sends cost and availability first, a quick latency pass, the full run, Compare, then tornados', async () => {
    const messages: AnalysisMessage[] = [];
    await runAnalysis(request, { post: (m) => messages.push(m), stale: () => false, pause: async () => {} });
    expect(messages.map((m) => m.type)).toEqual(['scenario', 'latency', 'latency', 'compare', 'sensitivity']);
    expect(messages.every((m) => m.revision === 7)).toBe(true);
    const [scenario, quick, full, compare] = messages;
    if (scenario?.type !== 'scenario' || quick?.type !== 'latency' || full?.type !== 'latency')
      throw new Error();
    // 0.9995 (gateway) × 0.9999 (online features) × nearly 1 for the rest.
    expect(scenario.journeys[0]?.availability.value).toBeCloseTo(0.9995 * 0.9999, 6);
    expect(quick.latency.samples).toBe(QUICK_PASS_SAMPLES);
    expect(quick.latency.complete).toBe(false);
    expect(full.latency.samples).toBe(100_000);
    expect(full.latency.complete).toBe(true);
    if (compare?.type !== 'compare') throw new Error();
    expect(compare.comparison.scenarios.map((s) => s.name)).toEqual(['Baseline', 'Managed endpoint']);
  });

  it('stops at the next step once a newer request is waiting, after the numbers it already has', async () => {
    const messages: AnalysisMessage[] = [];
    let pauses = 0;
    await runAnalysis(request, {
      post: (m) => messages.push(m),
      stale: () => pauses >= 2,
      pause: async () => {
        pauses += 1;
      },
    });
    // Cost, availability and the quick pass never wait; the full run stops after its first chunk.
    expect(messages.map((m) => m.type)).toEqual(['scenario', 'latency']);
  });
});
