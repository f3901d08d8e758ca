import { describe, expect, it } from 'vitest';
import { applyOperations, validateDesign } from './apply.ts';
import { defaultAttributes, defaultConnectionAttributes } from './catalog/index.ts';
import { designSchema } from './document.ts';
import {
  createComponent,
  createConnection,
  createDecision,
  createEmptyDesign,
  createJourney,
  createRisk,
  createScenario,
  createSnapshot,
} from './factory.ts';

describe('factory', () => {
  const now = new Date('2026-04-05T06:07:08.000Z');

  it('creates a valid empty design with one Baseline scenario', () => {
    const design = createEmptyDesign({ name: 'Recommender', now });
    expect(designSchema.parse(design)).toEqual(design);
    expect(validateDesign(design)).toEqual([]);
    expect(design.scenarios.map((s) => s.name)).toEqual(['Baseline']);
    expect(design.meta.createdAt).toBe('2026-04-05T06:07:08.000Z');
    expect(design.meta.id).toMatch(/^d_/);
    expect(design.scenarios[0]!.id).toMatch(/^s_/);
  });

  it('creates entities with catalog defaults, prefixed ids and default names', () => {
    const design = createEmptyDesign({ name: 'Recommender', now });
    const scenarioId = design.scenarios[0]!.id;
    const region = createComponent({
      scenarioId,
      kind: 'region',
      position: { x: 0, y: 0 },
      size: { width: 600, height: 400 },
    });
    const cache = createComponent({
      scenarioId,
      kind: 'cache',
      position: { x: 10, y: 20 },
      parentId: region.id,
    });
    const client = createComponent({
      scenarioId,
      kind: 'client-app',
      name: 'Web shop',
      position: { x: 0, y: 0 },
    });
    const call = createConnection({ scenarioId, sourceId: client.id, targetId: cache.id });
    const journey = createJourney({ scenarioId, name: 'Browse', entryId: client.id, avgRps: 40 });
    expect(cache).toMatchObject({ kind: 'cache', name: 'Cache', parentId: region.id, size: null });
    expect(cache.id).toMatch(/^c_/);
    expect(cache.attributes).toEqual(defaultAttributes('cache'));
    expect(call).toMatchObject({ kind: 'call', attributes: defaultConnectionAttributes('call') });
    expect(call.id).toMatch(/^e_/);
    expect(journey).toMatchObject({ tier: 2, avgRps: 40, peakRps: 40, p95SloMs: null });
    expect(journey.id).toMatch(/^j_/);
    const decision = createDecision({ title: 'Use a cache', now });
    const risk = createRisk({ findingId: 'no-slo@j_1', status: 'accepted', now });
    const snapshot = createSnapshot({ name: 'v1', content: '{}', now });
    expect(decision).toMatchObject({ status: 'proposed', date: '2026-04-05' });
    expect(
      [decision.id, risk.id, snapshot.id, createScenario({ name: 'K8s' }).id].map((id) => id[0]),
    ).toEqual(['a', 'r', 'n', 's']);
    const { design: full } = applyOperations(design, [
      { type: 'component.add', component: region },
      { type: 'component.add', component: cache },
      { type: 'component.add', component: client },
      { type: 'connection.add', connection: call },
      { type: 'journey.add', journey },
      { type: 'decision.add', decision },
      { type: 'risk.add', risk },
      { type: 'snapshot.add', snapshot },
    ]);
    expect(validateDesign(full)).toEqual([]);
    expect(designSchema.parse(full)).toEqual(full);
  });
});
