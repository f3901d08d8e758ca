import type { AttrValue } from '../attributes.ts';

export const COMPONENT_KINDS = [
  'client-app',
  'api-gateway',
  'online-inference',
  'model-server',
  'llm-endpoint',
  'embedding-service',
  'guardrail',
  'batch-scoring',
  'training-pipeline',
  'etl-orchestrator',
  'data-source',
  'stream',
  'queue',
  'database',
  'object-store',
  'data-warehouse',
  'feature-store',
  'vector-db',
  'cache',
  'model-registry',
  'experiment-tracking',
  'monitoring',
  'data-validation',
  'ab-router',
  'fallback',
  'human-review',
  'secrets-manager',
  'identity-provider',
  'gpu-cluster',
  'external-api',
] as const;

export const BOUNDARY_KINDS = ['region', 'trust-boundary', 'environment', 'team'] as const;

export const ALL_KINDS = [...COMPONENT_KINDS, ...BOUNDARY_KINDS] as const;
export type ComponentKind = (typeof ALL_KINDS)[number];
export type BoundaryKind = (typeof BOUNDARY_KINDS)[number];

export const CONNECTION_KINDS = [
  'call',
  'data-flow',
  'event',
  'batch-transfer',
  'observes',
  'fallback',
  'deploy',
] as const;
export type ConnectionKind = (typeof CONNECTION_KINDS)[number];

export const DATA_CLASSES = ['public', 'internal', 'confidential', 'pii', 'phi', 'pci'] as const;
export type DataClass = (typeof DATA_CLASSES)[number];

export type AttrType = 'number' | 'integer' | 'boolean' | 'enum' | 'set' | 'string';

/** Where an attribute shows in the inspector. */
export type AttrGroup =
  | 'ownership'
  | 'deployment'
  | 'latency'
  | 'availability'
  | 'cost'
  | 'compliance'
  | 'ml-lifecycle'
  | 'responsible-ai'
  | 'kind'
  | 'connection';

/** One typed attribute of the catalog: its unit, default, bounds or allowed values, and a line of help. */
export interface AttrSpec {
  readonly key: string;
  readonly label: string;
  readonly type: AttrType;
  readonly group: AttrGroup;
  /** Unit shown next to the value, e.g. "ms", "USD/month", "USD/h", "GB", "days", "min", "rps". */
  readonly unit?: string;
  readonly default: AttrValue;
  /** Inclusive bounds for number and integer attributes. */
  readonly min?: number;
  readonly max?: number;
  /** Allowed values for enum (one of) and set (any subset of). */
  readonly values?: readonly string[];
  /** True when null ("unknown" / not set) is an allowed value. */
  readonly optional?: boolean;
  /** True when the default is an assumption the user should replace (shown as "assumed"). */
  readonly assumed?: boolean;
  readonly help: string;
}

export type FailureMode =
  'unavailable' | 'slow' | 'wrong-output' | 'stale-data' | 'data-leak' | 'cost-runaway' | 'bad-release';

export type KindCategory =
  | 'client'
  | 'serving'
  | 'llm'
  | 'data'
  | 'storage'
  | 'mlops'
  | 'operations'
  | 'security'
  | 'compute'
  | 'external'
  | 'boundary';

/** A component kind: how it looks, what it carries and how it can fail. */
export interface KindSpec {
  readonly kind: ComponentKind;
  readonly label: string;
  readonly category: KindCategory;
  /** Colour family, a CSS colour used for the node's accent. */
  readonly colour: string;
  /** A short glyph shown on the node and in the palette (1-3 characters, no image asset needed). */
  readonly icon: string;
  readonly boundary: boolean;
  readonly description: string;
  /** Every attribute of the kind, common ones included, in inspector order. */
  readonly attributes: readonly AttrSpec[];
  readonly failureModes: readonly FailureMode[];
}

export interface ConnectionKindSpec {
  readonly kind: ConnectionKind;
  readonly label: string;
  readonly description: string;
  readonly attributes: readonly AttrSpec[];
}
