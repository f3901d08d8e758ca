import { describe, expect, it } from 'vitest';
import { parseDesign } from './canonical.ts';
import { upgradeFormat1To2 } from './upgrade-format2.ts';
import { upgradeDesign } from './upgrade.ts';

/*
 * Format-1 designs are written here as raw JSON, the way a file of that format holds them: connection
 * attributes with parallel_group/join/join_k and hand-typed fallback probabilities, journeys without routes.
 */

type Raw = Record<string, unknown>;

function connection(id: string, sourceId: string, targetId: string, attributes: Raw, kind = 'call'): Raw {
  return { id, scenarioId: 's1', kind, sourceId, targetId, attributes };
}

function format1(connections: Raw[], names: string[] = ['gw', 'svc', 'a', 'b', 'c', 'fb']): Raw {
  return {
    formatVersion: 1,
    meta: {
      id: 'd1',
      name: 'Old design',
      description: '',
      createdAt: '2026-01-01T00:00:00.000Z',
      settings: {
        budget: { monthlyUsd: null, per1kInferencesUsd: null },
        policy: { allowedRegions: {}, maxRetentionDays: {}, eeaRegions: [] },
        aiProfile: { riskTier: 'unknown', intendedPurpose: '', dpiaDone: null },
      },
    },
    scenarios: [{ id: 's1', name: 'Baseline', description: '', viewport: null }],
    components: names.map((name) => ({
      id: name,
      scenarioId: 's1',
      kind: 'online-inference',
      name: `The ${name}`,
      parentId: null,
      position: { x: 0, y: 0 },
      size: null,
      attributes: {},
    })),
    connections,
    journeys: [
      {
        id: 'j1',
        scenarioId: 's1',
        name: 'Predict',
        description: '',
        entryId: 'gw',
        tier: 1,
        avgRps: 10,
        peakRps: 20,
        p95SloMs: 100,
        p99SloMs: null,
        availabilitySlo: 0.999,
      },
    ],
    decisions: [],
    risks: [],
    snapshots: [],
  };
}

const call = (extra: Raw = {}): Raw => ({ mode: 'sync', criticality: 'hard', probability: 1, ...extra });

function upgrade(raw: Raw) {
  const notes: string[] = [];
  const result = upgradeFormat1To2(raw, notes) as {
    connections: Raw[];
    groups: Raw[];
    journeys: Raw[];
    meta: { settings: Raw };
  };
  const byId = new Map(result.connections.map((e) => [e.id as string, e]));
  return { result, notes, byId };
}

describe('upgrade from format 1 to 2', () => {
  it('turns siblings whose probabilities are < 1 and sum to 1 into one exclusive choice', () => {
    const { result, byId, notes } = upgrade(
      format1([
        connection('ab-a', 'svc', 'a', call({ probability: 0.95 })),
        connection('ab-b', 'svc', 'b', call({ probability: 0.05 })),
        connection('always', 'svc', 'c', call()),
      ]),
    );
    expect(result.groups).toEqual([
      expect.objectContaining({
        type: 'exclusive',
        sourceId: 'svc',
        name: 'Choice from The svc',
        join: null,
      }),
    ]);
    const group = result.groups[0]?.id;
    expect(byId.get('ab-a')?.groupId).toBe(group);
    expect(byId.get('ab-b')?.groupId).toBe(group);
    expect(byId.get('always')?.groupId).toBeNull();
    expect(notes).toEqual([]);
  });

  it('leaves independent branches alone when they do not sum to 1', () => {
    const { result } = upgrade(
      format1([
        connection('miss', 'svc', 'a', call({ probability: 0.4 })),
        connection('review', 'svc', 'b', call({ probability: 0.05 })),
      ]),
    );
    expect(result.groups).toEqual([]);
  });

  it('moves parallel_group/join/join_k to one group per name; the first member wins and a note names it', () => {
    const { result, byId, notes } = upgrade(
      format1([
        connection('p1', 'svc', 'a', call({ parallel_group: 'fetch', join: 'k-of-n', join_k: 2 })),
        connection('p2', 'svc', 'b', call({ parallel_group: 'fetch', join: 'any', join_k: null })),
        connection('p3', 'svc', 'c', call({ parallel_group: 'fetch', join: 'k-of-n', join_k: 2 })),
      ]),
    );
    expect(result.groups).toEqual([
      expect.objectContaining({ type: 'parallel', name: 'fetch', join: 'k-of-n', joinK: 2, sourceId: 'svc' }),
    ]);
    expect(new Set([...byId.values()].map((e) => e.groupId))).toEqual(new Set([result.groups[0]?.id]));
    for (const e of byId.values()) {
      expect(e.attributes).not.toHaveProperty('parallel_group');
      expect(e.attributes).not.toHaveProperty('join');
      expect(e.attributes).not.toHaveProperty('join_k');
    }
    expect(notes).toEqual([
      expect.stringContaining('parallel group "fetch" out of "The svc" had different joins'),
    ]);
  });

  it('links a fallback to the one other hard sync call of its source and drops its typed probability', () => {
    const { byId, notes } = upgrade(
      format1([
        connection('main', 'svc', 'a', call()),
        connection('soft', 'svc', 'b', call({ criticality: 'soft' })),
        connection('log', 'svc', 'c', { mode: 'async', criticality: 'hard', probability: 1 }, 'event'),
        connection('fb', 'svc', 'fb', call({ probability: 0.01, criticality: 'soft' }), 'fallback'),
      ]),
    );
    expect(byId.get('fb')?.primaryId).toBe('main');
    expect(byId.get('fb')?.attributes).not.toHaveProperty('probability');
    expect(notes).toEqual([]);
  });

  it('leaves a fallback with several candidate primaries unlinked and says so', () => {
    const { byId, notes } = upgrade(
      format1([
        connection('a', 'svc', 'a', call()),
        connection('b', 'svc', 'b', call()),
        connection('fb', 'svc', 'fb', call({ probability: 0.01 }), 'fallback'),
      ]),
    );
    expect(byId.get('fb')?.primaryId).toBeNull();
    expect(notes).toEqual([
      'The fallback from "The svc" to "The fb" could back up 2 calls of "The svc", so it backs up none for now: ' +
        'select it and choose the call it backs up.',
    ]);
  });

  it('gives every journey the default route, fan-out stays sequential, criteria get defaults', () => {
    const { result, byId } = upgrade(format1([connection('x', 'gw', 'svc', call({ calls_per_request: 3 }))]));
    expect(result.journeys[0]?.route).toBeNull();
    expect((byId.get('x')?.attributes as Raw).fanout_mode).toBe('sequential');
    expect(result.meta.settings.comparison).toEqual({
      criteria: [
        { metric: 'latency-p95', weight: 25 },
        { metric: 'availability', weight: 25 },
        { metric: 'monthly-cost', weight: 25 },
        { metric: 'cost-per-1k', weight: 25 },
      ],
    });
  });

  it('gives the same group ids on every run', () => {
    const raw = format1([
      connection('ab-a', 'svc', 'a', call({ probability: 0.5 })),
      connection('ab-b', 'svc', 'b', call({ probability: 0.5 })),
    ]);
    expect(upgrade(raw).result.groups).toEqual(upgrade(raw).result.groups);
  });

  it('yields a valid format-2 design through the whole chain, with the notes passed on', () => {
    const notes: string[] = [];
    const raw = format1([
      connection('gw-svc', 'gw', 'svc', call()),
      connection('a', 'svc', 'a', call({ probability: 0.7 })),
      connection('b', 'svc', 'b', call({ probability: 0.3 })),
      connection('fb', 'svc', 'fb', call({ probability: 0.02 }), 'fallback'),
    ]);
    raw.components = (raw.components as Raw[]).map((c) => ({ ...c, attributes: undefined }));
    const upgraded = upgradeDesign(raw, undefined, notes) as Raw;
    expect(upgraded.formatVersion).toBe(2);
    expect(notes).toEqual([expect.stringContaining('could back up 2 calls')]);
  });

  it('reads a format-1 canonical JSON file into a valid format-2 design', () => {
    const raw = format1([
      connection('gw-svc', 'gw', 'svc', call()),
      connection('fb', 'svc', 'fb', call({ probability: 0.02 }), 'fallback'),
      connection('svc-a', 'svc', 'a', call()),
    ]);
    const design = parseDesign(JSON.stringify(stripToCatalog(raw)));
    expect(design.formatVersion).toBe(2);
    expect(design.connections.find((e) => e.id === 'fb')?.primaryId).toBe('svc-a');
    expect(design.groups).toEqual([]);
    expect(design.journeys[0]?.route).toBeNull();
  });
});

/** Gives the raw design's entities complete format-1 attribute bags, as a format-1 file would hold. */
function stripToCatalog(raw: Raw): Raw {
  const connections = (raw.connections as Raw[]).map((e) => ({
    ...e,
    attributes: {
      ...format1ConnectionDefaults(e.kind as string),
      ...(e.attributes as Raw),
    },
  }));
  return { ...raw, connections };
}

/** The connection attributes of catalog 1 (before format 2 moved groups and primaries out of them). */
function format1ConnectionDefaults(kind: string): Raw {
  return {
    mode: 'sync',
    protocol: 'https',
    calls_per_request: 1,
    probability: kind === 'fallback' ? 0.01 : 1,
    parallel_group: null,
    join: 'all',
    join_k: null,
    criticality: kind === 'fallback' ? 'soft' : 'hard',
    timeout_ms: null,
    retries: 0,
    backoff: 'none',
    network_p50_ms: 1,
    network_p95_ms: 3,
    data_classes: ['internal'],
    encryption_in_transit: 'tls',
    authn: 'unknown',
    transfer_mechanism: 'none',
    purpose: 'inference',
  };
}
