import { describe, expect, it } from 'vitest';
import { applyOperations, validateDesign } from './apply.ts';
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
  designFromTemplate,
} from './factory.ts';

// The catalog's defaults of a cache (DOMAIN.md §1 common attributes with the cache's typical values: sub-ms
// reads, 2 replicas in active-passive, a 60 % hit ratio), written out so a catalog change shows up here.
const CACHE_DEFAULTS = {
  team: null,
  cost_center: null,
  tier: 2,
  region: null,
  zones: 1,
  replicas: 2,
  autoscaling: false,
  min_replicas: 1,
  max_replicas: 4,
  managed: false,
  vendor_external: false,
  network_exposure: 'vpc',
  multi_tenant: false,
  p50_ms: 0.5,
  p95_ms: 2,
  p99_ms: null,
  cold_start_ms: 0,
  capacity_rps_per_replica: 50_000,
  availability: 0.999,
  mttr_min: 60,
  redundancy_mode: 'active-passive',
  availability_scope: 'per-replica',
  replicas_needed: 1,
  fixed_monthly_usd: 0,
  hourly_usd_per_replica: 0.1,
  per_1k_requests_usd: 0,
  stored_gb: 0,
  per_gb_month_usd: 0,
  egress_per_gb_usd: 0,
  gpu_type: 'none',
  gpu_count: 0,
  data_classes: ['internal'],
  encryption_at_rest: 'unknown',
  certifications: [],
  audit_logging: false,
  log_retention_days: 30,
  retention_days: 1,
  lineage_tracked: false,
  uses_credentials: false,
  trust: 'internal',
  hit_ratio: 0.6,
  ttl_s: 300,
};

// A call: sync, https, hard, once per request, no timeout or retries, 1/3 ms in-zone network (DOMAIN.md §1).
const CALL_DEFAULTS = {
  mode: 'sync',
  protocol: 'https',
  calls_per_request: 1,
  fanout_mode: 'sequential',
  probability: 1,
  criticality: 'hard',
  timeout_ms: null,
  retries: 0,
  payload_kb: null,
  backoff: 'none',
  network_p50_ms: 1,
  network_p95_ms: 3,
  data_classes: ['internal'],
  encryption_in_transit: 'tls',
  authn: 'unknown',
  transfer_mechanism: 'none',
  purpose: 'inference',
};

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
    expect(cache.attributes).toEqual(CACHE_DEFAULTS);
    expect(call.kind).toBe('call');
    expect(call.attributes).toEqual(CALL_DEFAULTS);
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

  it('gives each new component its own copy of the defaults', () => {
    const scenarioId = 's_1';
    const a = createComponent({ scenarioId, kind: 'cache', position: { x: 0, y: 0 } });
    const b = createComponent({ scenarioId, kind: 'cache', position: { x: 0, y: 0 } });
    const classes = a.attributes.data_classes;
    if (!Array.isArray(classes)) throw new Error('a cache has data classes');
    classes.push('pii');
    expect(b.attributes.data_classes).toEqual(['internal']);
  });

  it('makes a design from a template under a new identity and name, without its snapshots', () => {
    const template = createEmptyDesign({ name: 'Real-time inference', description: 'Golden path', now });
    const scenarioId = template.scenarios[0]!.id;
    const server = createComponent({ scenarioId, kind: 'model-server', position: { x: 0, y: 0 } });
    const filled = applyOperations(template, [
      { type: 'component.add', component: server },
      { type: 'snapshot.add', snapshot: createSnapshot({ name: 'v1', content: '{}', now }) },
    ]).design;
    const later = new Date('2026-05-06T07:08:09.000Z');
    const design = designFromTemplate(filled, { name: 'My scorer', now: later });
    expect(design.meta).toEqual({
      ...filled.meta,
      id: design.meta.id,
      name: 'My scorer',
      createdAt: '2026-05-06T07:08:09.000Z',
    });
    expect(design.meta.id).toMatch(/^d_/);
    expect(design.meta.id).not.toBe(filled.meta.id);
    expect(design.meta.description).toBe('Golden path');
    expect(design.scenarios).toEqual(filled.scenarios);
    expect(design.components).toEqual([server]);
    expect(design.snapshots).toEqual([]);
    expect(filled.snapshots).toHaveLength(1);
    expect(filled.meta.name).toBe('Real-time inference');
    expect(validateDesign(design)).toEqual([]);
  });
});
