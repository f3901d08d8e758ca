import { bool, int, num, oneOf, text } from './builders.ts';
import type { AttrSpec } from './types.ts';

// ML lifecycle and responsible-AI attributes of the model kinds (DOMAIN.md §1). Sources behind the keys:
// Google "ML Test Score" (Breck et al. 2017), Google Cloud MLOps maturity levels, Model Cards (Mitchell et al.
// 2019), GDPR Art. 22 and EU AI Act Art. 14 (human oversight).

const retrainingCadence = int('ml-lifecycle', 'retraining_cadence_days', 'Retraining cadence', {
  unit: 'days',
  default: 30,
  min: 1,
  max: 3650,
  optional: true,
  help: 'Days between scheduled retrains; unknown with no trigger means the model is never refreshed.',
});

const retrainingTrigger = oneOf(
  'ml-lifecycle',
  'retraining_trigger',
  'Retraining trigger',
  ['none', 'schedule', 'drift', 'performance', 'manual', 'unknown'],
  {
    default: 'schedule',
    help: 'What starts a retrain: a schedule, detected drift, a quality drop, or a person.',
  },
);

const labelDelay = num('ml-lifecycle', 'label_delay_days', 'Label delay', {
  unit: 'days',
  default: null,
  min: 0,
  max: 3650,
  optional: true,
  help: 'Time until ground truth arrives (e.g. chargebacks 30-90 days); long delays hide quality drops.',
});

/** Shared with the data kinds, which show it in their own group. */
export const dataFreshnessSlo = num('ml-lifecycle', 'data_freshness_slo_min', 'Data freshness SLO', {
  unit: 'min',
  default: null,
  min: 0,
  max: 525_600,
  optional: true,
  help: 'Maximum age of the input data it may use; unknown means nobody would notice stale inputs.',
});

const modelCardUrl = text('ml-lifecycle', 'model_card_url', 'Model card', {
  default: null,
  optional: true,
  help: 'Link to the model card documenting intended use, evaluation and limits (Mitchell et al. 2019).',
});

const fairnessEval = bool('responsible-ai', 'fairness_eval', 'Fairness evaluated', {
  default: false,
  optional: true,
  help: 'Performance is compared across relevant groups of people before release and in production.',
});

/** The ML lifecycle group of a model kind that is released and served. */
export const mlLifecycleSpecs: readonly AttrSpec[] = [
  retrainingCadence,
  retrainingTrigger,
  bool('ml-lifecycle', 'rollback_ready', 'Rollback ready', {
    default: false,
    optional: true,
    help: 'The previous model version can be restored with one action.',
  }),
  num('ml-lifecycle', 'rollback_time_min', 'Rollback time', {
    unit: 'min',
    default: 30,
    min: 0,
    max: 10_080,
    optional: true,
    help: 'Time to restore the previous version after a bad release.',
  }),
  oneOf(
    'ml-lifecycle',
    'deployment_strategy',
    'Deployment strategy',
    ['all-at-once', 'rolling', 'blue-green', 'canary', 'shadow', 'unknown'],
    {
      default: 'rolling',
      help: 'How a new model version reaches traffic; canary and shadow catch bad releases.',
    },
  ),
  bool('ml-lifecycle', 'input_validation', 'Input validation', {
    default: false,
    optional: true,
    help: 'Requests are checked against the expected schema and ranges before scoring.',
  }),
  labelDelay,
  dataFreshnessSlo,
  modelCardUrl,
];

/** The responsible-AI group of a model kind whose outputs reach people or actions. */
export const responsibleAiSpecs: readonly AttrSpec[] = [
  bool('responsible-ai', 'affects_individuals', 'Affects individuals', {
    default: false,
    optional: true,
    help: 'Outputs are used in decisions about identifiable people (raises FMEA severity).',
  }),
  bool('responsible-ai', 'automated_decision_legal_effect', 'Legal or similar effect', {
    default: false,
    optional: true,
    help: 'Solely automated decisions with legal or similarly significant effects (GDPR Art. 22).',
  }),
  bool('responsible-ai', 'automated_action', 'Acts automatically', {
    default: false,
    optional: true,
    help: 'Outputs trigger actions (payments, blocks, messages, tool calls) without a person in between.',
  }),
  text('responsible-ai', 'action_limits', 'Action limits', {
    default: null,
    optional: true,
    help: 'Bounds on automated actions, e.g. "max 50 refunds/day, ≤ 100 EUR each"; empty means none.',
  }),
  oneOf('responsible-ai', 'human_oversight', 'Human oversight', ['none', 'hitl', 'hotl', 'unknown'], {
    default: 'none',
    help: 'hitl: a person approves each decision; hotl: a person monitors and can intervene (AI Act Art. 14).',
  }),
  bool('responsible-ai', 'override_or_stop', 'Override or stop', {
    default: false,
    optional: true,
    help: 'Operators can override an output or halt the system safely (AI Act Art. 14(4)).',
  }),
  fairnessEval,
];

/**
 * The lifecycle keys that make sense for a training pipeline: it is retrained and documented, but it is not
 * rolled out to traffic, so rollback, deployment strategy and request validation do not apply.
 */
export const trainingLifecycleSpecs: readonly AttrSpec[] = [
  retrainingCadence,
  retrainingTrigger,
  labelDelay,
  dataFreshnessSlo,
  modelCardUrl,
  fairnessEval,
];

/** Keys every served model kind carries (used by rules and tests). */
export const ML_LIFECYCLE_KEYS: readonly string[] = [...mlLifecycleSpecs, ...responsibleAiSpecs].map(
  (s) => s.key,
);
