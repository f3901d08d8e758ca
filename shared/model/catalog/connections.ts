import type { AttrValue } from '../attributes.ts';
import { int, num, oneOf, setOf, withDefaults } from './builders.ts';
import type { AttrSpec, ConnectionKindSpec } from './types.ts';
import { DATA_CLASSES } from './types.ts';

// Connection attributes after DOMAIN.md §1 "Connection attributes". Every connection kind carries all of them
// (so a user can turn a call into an event without losing data); the kinds differ only in their defaults.

export const PURPOSES = [
  'inference',
  'training',
  'monitoring',
  'prediction-log',
  'analytics',
  'deployment',
] as const;

const connectionSpecs: readonly AttrSpec[] = [
  oneOf('connection', 'mode', 'Mode', ['sync', 'async'], {
    default: 'sync',
    help: 'sync: the caller waits, so it adds to request latency; async: fire and forget, affects freshness only.',
  }),
  oneOf(
    'connection',
    'protocol',
    'Protocol',
    ['https', 'grpc', 'kafka', 'amqp', 'jdbc', 's3', 'in-process', 'other'],
    {
      default: 'https',
      help: 'Wire protocol of the connection.',
    },
  ),
  num('connection', 'calls_per_request', 'Calls per request', {
    default: 1,
    min: 0,
    max: 10_000,
    help: 'Fan-out: calls to the target for each call reaching the source.',
  }),
  oneOf('connection', 'fanout_mode', 'Fan-out calls', ['sequential', 'parallel'], {
    default: 'sequential',
    help: 'With more than one call per request: one after another (times add), or all at once (the slowest counts).',
  }),
  num('connection', 'probability', 'Probability', {
    default: 1,
    min: 0,
    max: 1,
    help:
      'Share of calls that take this connection (a review rate, a cache miss written by hand); in a choice ' +
      "group, this branch's share of the choice.",
  }),
  oneOf('connection', 'criticality', 'Criticality', ['hard', 'soft'], {
    default: 'hard',
    help: "hard: the target's failure fails the request; soft: the request degrades but still succeeds.",
  }),
  num('connection', 'timeout_ms', 'Timeout', {
    unit: 'ms',
    default: null,
    min: 1,
    max: 86_400_000,
    optional: true,
    help: 'Per-attempt timeout; empty means none, so a stalled target stalls the caller.',
  }),
  int('connection', 'retries', 'Retries', {
    default: 0,
    min: 0,
    max: 10,
    help: 'Extra attempts after a failure or timeout; each multiplies load on the target.',
  }),
  num('connection', 'payload_kb', 'Payload per call', {
    unit: 'KB',
    default: null,
    min: 0,
    max: 10_000_000,
    optional: true,
    help: 'Data moved per call, request and response together; prices egress. Empty means unknown (no egress cost).',
  }),
  oneOf('connection', 'backoff', 'Backoff', ['none', 'fixed', 'exp-jitter'], {
    default: 'none',
    help: 'Wait between retries; exponential with jitter avoids retry storms.',
  }),
  num('connection', 'network_p50_ms', 'Network p50', {
    unit: 'ms',
    default: 1,
    min: 0,
    max: 60_000,
    help: 'Median network round trip: ~1 ms in-zone, ~2 ms cross-zone, 10-150 ms cross-region.',
  }),
  num('connection', 'network_p95_ms', 'Network p95', {
    unit: 'ms',
    default: 3,
    min: 0,
    max: 60_000,
    help: '95th-percentile network round trip.',
  }),
  setOf('connection', 'data_classes', 'Data classes', DATA_CLASSES, {
    default: ['internal'],
    optional: true,
    help: 'Classes of data it carries; empty (unknown) is treated as the most sensitive.',
  }),
  oneOf('connection', 'encryption_in_transit', 'Encryption in transit', ['none', 'tls', 'mtls', 'unknown'], {
    default: 'tls',
    help: 'How the traffic is protected on the wire.',
  }),
  oneOf('connection', 'authn', 'Authentication', ['none', 'api-key', 'oauth2', 'mtls', 'iam', 'unknown'], {
    default: 'unknown',
    help: 'How the source proves its identity to the target; unknown is treated as none.',
  }),
  oneOf('connection', 'transfer_mechanism', 'Transfer mechanism', ['none', 'adequacy', 'dpf', 'scc', 'bcr'], {
    default: 'none',
    help: 'Legal basis for moving personal data out of the EEA (GDPR Art. 45-47): adequacy, DPF, SCCs or BCRs.',
  }),
  oneOf('connection', 'purpose', 'Purpose', PURPOSES, {
    default: 'inference',
    help: 'Why the data moves; purpose limitation (GDPR Art. 5) and telemetry rules read it.',
  }),
];

function connectionKind(
  kind: ConnectionKindSpec['kind'],
  label: string,
  description: string,
  defaults: Readonly<Record<string, AttrValue>>,
  omit: readonly string[] = [],
): ConnectionKindSpec {
  const specs = connectionSpecs.filter((spec) => !omit.includes(spec.key));
  return { kind, label, description, attributes: withDefaults(specs, defaults) };
}

/** Every connection kind with its typical defaults. */
export const connectionKindSpecs: readonly ConnectionKindSpec[] = [
  connectionKind(
    'call',
    'Call',
    'Request/response call on the request path; the caller waits for the answer.',
    {},
  ),
  connectionKind('data-flow', 'Data flow', 'Data moving between components outside the request path.', {
    mode: 'async',
    purpose: 'analytics',
  }),
  connectionKind('event', 'Event', 'An event published to a stream or queue; consumers process it later.', {
    mode: 'async',
    protocol: 'kafka',
    network_p95_ms: 5,
    purpose: 'analytics',
  }),
  connectionKind(
    'batch-transfer',
    'Batch transfer',
    'Scheduled bulk copy of files or tables (exports, snapshots).',
    {
      mode: 'async',
      protocol: 's3',
      network_p50_ms: 50,
      network_p95_ms: 200,
      purpose: 'training',
    },
  ),
  // Monitoring must never fail the request it watches, so observes is soft and off the request path.
  connectionKind(
    'observes',
    'Observes',
    'A monitor watching the target: metrics, logs, traces, predictions.',
    {
      mode: 'async',
      criticality: 'soft',
      purpose: 'monitoring',
    },
  ),
  // A fallback is taken exactly when the call it backs up (its primary, named on the connection) fails, so its
  // share of traffic is derived from the primary's availability and never typed: it has no probability. Its own
  // failure alone only matters when the primary is down too, hence soft.
  connectionKind(
    'fallback',
    'Fallback',
    'Alternative taken when the call it backs up (its primary) fails or times out.',
    { criticality: 'soft' },
    ['probability'],
  ),
  // Releases happen between requests: a failed deploy leaves the old version serving.
  connectionKind('deploy', 'Deploy', 'Release of a model or artefact to the component that serves it.', {
    mode: 'async',
    criticality: 'soft',
    purpose: 'deployment',
  }),
];
