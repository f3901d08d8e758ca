import { bool, defineKind, inGroup, int, oneOf, setOf, text } from './builders.ts';
import { componentAttributes } from './common-attributes.ts';
import { dataFreshnessSlo } from './ml-attributes.ts';
import type { AttrSpec, KindSpec } from './types.ts';

// Kinds that produce or move data. Freshness SLOs live here too because stale upstream data is the usual
// cause of silent model decay (Sculley et al. 2015; rule dq-upstream-without-freshness-slo).

const freshness = inGroup(dataFreshnessSlo, 'kind');

const delivery = oneOf(
  'kind',
  'delivery',
  'Delivery guarantee',
  ['at-most-once', 'at-least-once', 'exactly-once'],
  {
    default: 'at-least-once',
    help: 'What consumers can rely on; at-least-once means duplicates must be tolerated.',
  },
);

const dataSource = defineKind({
  kind: 'data-source',
  label: 'Data source',
  category: 'data',
  icon: 'SRC',
  description: 'Where data originates: an application database, event log, vendor feed, uploads or the web.',
  attributes: componentAttributes(
    { p50_ms: 20, p95_ms: 80, trust: 'unknown', retention_days: null, data_classes: ['internal', 'pii'] },
    [
      oneOf(
        'kind',
        'source_type',
        'Source type',
        [
          'application-db',
          'event-log',
          'third-party',
          'user-uploads',
          'web-scrape',
          'sensor',
          'manual',
          'other',
        ],
        { default: 'application-db', help: 'What produces the data; decides how far it can be trusted.' },
      ),
      oneOf(
        'kind',
        'lawful_basis',
        'Lawful basis',
        [
          'consent',
          'contract',
          'legal-obligation',
          'vital-interest',
          'public-task',
          'legitimate-interest',
          'not-personal',
          'unknown',
        ],
        { default: 'unknown', help: 'GDPR Art. 6 basis for processing personal data it contains.' },
      ),
      text('kind', 'datasheet_url', 'Datasheet', {
        default: null,
        optional: true,
        help: 'Link to its datasheet: motivation, collection, known gaps (Gebru et al., Datasheets for Datasets).',
      }),
      freshness,
    ],
  ),
  failureModes: ['unavailable', 'slow', 'wrong-output', 'stale-data', 'data-leak'],
});

const etlOrchestrator = defineKind({
  kind: 'etl-orchestrator',
  label: 'Orchestrator / ETL',
  category: 'data',
  icon: 'ETL',
  description:
    'Schedules and runs pipelines and multi-step workflows (Airflow, Dagster, Step Functions, ...).',
  attributes: componentAttributes(
    { p50_ms: 50, p95_ms: 200, hourly_usd_per_replica: 0.3, uses_credentials: true, lineage_tracked: false },
    [
      oneOf(
        'kind',
        'engine',
        'Engine',
        ['airflow', 'dagster', 'prefect', 'argo', 'step-functions', 'kubeflow', 'custom', 'other'],
        { default: 'airflow', help: 'The workflow engine.' },
      ),
      text('kind', 'schedule', 'Schedule', {
        default: null,
        optional: true,
        help: 'When pipelines run, as cron or prose ("daily 02:00 UTC"); empty for event-driven.',
      }),
      bool('kind', 'retries_configured', 'Task retries', {
        default: true,
        help: 'Failed tasks are retried automatically before anyone is paged.',
      }),
      freshness,
    ],
  ),
  failureModes: ['unavailable', 'slow', 'stale-data', 'cost-runaway'],
});

const stream = defineKind({
  kind: 'stream',
  label: 'Stream',
  category: 'data',
  icon: 'STR',
  description: 'Durable, partitioned event log (Kafka, Kinesis, Pub/Sub) for events and prediction logs.',
  attributes: componentAttributes(
    {
      p50_ms: 5,
      p95_ms: 25,
      capacity_rps_per_replica: 20_000,
      replicas: 3,
      zones: 3,
      redundancy_mode: 'active-active',
      hourly_usd_per_replica: 0.2,
      retention_days: 7,
    },
    [
      int('kind', 'partitions', 'Partitions', {
        default: 12,
        min: 1,
        max: 100_000,
        help: 'Parallelism of consumers; ordering is only kept within a partition.',
      }),
      delivery,
      bool('kind', 'schema_registry', 'Schema registry', {
        default: false,
        help: 'Producers and consumers agree on versioned schemas, so breaking changes are rejected.',
      }),
      freshness,
    ],
  ),
  failureModes: ['unavailable', 'slow', 'stale-data', 'data-leak'],
});

const queue = defineKind({
  kind: 'queue',
  label: 'Queue',
  category: 'data',
  icon: 'Q',
  description: 'Work queue that decouples producers from workers (SQS, RabbitMQ, Cloud Tasks).',
  attributes: componentAttributes(
    {
      p50_ms: 10,
      p95_ms: 40,
      capacity_rps_per_replica: 3_000,
      managed: true,
      zones: 3,
      redundancy_mode: 'active-active',
      per_1k_requests_usd: 0.0004,
      retention_days: 4,
    },
    [
      delivery,
      bool('kind', 'dead_letter_queue', 'Dead-letter queue', {
        default: false,
        help: 'Messages that keep failing are set aside instead of blocking or vanishing.',
      }),
      int('kind', 'max_depth', 'Max backlog', {
        default: null,
        min: 0,
        optional: true,
        help: 'Backlog size that triggers load shedding or an alert; empty means unbounded.',
      }),
    ],
  ),
  failureModes: ['unavailable', 'slow', 'stale-data', 'data-leak'],
});

const dataValidationChecks: AttrSpec = setOf(
  'kind',
  'checks',
  'Checks',
  ['schema', 'ranges', 'nulls', 'duplicates', 'volume', 'distribution', 'freshness', 'referential'],
  { default: ['schema', 'nulls'], help: 'What it verifies before data reaches training or serving.' },
);

const dataValidation = defineKind({
  kind: 'data-validation',
  label: 'Data validation',
  category: 'data',
  icon: 'DV',
  description: 'Checks data against expectations (schema, ranges, distributions) before it is used.',
  attributes: componentAttributes({ p50_ms: 30, p95_ms: 120, hourly_usd_per_replica: 0.1 }, [
    dataValidationChecks,
    oneOf('kind', 'on_failure', 'On failure', ['block', 'quarantine', 'alert'], {
      default: 'alert',
      help: 'What a failed check does: stop the pipeline, set bad rows aside, or only alert.',
    }),
  ]),
  failureModes: ['unavailable', 'slow', 'wrong-output'],
});

/** Data-producing and data-moving kinds in palette order. */
export const dataKinds: readonly KindSpec[] = [dataSource, etlOrchestrator, stream, queue, dataValidation];
