import { describe, expect, it } from 'vitest';
import { setValue } from '../attribute-values.ts';
import type { Attributes } from '../attributes.ts';
import { CATEGORY_COLOURS, withDefaults } from './builders.ts';
import { commonSpecs } from './common-attributes.ts';
import {
  ALL_KINDS,
  BOUNDARY_KINDS,
  COMPONENT_KINDS,
  CONNECTION_KINDS,
  attributeError,
  attributeProblems,
  componentAttributeProblems,
  connectionAttributeProblems,
  connectionKindSpecs,
  defaultAttributes,
  defaultConnectionAttributes,
  defaultsOf,
  getConnectionKindSpec,
  getKindSpec,
  kindSpecs,
  readNumber,
} from './index.ts';
import { ML_LIFECYCLE_KEYS } from './ml-attributes.ts';
import type { AttrSpec, ComponentKind } from './types.ts';

const MODEL_KINDS: readonly ComponentKind[] = [
  'online-inference',
  'model-server',
  'llm-endpoint',
  'embedding-service',
  'batch-scoring',
];

// DOMAIN.md §1 common attributes, minus name (a component field, not an attribute).
const DOMAIN_COMMON_KEYS = [
  'team cost_center tier region zones replicas autoscaling min_replicas max_replicas managed',
  'vendor_external network_exposure multi_tenant p50_ms p95_ms p99_ms cold_start_ms',
  'capacity_rps_per_replica availability mttr_min redundancy_mode fixed_monthly_usd',
  // Format 2 (DOMAIN.md §2.0: availability scope, k of n replicas).
  'availability_scope replicas_needed',
  'hourly_usd_per_replica per_1k_requests_usd stored_gb per_gb_month_usd egress_per_gb_usd',
  'gpu_type gpu_count data_classes encryption_at_rest certifications audit_logging',
  'log_retention_days retention_days lineage_tracked uses_credentials trust',
]
  .join(' ')
  .split(' ');

const allSpecSets: { owner: string; attributes: readonly AttrSpec[] }[] = [
  ...kindSpecs.map((k) => ({ owner: k.kind, attributes: k.attributes })),
  ...connectionKindSpecs.map((k) => ({ owner: `${k.kind} connection`, attributes: k.attributes })),
];

function keysOf(kind: ComponentKind): string[] {
  return getKindSpec(kind).attributes.map((a) => a.key);
}

/** A number attribute that must be known. */
function known(bag: Attributes, key: string): number {
  const value = readNumber(bag, key);
  if (value === null) throw new Error(`${key} is unknown`);
  return value;
}

function specOf(kind: ComponentKind, key: string): AttrSpec {
  const spec = getKindSpec(kind).attributes.find((a) => a.key === key);
  if (!spec) throw new Error(`${kind} has no ${key}`);
  return spec;
}

/** WCAG relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const channels = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  const [r, g, b] = channels.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [
    number,
    number,
    number,
  ];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

describe('kind catalog coverage', () => {
  it('has exactly one spec per kind and no others', () => {
    const names = kindSpecs.map((k) => k.kind);
    expect(new Set(names).size).toBe(names.length);
    expect([...names].sort()).toEqual([...ALL_KINDS].sort());
  });

  it('has exactly one spec per connection kind and no others', () => {
    const names = connectionKindSpecs.map((k) => k.kind);
    expect(new Set(names).size).toBe(names.length);
    expect([...names].sort()).toEqual([...CONNECTION_KINDS].sort());
  });

  it('flags boundaries and only boundaries, and lists them last in the palette', () => {
    for (const spec of kindSpecs) {
      expect(spec.boundary, spec.kind).toBe((BOUNDARY_KINDS as readonly string[]).includes(spec.kind));
    }
    expect(kindSpecs.slice(-BOUNDARY_KINDS.length).every((k) => k.boundary)).toBe(true);
  });

  it('gives every kind a label, description, short unique icon and a category colour', () => {
    const icons = new Set<string>();
    for (const spec of kindSpecs) {
      expect(spec.label.trim(), spec.kind).not.toBe('');
      expect(spec.description.trim(), spec.kind).not.toBe('');
      expect(spec.icon.length, spec.kind).toBeGreaterThanOrEqual(1);
      expect(spec.icon.length, spec.kind).toBeLessThanOrEqual(3);
      expect(icons.has(spec.icon), `duplicate icon ${spec.icon}`).toBe(false);
      icons.add(spec.icon);
      expect(spec.colour).toBe(CATEGORY_COLOURS[spec.category]);
    }
  });

  it('uses a distinct colour per category, readable on white and on a dark canvas', () => {
    const colours = Object.values(CATEGORY_COLOURS);
    expect(new Set(colours).size).toBe(colours.length);
    for (const colour of colours) {
      expect(colour).toMatch(/^#[0-9a-f]{6}$/);
      expect(contrast(colour, '#ffffff'), colour).toBeGreaterThanOrEqual(3);
      expect(contrast(colour, '#121212'), colour).toBeGreaterThanOrEqual(3);
    }
  });

  it('lists failure modes without repeats, and at least one for every component kind', () => {
    for (const spec of kindSpecs) {
      expect(new Set(spec.failureModes).size, spec.kind).toBe(spec.failureModes.length);
      if (!spec.boundary) expect(spec.failureModes.length, spec.kind).toBeGreaterThan(0);
    }
    expect(getKindSpec('llm-endpoint').failureModes).toContain('cost-runaway');
    for (const kind of MODEL_KINDS) {
      expect(getKindSpec(kind).failureModes, kind).toEqual(
        expect.arrayContaining(['wrong-output', 'bad-release']),
      );
    }
    for (const kind of ['database', 'object-store', 'feature-store', 'vector-db', 'cache'] as const) {
      expect(getKindSpec(kind).failureModes, kind).toEqual(
        expect.arrayContaining(['stale-data', 'data-leak']),
      );
    }
  });
});

describe('attribute specs', () => {
  it('keeps keys unique within each kind and connection kind', () => {
    for (const { owner, attributes } of allSpecSets) {
      const keys = attributes.map((a) => a.key);
      expect(new Set(keys).size, owner).toBe(keys.length);
    }
  });

  it('gives every spec a snake_case key, a label and help', () => {
    for (const { owner, attributes } of allSpecSets) {
      for (const spec of attributes) {
        expect(spec.key, owner).toMatch(/^[a-z][a-z0-9]*(_[a-z0-9]+)*(_1M)?$/);
        expect(spec.label.trim(), `${owner}.${spec.key}`).not.toBe('');
        expect(spec.help.trim(), `${owner}.${spec.key}`).not.toBe('');
      }
    }
  });

  it('keeps every default inside its bounds and values', () => {
    for (const { owner, attributes } of allSpecSets) {
      for (const spec of attributes) {
        const where = `${owner}.${spec.key}`;
        const value = spec.default;
        if (value === null) {
          expect(spec.optional, `${where} defaults to unknown but is not optional`).toBe(true);
          continue;
        }
        if (spec.type === 'number' || spec.type === 'integer') {
          expect(typeof value, where).toBe('number');
          if (spec.min !== undefined) expect(value, where).toBeGreaterThanOrEqual(spec.min);
          if (spec.max !== undefined) expect(value, where).toBeLessThanOrEqual(spec.max);
          if (spec.min !== undefined && spec.max !== undefined)
            expect(spec.min, where).toBeLessThanOrEqual(spec.max);
        }
        if (spec.type === 'enum') expect(spec.values, where).toContain(value);
        if (spec.type === 'set') {
          expect(Array.isArray(value), where).toBe(true);
          for (const member of setValue(value) ?? []) expect(spec.values, where).toContain(member);
        }
        if (spec.type === 'enum' || spec.type === 'set')
          expect(spec.values?.length, where).toBeGreaterThan(0);
      }
    }
  });

  it('gives every kind defaults that validate completely', () => {
    for (const spec of kindSpecs) {
      const errors = attributeProblems(spec.attributes, defaultsOf(spec.attributes), {
        complete: true,
        owner: spec.label,
      });
      expect(errors, spec.kind).toEqual([]);
      expect(componentAttributeProblems(spec.kind, defaultAttributes(spec.kind), true), spec.kind).toEqual(
        [],
      );
    }
    for (const spec of connectionKindSpecs) {
      expect(
        connectionAttributeProblems(spec.kind, defaultConnectionAttributes(spec.kind), true),
        spec.kind,
      ).toEqual([]);
    }
  });

  it('puts every DOMAIN.md common attribute on every component kind, and none on boundaries', () => {
    expect(commonSpecs.map((s) => s.key).sort()).toEqual([...DOMAIN_COMMON_KEYS].sort());
    for (const kind of COMPONENT_KINDS)
      expect(keysOf(kind), kind).toEqual(expect.arrayContaining(DOMAIN_COMMON_KEYS));
    for (const kind of BOUNDARY_KINDS) {
      const keys = keysOf(kind);
      for (const key of ['p50_ms', 'p95_ms', 'availability', 'fixed_monthly_usd', 'hourly_usd_per_replica']) {
        expect(keys, kind).not.toContain(key);
      }
      expect(
        getKindSpec(kind).attributes.some((a) => a.group === 'latency' || a.group === 'cost'),
        kind,
      ).toBe(false);
    }
  });

  it('marks availability as an assumption between 0 and 1 defaulting to three nines', () => {
    const spec = specOf('api-gateway', 'availability');
    expect(spec).toMatchObject({ type: 'number', min: 0, max: 1, assumed: true });
    expect(specOf('database', 'availability').default).toBe(0.999);
  });

  it('carries the ML lifecycle and responsible-AI keys on model kinds only', () => {
    for (const kind of MODEL_KINDS)
      expect(keysOf(kind), kind).toEqual(expect.arrayContaining([...ML_LIFECYCLE_KEYS]));
    expect(ML_LIFECYCLE_KEYS).toEqual(
      expect.arrayContaining([
        'retraining_cadence_days',
        'rollback_ready',
        'deployment_strategy',
        'human_oversight',
      ]),
    );
    expect(keysOf('training-pipeline')).toEqual(
      expect.arrayContaining(['retraining_cadence_days', 'retraining_trigger', 'fairness_eval']),
    );
    expect(keysOf('training-pipeline')).not.toContain('rollback_ready');
    for (const kind of ['api-gateway', 'database', 'cache', 'monitoring'] as const) {
      expect(keysOf(kind), kind).not.toContain('human_oversight');
    }
    expect(specOf('model-server', 'human_oversight').values).toEqual(['none', 'hitl', 'hotl', 'unknown']);
  });

  it('has the kind-specific extras named in DOMAIN.md', () => {
    const expected: Partial<Record<ComponentKind, string[]>> = {
      monitoring: ['monitors', 'alerting', 'oncall'],
      'feature-store': ['online_p99_ms', 'shared_transform'],
      'training-pipeline': [
        'data_validation',
        'model_validation',
        'training_data_versioned',
        'gpu_hours_per_run',
        'runs_per_month',
      ],
      'model-registry': ['lineage', 'signed_artifacts', 'approval_workflow'],
      'llm-endpoint': [
        'avg_in_tokens',
        'avg_out_tokens',
        'price_in_per_1M',
        'price_out_per_1M',
        'ttft_p95_ms',
        'max_output_tokens',
        'zero_data_retention',
        'dpa_in_place',
        'tools_enabled',
        'tokens_per_second',
      ],
      guardrail: ['position', 'checks'],
      'vector-db': ['doc_level_acl', 'tenant_isolation'],
      cache: ['hit_ratio'],
      fallback: ['strategy', 'quality_penalty'],
      'human-review': ['capacity_items_per_h'],
      'api-gateway': ['entry', 'waf', 'rate_limit', 'authn'],
      region: ['region_code', 'provider', 'eea'],
      'trust-boundary': ['trust'],
      environment: ['stage'],
      team: ['team', 'cost_center', 'oncall'],
    };
    for (const [kind, keys] of Object.entries(expected)) {
      expect(keysOf(kind as ComponentKind), kind).toEqual(expect.arrayContaining(keys));
    }
    expect(specOf('guardrail', 'position').values).toEqual(['input', 'output', 'both']);
    expect(specOf('cache', 'hit_ratio')).toMatchObject({ min: 0, max: 1 });
  });

  it('uses realistic per-kind latency defaults', () => {
    const defaults = (kind: ComponentKind) => defaultAttributes(kind);
    expect(defaults('llm-endpoint').p50_ms).toBeGreaterThanOrEqual(1000);
    expect(defaults('cache').p50_ms).toBeLessThanOrEqual(1);
    expect(defaults('feature-store')).toMatchObject({ p50_ms: 5, p95_ms: 10 });
    expect(defaults('model-server').gpu_type).not.toBe('none');
    for (const spec of kindSpecs.filter((k) => !k.boundary)) {
      const d = defaults(spec.kind);
      expect(known(d, 'p95_ms'), spec.kind).toBeGreaterThanOrEqual(known(d, 'p50_ms'));
      expect(known(d, 'max_replicas'), spec.kind).toBeGreaterThanOrEqual(known(d, 'min_replicas'));
    }
  });
});

describe('catalog values written out by hand (DOMAIN.md §1)', () => {
  /** A spec without its label and help, which are prose. */
  function shape(kind: ComponentKind, key: string): Omit<AttrSpec, 'label' | 'help'> {
    const { label: _label, help: _help, ...rest } = specOf(kind, key);
    return rest;
  }

  it('gives the common deployment and availability attributes their documented types, bounds and defaults', () => {
    expect(shape('cache', 'tier')).toEqual({
      key: 'tier',
      type: 'integer',
      group: 'ownership',
      default: 2,
      min: 1,
      max: 3,
    });
    expect(shape('cache', 'zones')).toMatchObject({ type: 'integer', default: 1, min: 1 });
    expect(shape('cache', 'autoscaling')).toEqual({
      key: 'autoscaling',
      type: 'boolean',
      group: 'deployment',
      default: false,
    });
    expect(shape('cache', 'availability')).toEqual({
      key: 'availability',
      type: 'number',
      group: 'availability',
      default: 0.999,
      min: 0,
      max: 1,
      assumed: true,
    });
    expect(shape('cache', 'mttr_min')).toMatchObject({ type: 'number', unit: 'min', default: 60 });
    expect(shape('cache', 'redundancy_mode')).toMatchObject({
      type: 'enum',
      values: ['none', 'active-active', 'active-passive'],
    });
    expect(shape('cache', 'p99_ms')).toMatchObject({
      type: 'number',
      unit: 'ms',
      default: null,
      optional: true,
    });
  });

  it('lists the documented values of the compliance and ML lifecycle enums and sets', () => {
    expect(shape('database', 'data_classes')).toMatchObject({
      type: 'set',
      values: ['public', 'internal', 'confidential', 'pii', 'phi', 'pci'],
    });
    expect(shape('database', 'encryption_at_rest')).toMatchObject({
      type: 'enum',
      values: ['none', 'provider', 'cmk', 'unknown'],
    });
    expect(shape('model-server', 'deployment_strategy').values).toEqual([
      'all-at-once',
      'rolling',
      'blue-green',
      'canary',
      'shadow',
      'unknown',
    ]);
  });

  it('gives a handful of kinds their typical defaults', () => {
    expect(defaultAttributes('cache')).toMatchObject({
      p50_ms: 0.5,
      p95_ms: 2,
      replicas: 2,
      autoscaling: false,
      hit_ratio: 0.6,
      hourly_usd_per_replica: 0.1,
    });
    expect(defaultAttributes('model-server')).toMatchObject({
      p50_ms: 25,
      p95_ms: 70,
      autoscaling: true,
      min_replicas: 2,
      max_replicas: 6,
      hourly_usd_per_replica: 1.2,
      gpu_type: 'a10g',
      human_oversight: 'none',
    });
    expect(defaultAttributes('llm-endpoint')).toMatchObject({
      p50_ms: 3500,
      p95_ms: 8000,
      ttft_p95_ms: 1200,
      managed: true,
      vendor_external: true,
    });
    expect(defaultAttributes('api-gateway')).toMatchObject({ entry: true, replicas: 1, tier: 2 });
    expect(defaultAttributes('region')).toEqual({ region_code: null, provider: 'unknown', eea: false });
  });

  it('gives a call the documented connection defaults', () => {
    expect(defaultConnectionAttributes('call')).toMatchObject({
      mode: 'sync',
      calls_per_request: 1,
      probability: 1,
      criticality: 'hard',
      timeout_ms: null,
      retries: 0,
      backoff: 'none',
      network_p50_ms: 1,
      network_p95_ms: 3,
      transfer_mechanism: 'none',
    });
  });
});

describe('connection defaults', () => {
  it('makes calls sync and hard, events async over kafka, observes soft monitoring', () => {
    expect(defaultConnectionAttributes('call')).toMatchObject({
      mode: 'sync',
      criticality: 'hard',
      probability: 1,
    });
    expect(defaultConnectionAttributes('event')).toMatchObject({ mode: 'async', protocol: 'kafka' });
    expect(defaultConnectionAttributes('observes')).toMatchObject({
      purpose: 'monitoring',
      criticality: 'soft',
    });
    expect(defaultConnectionAttributes('fallback')).toMatchObject({ mode: 'sync', criticality: 'soft' });
    expect(defaultConnectionAttributes('deploy')).toMatchObject({ purpose: 'deployment' });
    expect(defaultConnectionAttributes('call')).toMatchObject({
      timeout_ms: null,
      retries: 0,
      backoff: 'none',
    });
  });

  it('carries the same keys on every connection kind, except that a fallback has no probability', () => {
    const keys = getConnectionKindSpec('call').attributes.map((a) => a.key);
    for (const spec of connectionKindSpecs)
      expect(
        spec.attributes.map((a) => a.key),
        spec.kind,
      ).toEqual(spec.kind === 'fallback' ? keys.filter((k) => k !== 'probability') : keys);
    // Groups and fallback primaries are entities and references since format 2, not attributes.
    for (const gone of ['parallel_group', 'join', 'join_k']) expect(keys).not.toContain(gone);
    expect(keys).toEqual(
      expect.arrayContaining([
        'fanout_mode',
        'payload_kb',
        'network_p95_ms',
        'transfer_mechanism',
        'purpose',
      ]),
    );
  });
});

describe('validation against the catalog', () => {
  it('rejects availability above 1, naming the attribute and the bound', () => {
    const error = attributeError(specOf('model-server', 'availability'), 1.5);
    expect(error).toContain('"Availability"');
    expect(error).toContain('at most 1');
    expect(attributeError(specOf('model-server', 'availability'), 0.9995)).toBeNull();
  });

  it('rejects negative and fractional values where the spec forbids them', () => {
    expect(attributeError(specOf('cache', 'p50_ms'), -1)).toContain('at least 0 ms');
    expect(attributeError(specOf('cache', 'replicas'), 1.5)).toContain('whole number');
    expect(attributeError(specOf('cache', 'tier'), 4)).toContain('at most 3');
  });

  it('rejects wrong types', () => {
    expect(attributeError(specOf('cache', 'p50_ms'), 'fast')).toContain('must be a number');
    expect(attributeError(specOf('cache', 'autoscaling'), 'yes')).toContain('yes or no');
    expect(attributeError(specOf('cache', 'data_classes'), 'pii')).toContain('must be a list');
    expect(attributeError(specOf('cache', 'region'), 42)).toContain('must be text');
  });

  it('rejects values outside an enum and unknown set members', () => {
    expect(attributeError(specOf('database', 'encryption_at_rest'), 'rot13')).toContain('must be one of');
    const error = attributeError(specOf('database', 'data_classes'), ['pii', 'secret-sauce']);
    expect(error).toContain('secret-sauce');
    expect(error).not.toContain('does not allow pii');
    expect(attributeError(specOf('monitoring', 'monitors'), ['drift', 'vibes'])).toContain('vibes');
  });

  it('accepts null only for optional attributes', () => {
    expect(attributeError(specOf('model-server', 'p99_ms'), null)).toBeNull();
    expect(attributeError(specOf('model-server', 'p50_ms'), null)).toContain('cannot be left unknown');
  });

  it('rejects an unknown key and reports missing ones when complete', () => {
    const errors = componentAttributeProblems(
      'cache',
      { ...defaultAttributes('cache'), hit_rate: 0.5 },
      true,
    );
    expect(errors).toEqual([{ key: 'hit_rate', message: 'Cache components have no attribute "hit_rate".' }]);
    const missing = componentAttributeProblems('cache', { hit_ratio: 0.5 }, true);
    expect(missing.some((p) => p.key === 'p50_ms' && p.message.endsWith('is missing.'))).toBe(true);
    expect(componentAttributeProblems('cache', { hit_ratio: 0.5 }, false)).toEqual([]);
  });

  it('refuses a default override that names no attribute', () => {
    expect(() => withDefaults(commonSpecs, { p50ms: 5 })).toThrow('"p50ms"');
  });
});
