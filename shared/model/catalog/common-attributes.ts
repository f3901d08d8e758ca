import type { AttrValue } from '../attributes.ts';
import { bool, int, num, oneOf, setOf, text, withDefaults } from './builders.ts';
import type { AttrSpec } from './types.ts';
import { DATA_CLASSES } from './types.ts';

// The attributes every (non-boundary) component carries, after DOMAIN.md §1 "Common attributes".
// Defaults are generic "typical" values; each kind overrides the ones that differ (see componentAttributes).

const DAY_MS = 86_400_000;

export const GPU_TYPES = [
  'none',
  't4',
  'l4',
  'a10g',
  'l40s',
  'a100-40gb',
  'a100-80gb',
  'h100',
  'h200',
  'b200',
  'mi300x',
  'tpu',
  'other',
  'unknown',
] as const;

export const CERTIFICATIONS = [
  'soc2',
  'iso27001',
  'iso42001',
  'hipaa',
  'pci-dss',
  'gdpr-dpa',
  'fedramp',
] as const;

export const TRUST_LEVELS = ['internal', 'partner', 'external', 'user-generated', 'web', 'unknown'] as const;

export const ownershipSpecs: readonly AttrSpec[] = [
  text('ownership', 'team', 'Team', {
    default: null,
    optional: true,
    help: 'Team that owns and operates the component; used for cost breakdown and ownership findings.',
  }),
  text('ownership', 'cost_center', 'Cost center', {
    default: null,
    optional: true,
    help: 'Cost center its spend is charged to; empty spend is reported as unattributed.',
  }),
  int('ownership', 'tier', 'Tier', {
    default: 2,
    min: 1,
    max: 3,
    help: 'Business criticality: 1 = critical, 2 = important, 3 = best effort.',
  }),
];

export const deploymentSpecs: readonly AttrSpec[] = [
  text('deployment', 'region', 'Region', {
    default: null,
    optional: true,
    help: 'Cloud region or site code (e.g. eu-west-1); checked against the data-residency policy.',
  }),
  int('deployment', 'zones', 'Availability zones', {
    default: 1,
    min: 1,
    max: 6,
    help: 'Number of availability zones the replicas are spread over.',
  }),
  int('deployment', 'replicas', 'Replicas', {
    default: 1,
    min: 1,
    max: 10_000,
    help: 'Instances running when autoscaling is off.',
  }),
  bool('deployment', 'autoscaling', 'Autoscaling', {
    default: false,
    help: 'Scale between min and max replicas on load (cost uses peak traffic at 70 % utilisation).',
  }),
  int('deployment', 'min_replicas', 'Min replicas', {
    default: 1,
    min: 0,
    max: 10_000,
    help: 'Lowest replica count under autoscaling; 0 means scale to zero (expect cold starts).',
  }),
  int('deployment', 'max_replicas', 'Max replicas', {
    default: 4,
    min: 1,
    max: 10_000,
    help: 'Highest replica count under autoscaling; caps spend and capacity.',
  }),
  bool('deployment', 'managed', 'Managed service', {
    default: false,
    help: 'Operated by a cloud provider or vendor rather than by your team.',
  }),
  bool('deployment', 'vendor_external', 'External vendor', {
    default: false,
    help: 'Runs outside your organisation (a third party processes the data that reaches it).',
  }),
  oneOf('deployment', 'network_exposure', 'Network exposure', ['private', 'vpc', 'public', 'unknown'], {
    default: 'vpc',
    help: 'Who can reach it: private (host or mesh only), vpc (internal network) or public (internet).',
  }),
  bool('deployment', 'multi_tenant', 'Multi-tenant', {
    default: false,
    optional: true,
    help: 'Serves several customers or tenants from shared infrastructure.',
  }),
];

export const latencySpecs: readonly AttrSpec[] = [
  num('latency', 'p50_ms', 'p50 latency', {
    unit: 'ms',
    default: 10,
    min: 0,
    max: DAY_MS,
    help: 'Median time spent in this component per call, excluding network.',
  }),
  num('latency', 'p95_ms', 'p95 latency', {
    unit: 'ms',
    default: 30,
    min: 0,
    max: DAY_MS,
    help: '95th-percentile time per call; with p50 it fits the log-normal used by the latency simulation.',
  }),
  num('latency', 'p99_ms', 'p99 latency', {
    unit: 'ms',
    default: null,
    min: 0,
    max: DAY_MS,
    optional: true,
    help: 'Measured 99th percentile, if known; otherwise extrapolated from p50 and p95.',
  }),
  num('latency', 'cold_start_ms', 'Cold start', {
    unit: 'ms',
    default: 0,
    min: 0,
    max: DAY_MS,
    optional: true,
    help: 'Extra delay of the first request on a new replica (model load, container start).',
  }),
  num('latency', 'capacity_rps_per_replica', 'Capacity per replica', {
    unit: 'rps',
    default: 100,
    min: 0.0001,
    max: 1_000_000,
    assumed: true,
    help: 'Sustainable requests per second of one replica; sizes autoscaled replicas.',
  }),
];

export const availabilitySpecs: readonly AttrSpec[] = [
  num('availability', 'availability', 'Availability', {
    default: 0.999,
    min: 0,
    max: 1,
    assumed: true,
    help: 'Probability that one replica is up (SLA or MTTF/(MTTF+MTTR)), e.g. 0.999 = 43 min down a month.',
  }),
  num('availability', 'mttr_min', 'Mean time to repair', {
    unit: 'min',
    default: 60,
    min: 0,
    max: 525_600,
    help: 'Typical time to restore service after a failure; drives failure frequency in FMEA occurrence.',
  }),
  oneOf('availability', 'redundancy_mode', 'Redundancy', ['none', 'active-active', 'active-passive'], {
    default: 'none',
    help: 'How replicas back each other up: none, all serving (active-active) or a standby (active-passive).',
  }),
  // DOMAIN.md §2.0: replicas compound only when the typed availability is one replica's. A managed endpoint's
  // SLA covers the whole service, so its replicas must not multiply it up.
  oneOf('availability', 'availability_scope', 'Availability applies to', ['per-replica', 'whole-service'], {
    default: 'per-replica',
    help:
      "per-replica: the availability is one replica's and redundant replicas combine (1 − (1 − a)ⁿ, or k of n); " +
      "whole-service: it is the service's own figure (a provider SLA) and replicas do not change it.",
  }),
  int('availability', 'replicas_needed', 'Replicas needed', {
    default: 1,
    min: 1,
    max: 10_000,
    help: 'Replicas that must be up to serve the load (k of n); with redundancy, the rest are spares.',
  }),
];

export const costSpecs: readonly AttrSpec[] = [
  num('cost', 'fixed_monthly_usd', 'Fixed monthly cost', {
    unit: 'USD/month',
    default: 0,
    min: 0,
    help: 'Flat spend regardless of traffic: licences, reserved capacity, support plans.',
  }),
  num('cost', 'hourly_usd_per_replica', 'Hourly cost per replica', {
    unit: 'USD/h',
    default: 0,
    min: 0,
    help: 'Compute price of one replica per hour (730 h a month when always on).',
  }),
  num('cost', 'per_1k_requests_usd', 'Cost per 1k requests', {
    unit: 'USD',
    default: 0,
    min: 0,
    help: 'Usage price per 1,000 calls (serverless, API or gateway pricing).',
  }),
  num('cost', 'stored_gb', 'Stored data', {
    unit: 'GB',
    default: 0,
    min: 0,
    help: 'Data volume held at rest, billed at the per-GB monthly price.',
  }),
  num('cost', 'per_gb_month_usd', 'Storage price', {
    unit: 'USD/GB-month',
    default: 0,
    min: 0,
    help: 'Price of one GB stored for a month.',
  }),
  num('cost', 'egress_per_gb_usd', 'Egress price', {
    unit: 'USD/GB',
    default: 0,
    min: 0,
    help: 'Price of one GB leaving the component (cross-region or internet transfer).',
  }),
  oneOf('cost', 'gpu_type', 'GPU type', GPU_TYPES, {
    default: 'none',
    help: 'Accelerator each replica uses; "none" for CPU-only.',
  }),
  int('cost', 'gpu_count', 'GPUs per replica', {
    default: 0,
    min: 0,
    max: 64,
    help: 'Accelerators attached to each replica.',
  }),
];

export const complianceSpecs: readonly AttrSpec[] = [
  setOf('compliance', 'data_classes', 'Data classes', DATA_CLASSES, {
    default: ['internal'],
    optional: true,
    help: 'Classes of data it processes or stores; empty (unknown) is treated as the most sensitive.',
  }),
  oneOf('compliance', 'encryption_at_rest', 'Encryption at rest', ['none', 'provider', 'cmk', 'unknown'], {
    default: 'unknown',
    help: 'How stored data is encrypted: provider-managed keys, customer-managed keys (cmk) or not at all.',
  }),
  setOf('compliance', 'certifications', 'Certifications', CERTIFICATIONS, {
    default: [],
    help: 'Attestations the component or its vendor holds (gdpr-dpa: a GDPR Art. 28 processing agreement).',
  }),
  bool('compliance', 'audit_logging', 'Audit logging', {
    default: false,
    optional: true,
    help: 'Records who accessed or changed what, kept tamper-evident (EU AI Act Art. 12 record-keeping).',
  }),
  int('compliance', 'log_retention_days', 'Log retention', {
    unit: 'days',
    default: 30,
    min: 0,
    max: 36_500,
    optional: true,
    help: 'How long its logs (including request and prediction logs) are kept.',
  }),
  int('compliance', 'retention_days', 'Data retention', {
    unit: 'days',
    default: 0,
    min: 0,
    max: 36_500,
    optional: true,
    help: 'How long data it holds is kept; 0 = nothing beyond the request, unknown = treated as unbounded.',
  }),
  bool('compliance', 'lineage_tracked', 'Lineage tracked', {
    default: false,
    help: 'Inputs and outputs are recorded so any artefact can be traced to its sources.',
  }),
  bool('compliance', 'uses_credentials', 'Uses credentials', {
    default: false,
    help: 'Holds secrets (keys, passwords, tokens) to reach other systems; they belong in a secrets manager.',
  }),
  oneOf('compliance', 'trust', 'Input trust', TRUST_LEVELS, {
    default: 'internal',
    help: 'Trust level of the inputs it handles; user-generated and web content can carry injections.',
  }),
];

/** Every common attribute in inspector order. */
export const commonSpecs: readonly AttrSpec[] = [
  ...ownershipSpecs,
  ...deploymentSpecs,
  ...latencySpecs,
  ...availabilitySpecs,
  ...costSpecs,
  ...complianceSpecs,
];

/**
 * A component kind's attribute list: the common specs, then the kind's own groups, with the kind's
 * typical defaults applied across all of them.
 */
export function componentAttributes(
  defaults: Readonly<Record<string, AttrValue>>,
  ...groups: readonly (readonly AttrSpec[])[]
): AttrSpec[] {
  return withDefaults([...commonSpecs, ...groups.flat()], defaults);
}
