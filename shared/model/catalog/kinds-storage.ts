import { bool, defineKind, inGroup, int, num, oneOf } from './builders.ts';
import { componentAttributes } from './common-attributes.ts';
import { dataFreshnessSlo } from './ml-attributes.ts';
import type { KindSpec } from './types.ts';

// Stores. Their retention defaults to unknown (not 0 as for stateless kinds): what a store keeps, and for how
// long, is exactly what privacy rules need the user to state. Prices are typical list prices per GB-month.

const freshness = inGroup(dataFreshnessSlo, 'kind');

const storeFailureModes = ['unavailable', 'slow', 'stale-data', 'data-leak'] as const;

const database = defineKind({
  kind: 'database',
  label: 'Database',
  category: 'storage',
  icon: 'DB',
  description: 'Operational database for application state, predictions or conversations.',
  attributes: componentAttributes(
    {
      p50_ms: 3,
      p95_ms: 12,
      capacity_rps_per_replica: 2_000,
      hourly_usd_per_replica: 0.35,
      redundancy_mode: 'active-passive',
      replicas: 2,
      zones: 2,
      mttr_min: 30,
      stored_gb: 100,
      per_gb_month_usd: 0.115,
      retention_days: null,
    },
    [
      oneOf(
        'kind',
        'engine',
        'Engine',
        ['postgres', 'mysql', 'sql-server', 'oracle', 'dynamodb', 'mongodb', 'cassandra', 'spanner', 'other'],
        { default: 'postgres', help: 'Database engine or service.' },
      ),
      num('kind', 'backup_rpo_min', 'Backup RPO', {
        unit: 'min',
        default: 1440,
        min: 0,
        optional: true,
        help: 'Most data you could lose on restore (time between backups); empty means no backups.',
      }),
    ],
  ),
  failureModes: storeFailureModes,
});

const objectStore = defineKind({
  kind: 'object-store',
  label: 'Object store / lake',
  category: 'storage',
  icon: 'OBJ',
  description: 'Blob storage or data lake (S3, GCS, ADLS) for datasets, artefacts and logs.',
  attributes: componentAttributes(
    {
      p50_ms: 30,
      p95_ms: 120,
      capacity_rps_per_replica: 5_000,
      availability: 0.9999,
      managed: true,
      zones: 3,
      redundancy_mode: 'active-active',
      stored_gb: 1_000,
      per_gb_month_usd: 0.023,
      per_1k_requests_usd: 0.0004,
      egress_per_gb_usd: 0.09,
      encryption_at_rest: 'provider',
      retention_days: null,
    },
    [
      bool('kind', 'versioning', 'Versioning', {
        default: false,
        help: 'Overwritten objects keep earlier versions; needed to reproduce training data.',
      }),
      bool('kind', 'public_access_blocked', 'Public access blocked', {
        default: true,
        help: 'An account-level block stops buckets from being made public by mistake.',
      }),
    ],
  ),
  failureModes: storeFailureModes,
});

const dataWarehouse = defineKind({
  kind: 'data-warehouse',
  label: 'Data warehouse',
  category: 'storage',
  icon: 'DW',
  description: 'Analytical store (BigQuery, Snowflake, Redshift) for reporting and offline features.',
  attributes: componentAttributes(
    {
      p50_ms: 1_500,
      p95_ms: 6_000,
      capacity_rps_per_replica: 20,
      managed: true,
      availability: 0.999,
      zones: 3,
      redundancy_mode: 'active-active',
      fixed_monthly_usd: 400,
      stored_gb: 500,
      per_gb_month_usd: 0.023,
      encryption_at_rest: 'provider',
      retention_days: null,
    },
    [
      bool('kind', 'row_level_security', 'Row/column security', {
        default: false,
        help: 'Access policies restrict rows or columns (e.g. masking pii) per reader.',
      }),
      freshness,
    ],
  ),
  failureModes: storeFailureModes,
});

const featureStore = defineKind({
  kind: 'feature-store',
  label: 'Feature store',
  category: 'storage',
  icon: 'FS',
  description: 'Serves the same features online (low latency) and offline (training) from one definition.',
  attributes: componentAttributes(
    {
      p50_ms: 5,
      p95_ms: 10,
      capacity_rps_per_replica: 5_000,
      managed: true,
      zones: 2,
      redundancy_mode: 'active-active',
      fixed_monthly_usd: 600,
      retention_days: null,
      data_freshness_slo_min: 60,
    },
    [
      num('kind', 'online_p99_ms', 'Online p99', {
        unit: 'ms',
        default: 15,
        min: 0,
        max: 60_000,
        help: 'Tail latency of online lookups; real-time paths usually need ≤ 10 ms.',
      }),
      bool('kind', 'shared_transform', 'Shared transforms', {
        default: false,
        help: 'Online and offline features come from the same transformation code (prevents training-serving skew).',
      }),
      bool('kind', 'point_in_time_joins', 'Point-in-time joins', {
        default: false,
        help: 'Training sets use feature values as of each label time, so no future data leaks into training.',
      }),
      freshness,
    ],
  ),
  failureModes: ['unavailable', 'slow', 'wrong-output', 'stale-data', 'data-leak'],
});

const vectorDb = defineKind({
  kind: 'vector-db',
  label: 'Vector database',
  category: 'storage',
  icon: 'VDB',
  description: 'Approximate nearest-neighbour index over embeddings for retrieval (RAG, recommendations).',
  attributes: componentAttributes(
    {
      p50_ms: 10,
      p95_ms: 35,
      capacity_rps_per_replica: 500,
      replicas: 2,
      redundancy_mode: 'active-active',
      hourly_usd_per_replica: 0.5,
      stored_gb: 50,
      per_gb_month_usd: 0.25,
      retention_days: null,
    },
    [
      bool('kind', 'doc_level_acl', 'Document-level ACL', {
        default: false,
        help: "Retrieval filters by the caller's permissions on each document (OWASP LLM08).",
      }),
      oneOf(
        'kind',
        'tenant_isolation',
        'Tenant isolation',
        ['none', 'metadata-filter', 'namespace', 'dedicated', 'unknown'],
        {
          default: 'none',
          help: 'How tenants are kept apart: a query filter, separate namespaces or indexes.',
        },
      ),
      oneOf('kind', 'index_type', 'Index', ['hnsw', 'ivf', 'diskann', 'flat', 'other'], {
        default: 'hnsw',
        help: 'ANN index family; trades recall, memory and build time.',
      }),
      num('kind', 'vectors_millions', 'Vectors', {
        unit: 'M',
        default: 1,
        min: 0,
        help: 'Indexed vectors, in millions.',
      }),
    ],
  ),
  failureModes: ['unavailable', 'slow', 'wrong-output', 'stale-data', 'data-leak'],
});

const cache = defineKind({
  kind: 'cache',
  label: 'Cache',
  category: 'storage',
  icon: 'KV',
  description: 'In-memory key-value cache (Redis, Memcached) in front of slower or costlier calls.',
  attributes: componentAttributes(
    {
      p50_ms: 0.5,
      p95_ms: 2,
      capacity_rps_per_replica: 50_000,
      replicas: 2,
      redundancy_mode: 'active-passive',
      hourly_usd_per_replica: 0.1,
      retention_days: 1,
    },
    [
      num('kind', 'hit_ratio', 'Hit ratio', {
        default: 0.6,
        min: 0,
        max: 1,
        assumed: true,
        help: 'Share of lookups served from the cache; calls behind it happen with probability 1 − hit ratio.',
      }),
      int('kind', 'ttl_s', 'Time to live', {
        unit: 's',
        default: 300,
        min: 0,
        max: 31_536_000,
        optional: true,
        help: 'How long an entry stays valid; bounds how stale a cached answer can be.',
      }),
    ],
  ),
  failureModes: ['unavailable', 'slow', 'stale-data', 'data-leak'],
});

/** Store kinds in palette order. */
export const storageKinds: readonly KindSpec[] = [
  database,
  objectStore,
  dataWarehouse,
  featureStore,
  vectorDb,
  cache,
];
