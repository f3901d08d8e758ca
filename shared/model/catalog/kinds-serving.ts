import { bool, defineKind, int, num, oneOf } from './builders.ts';
import { componentAttributes } from './common-attributes.ts';
import { mlLifecycleSpecs, responsibleAiSpecs } from './ml-attributes.ts';
import type { KindSpec } from './types.ts';

// Request-path kinds: the client, the edge, inference services and the routing around them.

const clientApp = defineKind({
  kind: 'client-app',
  label: 'Client app',
  category: 'client',
  icon: 'APP',
  description: 'Web, mobile or partner application where user journeys start.',
  // The journey clock starts at the client, so its own processing time is zero by default.
  attributes: componentAttributes(
    { p50_ms: 0, p95_ms: 0, network_exposure: 'public', trust: 'user-generated', data_classes: ['pii'] },
    [
      oneOf('kind', 'platform', 'Platform', ['web', 'mobile', 'desktop', 'backend', 'partner'], {
        default: 'web',
        help: 'Where the client runs; partner and backend clients call on behalf of others.',
      }),
      bool('kind', 'discloses_ai', 'Discloses AI', {
        default: false,
        optional: true,
        help: 'Users are told they interact with an AI system or see AI-generated content (AI Act Art. 50).',
      }),
    ],
  ),
  failureModes: ['unavailable', 'slow', 'bad-release'],
});

const apiGateway = defineKind({
  kind: 'api-gateway',
  label: 'API gateway',
  category: 'serving',
  icon: 'GW',
  description: 'Edge entry point: routing, authentication, rate limits and WAF.',
  attributes: componentAttributes(
    {
      p50_ms: 2,
      p95_ms: 6,
      capacity_rps_per_replica: 10_000,
      availability: 0.9995,
      managed: true,
      zones: 3,
      redundancy_mode: 'active-active',
      network_exposure: 'public',
      per_1k_requests_usd: 0.001,
      trust: 'user-generated',
    },
    [
      bool('kind', 'entry', 'Journey entry', {
        default: true,
        help: 'Journeys may start here (traffic arrives from outside the modelled system).',
      }),
      bool('kind', 'waf', 'WAF', {
        default: false,
        help: 'A web application firewall filters malicious requests before they reach services.',
      }),
      num('kind', 'rate_limit', 'Rate limit', {
        unit: 'rps',
        default: null,
        min: 0,
        optional: true,
        help: 'Per-client request (or token-quota) limit; empty means none, which leaves cost and abuse unbounded.',
      }),
      oneOf('kind', 'authn', 'Authentication', ['none', 'api-key', 'oauth2', 'mtls', 'iam', 'unknown'], {
        default: 'oauth2',
        help: 'How callers prove who they are at the edge.',
      }),
    ],
  ),
  failureModes: ['unavailable', 'slow', 'data-leak', 'cost-runaway', 'bad-release'],
});

const onlineInference = defineKind({
  kind: 'online-inference',
  label: 'Inference service',
  category: 'serving',
  icon: 'INF',
  description: 'Online prediction service with pre- and post-processing around one or more models.',
  attributes: componentAttributes(
    {
      p50_ms: 15,
      p95_ms: 40,
      capacity_rps_per_replica: 200,
      replicas: 2,
      autoscaling: true,
      min_replicas: 2,
      max_replicas: 10,
      zones: 2,
      redundancy_mode: 'active-active',
      hourly_usd_per_replica: 0.2,
      uses_credentials: true,
      cold_start_ms: 5_000,
    },
    mlLifecycleSpecs,
    responsibleAiSpecs,
  ),
  failureModes: ['unavailable', 'slow', 'wrong-output', 'stale-data', 'data-leak', 'bad-release'],
});

const modelServer = defineKind({
  kind: 'model-server',
  label: 'Model server',
  category: 'serving',
  icon: 'MS',
  description: 'Hosts model artefacts behind an inference API (Triton, TorchServe, KServe, vLLM, ...).',
  attributes: componentAttributes(
    {
      p50_ms: 25,
      p95_ms: 70,
      cold_start_ms: 120_000,
      capacity_rps_per_replica: 50,
      replicas: 2,
      autoscaling: true,
      min_replicas: 2,
      max_replicas: 6,
      zones: 2,
      redundancy_mode: 'active-active',
      hourly_usd_per_replica: 1.2,
      gpu_type: 'a10g',
      gpu_count: 1,
      network_exposure: 'private',
    },
    [
      oneOf(
        'kind',
        'serving_framework',
        'Serving framework',
        ['triton', 'torchserve', 'tf-serving', 'kserve', 'vllm', 'bentoml', 'seldon', 'custom', 'other'],
        {
          default: 'custom',
          help: 'The serving runtime; decides batching, multi-model and metrics support.',
        },
      ),
      bool('kind', 'dynamic_batching', 'Dynamic batching', {
        default: false,
        help: 'Requests are grouped into batches on the accelerator: more throughput, a little queueing delay.',
      }),
      int('kind', 'max_batch_size', 'Max batch size', {
        default: 1,
        min: 1,
        max: 4096,
        help: 'Largest batch the server forms when dynamic batching is on.',
      }),
    ],
    mlLifecycleSpecs,
    responsibleAiSpecs,
  ),
  failureModes: ['unavailable', 'slow', 'wrong-output', 'cost-runaway', 'bad-release'],
});

const batchScoring = defineKind({
  kind: 'batch-scoring',
  label: 'Batch scoring',
  category: 'serving',
  icon: 'BS',
  description: 'Scheduled job that scores a dataset and writes predictions for later lookup.',
  // Latency here is job duration: a synchronous call into a batch system is itself a finding.
  attributes: componentAttributes(
    {
      p50_ms: 1_800_000,
      p95_ms: 3_600_000,
      capacity_rps_per_replica: 1,
      hourly_usd_per_replica: 0.8,
      uses_credentials: true,
      data_freshness_slo_min: 1440,
    },
    [
      int('kind', 'runs_per_month', 'Runs per month', {
        default: 30,
        min: 0,
        max: 50_000,
        help: 'Scheduled executions a month.',
      }),
      num('kind', 'hours_per_run', 'Hours per run', {
        unit: 'h',
        default: 1,
        min: 0,
        max: 744,
        help: 'Wall-clock duration of a run; replicas are billed only while running (runs × hours × hourly).',
      }),
      num('kind', 'rows_per_run', 'Rows per run', {
        default: null,
        min: 0,
        optional: true,
        help: 'Records scored per run; a sudden change is a data-quality signal.',
      }),
    ],
    mlLifecycleSpecs,
    responsibleAiSpecs,
  ),
  failureModes: ['unavailable', 'slow', 'wrong-output', 'stale-data', 'cost-runaway', 'bad-release'],
});

const abRouter = defineKind({
  kind: 'ab-router',
  label: 'A/B router',
  category: 'serving',
  icon: 'A/B',
  description: 'Splits traffic between model versions for experiments, canaries or shadow tests.',
  attributes: componentAttributes(
    { p50_ms: 1, p95_ms: 3, capacity_rps_per_replica: 5_000, replicas: 2, redundancy_mode: 'active-active' },
    [
      oneOf(
        'kind',
        'strategy',
        'Routing strategy',
        ['fixed-split', 'canary', 'shadow', 'bandit', 'interleaving'],
        {
          default: 'canary',
          help: 'How traffic is divided; shadow copies requests without serving the answer.',
        },
      ),
      num('kind', 'treatment_share', 'Treatment share', {
        default: 0.05,
        min: 0,
        max: 1,
        help: 'Fraction of traffic sent to the new or treatment version.',
      }),
      bool('kind', 'sticky_assignment', 'Sticky assignment', {
        default: true,
        help: 'A user keeps the same variant across requests (needed for valid experiments).',
      }),
    ],
  ),
  failureModes: ['unavailable', 'slow', 'wrong-output', 'bad-release'],
});

const fallback = defineKind({
  kind: 'fallback',
  label: 'Fallback',
  category: 'serving',
  icon: 'FB',
  description: 'Degraded answer when the primary path fails: rules, defaults, cached or simpler model.',
  attributes: componentAttributes(
    { p50_ms: 2, p95_ms: 6, capacity_rps_per_replica: 2_000, hourly_usd_per_replica: 0.05, replicas: 2 },
    [
      oneOf(
        'kind',
        'strategy',
        'Fallback strategy',
        [
          'static-default',
          'cached-prediction',
          'rules',
          'simpler-model',
          'secondary-provider',
          'queue-for-later',
          'human',
        ],
        { default: 'rules', help: 'What answers when the primary cannot.' },
      ),
      num('kind', 'quality_penalty', 'Quality penalty', {
        default: 0.2,
        min: 0,
        max: 1,
        help: 'Share of answer quality lost against the primary (0 = as good, 1 = useless).',
      }),
    ],
  ),
  failureModes: ['unavailable', 'wrong-output', 'stale-data'],
});

/** Request-path kinds in palette order. */
export const servingKinds: readonly KindSpec[] = [
  clientApp,
  apiGateway,
  onlineInference,
  modelServer,
  batchScoring,
  abRouter,
  fallback,
];
