import { bool, defineKind, oneOf, text } from './builders.ts';
import { TRUST_LEVELS } from './common-attributes.ts';
import type { KindSpec } from './types.ts';

// Boundaries are containers on the canvas. They carry no latency, cost or availability of their own; their
// attributes describe what everything inside shares (where it runs, how far it is trusted, who owns it).

const region = defineKind({
  kind: 'region',
  label: 'Region',
  category: 'boundary',
  icon: 'RG',
  description: 'A cloud region or data centre; a what-if can fail the whole region at once.',
  attributes: [
    text('deployment', 'region_code', 'Region code', {
      default: null,
      optional: true,
      help: 'Provider region code, e.g. eu-west-1; checked against the allowed regions per data class.',
    }),
    oneOf(
      'deployment',
      'provider',
      'Provider',
      ['aws', 'gcp', 'azure', 'oci', 'on-prem', 'other', 'unknown'],
      {
        default: 'unknown',
        help: 'Cloud provider or own data centre.',
      },
    ),
    bool('compliance', 'eea', 'In the EEA', {
      default: false,
      optional: true,
      help: 'The region lies in the European Economic Area (transfers out of it need a mechanism, GDPR Art. 44-49).',
    }),
  ],
  failureModes: ['unavailable'],
});

const trustBoundary = defineKind({
  kind: 'trust-boundary',
  label: 'Trust boundary',
  category: 'boundary',
  icon: 'TB',
  description: 'Where the trust level changes: the internet edge, a partner network, a vendor.',
  attributes: [
    oneOf('compliance', 'trust', 'Trust', TRUST_LEVELS, {
      default: 'internal',
      help: 'How far what is inside is trusted; data crossing into a less trusted zone needs protection.',
    }),
  ],
  failureModes: [],
});

const environment = defineKind({
  kind: 'environment',
  label: 'Environment',
  category: 'boundary',
  icon: 'ENV',
  description: 'A deployment environment or network (VPC) such as dev, staging or prod.',
  attributes: [
    oneOf('deployment', 'stage', 'Stage', ['dev', 'staging', 'prod'], {
      default: 'prod',
      help: 'Which stage it is; production data in dev or staging is a privacy finding.',
    }),
  ],
  failureModes: [],
});

const team = defineKind({
  kind: 'team',
  label: 'Team',
  category: 'boundary',
  icon: 'TM',
  description: 'Groups the components one team owns, for cost breakdown and ownership.',
  attributes: [
    text('ownership', 'team', 'Team', {
      default: null,
      optional: true,
      help: 'Team name; components inside without a team of their own belong to it.',
    }),
    text('ownership', 'cost_center', 'Cost center', {
      default: null,
      optional: true,
      help: 'Cost center charged for the components inside.',
    }),
    bool('ownership', 'oncall', 'On-call', {
      default: false,
      help: 'The team runs a 24/7 on-call rota for what it owns.',
    }),
  ],
  failureModes: [],
});

/** Boundary kinds in palette order. */
export const boundaryKinds: readonly KindSpec[] = [region, trustBoundary, environment, team];
