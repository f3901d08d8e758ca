import { bool, defineKind, int, num, oneOf, setOf, text } from './builders.ts';
import { componentAttributes } from './common-attributes.ts';
import type { KindSpec } from './types.ts';

// Operations, security, compute and external kinds: what the ML components lean on.

/** The signals a monitor can cover; FMEA detection maps each failure mode to some of them. */
export const MONITOR_SIGNALS = [
  'availability',
  'latency',
  'errors',
  'traffic',
  'saturation',
  'drift',
  'skew',
  'data-quality',
  'freshness',
  'prediction-quality',
  'fairness',
  'groundedness',
  'cost',
  'audit',
] as const;

const monitoring = defineKind({
  kind: 'monitoring',
  label: 'Monitoring',
  category: 'operations',
  icon: 'MON',
  description: 'Metrics, logs, traces and model monitors, with alerting and on-call.',
  attributes: componentAttributes(
    {
      p50_ms: 5,
      p95_ms: 20,
      managed: true,
      fixed_monthly_usd: 300,
      log_retention_days: 30,
      retention_days: 30,
    },
    [
      setOf('kind', 'monitors', 'Monitors', MONITOR_SIGNALS, {
        default: ['availability', 'latency', 'errors', 'traffic'],
        help: 'Signals watched for the components it observes (the four golden signals by default).',
      }),
      bool('kind', 'alerting', 'Alerting', {
        default: true,
        help: 'Breaches raise alerts rather than only showing on a dashboard.',
      }),
      bool('kind', 'oncall', 'On-call', {
        default: false,
        help: 'Alerts page a person on a rota around the clock.',
      }),
      bool('kind', 'auto_remediation', 'Auto-remediation', {
        default: false,
        help: 'Alerts trigger an automatic fix (restart, rollback, failover) before a person acts.',
      }),
    ],
  ),
  failureModes: ['unavailable', 'data-leak', 'cost-runaway'],
});

const humanReview = defineKind({
  kind: 'human-review',
  label: 'Human review',
  category: 'operations',
  icon: 'HR',
  description: 'People who check, correct or decide on cases the model routes to them; also a label source.',
  // A reviewer is a replica: replicas = reviewers, hourly price = loaded hourly wage, capacity = items/h ÷ 3600.
  attributes: componentAttributes(
    {
      p50_ms: 3_600_000,
      p95_ms: 14_400_000,
      capacity_rps_per_replica: 30 / 3600,
      replicas: 5,
      hourly_usd_per_replica: 35,
      data_classes: ['pii'],
      audit_logging: true,
      retention_days: null,
    },
    [
      num('kind', 'capacity_items_per_h', 'Items per reviewer-hour', {
        unit: 'items/h',
        default: 30,
        min: 0,
        max: 100_000,
        help: 'Cases one reviewer handles an hour; with the review rate it sizes the team.',
      }),
      num('kind', 'turnaround_sla_h', 'Turnaround SLA', {
        unit: 'h',
        default: 24,
        min: 0,
        optional: true,
        help: 'Promised time from a case arriving to its decision.',
      }),
    ],
  ),
  failureModes: ['unavailable', 'slow', 'wrong-output', 'data-leak'],
});

const secretsManager = defineKind({
  kind: 'secrets-manager',
  label: 'Secrets manager',
  category: 'security',
  icon: 'KEY',
  description: 'Vault for keys, passwords and tokens, with rotation and audited access.',
  attributes: componentAttributes(
    {
      p50_ms: 5,
      p95_ms: 25,
      availability: 0.9999,
      managed: true,
      zones: 3,
      redundancy_mode: 'active-active',
      per_1k_requests_usd: 0.005,
      encryption_at_rest: 'provider',
      audit_logging: true,
      data_classes: ['confidential'],
      retention_days: null,
    },
    [
      int('kind', 'rotation_days', 'Rotation period', {
        unit: 'days',
        default: 90,
        min: 1,
        max: 3650,
        optional: true,
        help: 'How often secrets are rotated; empty means never.',
      }),
    ],
  ),
  failureModes: ['unavailable', 'data-leak'],
});

const identityProvider = defineKind({
  kind: 'identity-provider',
  label: 'Identity provider',
  category: 'security',
  icon: 'IDP',
  description: 'Authenticates users and services and issues tokens (Okta, Entra ID, Cognito, Keycloak).',
  attributes: componentAttributes(
    {
      p50_ms: 20,
      p95_ms: 80,
      availability: 0.9995,
      managed: true,
      zones: 3,
      redundancy_mode: 'active-active',
      per_1k_requests_usd: 0.005,
      audit_logging: true,
      data_classes: ['pii'],
      retention_days: null,
    },
    [
      setOf('kind', 'protocols', 'Protocols', ['oidc', 'oauth2', 'saml', 'ldap', 'mtls'], {
        default: ['oidc', 'oauth2'],
        help: 'Authentication protocols it offers.',
      }),
      bool('kind', 'mfa', 'MFA', {
        default: true,
        help: 'Human sign-ins need a second factor.',
      }),
    ],
  ),
  failureModes: ['unavailable', 'slow', 'data-leak'],
});

const gpuCluster = defineKind({
  kind: 'gpu-cluster',
  label: 'GPU cluster',
  category: 'compute',
  icon: 'GPU',
  description: 'Pool of accelerator nodes shared by training and serving workloads (one replica = one node).',
  attributes: componentAttributes(
    {
      p50_ms: 0,
      p95_ms: 0,
      capacity_rps_per_replica: 1,
      replicas: 2,
      gpu_type: 'a100-80gb',
      gpu_count: 8,
      hourly_usd_per_replica: 32,
      network_exposure: 'private',
      multi_tenant: true,
    },
    [
      oneOf('kind', 'scheduler', 'Scheduler', ['kubernetes', 'slurm', 'ray', 'managed', 'other'], {
        default: 'kubernetes',
        help: 'What places jobs on the nodes.',
      }),
      num('kind', 'expected_utilization', 'Expected utilisation', {
        default: 0.5,
        min: 0,
        max: 1,
        assumed: true,
        help: 'Average share of GPU time in use; low utilisation means paying for idle accelerators.',
      }),
      bool('kind', 'spot_instances', 'Spot / preemptible', {
        default: false,
        help: 'Nodes may be reclaimed at short notice in exchange for a lower price.',
      }),
    ],
  ),
  failureModes: ['unavailable', 'slow', 'cost-runaway'],
});

const externalApi = defineKind({
  kind: 'external-api',
  label: 'External API',
  category: 'external',
  icon: 'EXT',
  description: 'Third-party service called over the internet (payments, enrichment, KYC, maps).',
  attributes: componentAttributes(
    {
      p50_ms: 80,
      p95_ms: 300,
      availability: 0.999,
      managed: true,
      vendor_external: true,
      network_exposure: 'public',
      trust: 'external',
      per_1k_requests_usd: 1,
      uses_credentials: true,
      retention_days: null,
    },
    [
      text('kind', 'vendor', 'Vendor', {
        default: null,
        optional: true,
        help: 'Company that runs the service.',
      }),
      num('kind', 'vendor_rate_limit_rps', 'Vendor rate limit', {
        unit: 'rps',
        default: null,
        min: 0,
        optional: true,
        help: 'Calls per second the vendor allows before throttling; peaks above it fail or queue.',
      }),
      bool('kind', 'dpa_in_place', 'DPA in place', {
        default: false,
        optional: true,
        help: 'A data processing agreement (GDPR Art. 28) covers what the vendor receives.',
      }),
    ],
  ),
  failureModes: ['unavailable', 'slow', 'wrong-output', 'data-leak', 'cost-runaway'],
});

/** Operations kinds in palette order. */
export const operationsKinds: readonly KindSpec[] = [monitoring, humanReview];

/** Security, compute and external kinds in palette order. */
export const platformKinds: readonly KindSpec[] = [secretsManager, identityProvider, gpuCluster, externalApi];
