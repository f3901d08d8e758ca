import { bool, defineKind, int, num } from './builders.ts';
import { componentAttributes } from './common-attributes.ts';
import { trainingLifecycleSpecs } from './ml-attributes.ts';
import type { KindSpec } from './types.ts';

// Kinds that build, track and release models (Google Cloud MLOps levels 1-2; ML Test Score infrastructure tests).

const trainingPipeline = defineKind({
  kind: 'training-pipeline',
  label: 'Training pipeline',
  category: 'mlops',
  icon: 'TRN',
  description: 'Builds a model from data: prepare, train, evaluate, and hand the result to the registry.',
  // Training is billed per run (runs × GPU hours × GPU-hour price), not per always-on replica.
  attributes: componentAttributes(
    {
      p50_ms: 3_600_000,
      p95_ms: 14_400_000,
      capacity_rps_per_replica: 1,
      gpu_type: 'a10g',
      gpu_count: 1,
      uses_credentials: true,
      retention_days: null,
      data_classes: ['internal', 'pii'],
    },
    [
      bool('kind', 'data_validation', 'Data validation', {
        default: false,
        help: 'Input data is checked (schema, ranges, distributions) before training starts.',
      }),
      bool('kind', 'model_validation', 'Model validation gate', {
        default: false,
        help: 'A candidate must beat the current model on held-out data before it is registered.',
      }),
      bool('kind', 'training_data_versioned', 'Training data versioned', {
        default: false,
        help: 'Each model records the exact data snapshot it was trained on, so it can be reproduced.',
      }),
      num('kind', 'gpu_hours_per_run', 'GPU hours per run', {
        unit: 'GPU-h',
        default: 6,
        min: 0,
        help: 'Accelerator hours one training run consumes (all GPUs together).',
      }),
      int('kind', 'runs_per_month', 'Runs per month', {
        default: 4,
        min: 0,
        max: 50_000,
        help: 'Training runs a month, including retries and experiments promoted to this pipeline.',
      }),
      num('kind', 'gpu_hour_usd', 'GPU-hour price', {
        unit: 'USD/GPU-h',
        default: 1.2,
        min: 0,
        help: 'Price of one GPU hour (on-demand, spot or reserved rate).',
      }),
    ],
    trainingLifecycleSpecs,
  ),
  failureModes: ['unavailable', 'wrong-output', 'stale-data', 'data-leak', 'cost-runaway'],
});

const modelRegistry = defineKind({
  kind: 'model-registry',
  label: 'Model registry',
  category: 'mlops',
  icon: 'REG',
  description: 'Versioned store of model artefacts with metadata, stages and approvals.',
  attributes: componentAttributes(
    {
      p50_ms: 50,
      p95_ms: 200,
      managed: true,
      fixed_monthly_usd: 100,
      stored_gb: 50,
      per_gb_month_usd: 0.023,
      retention_days: null,
    },
    [
      bool('kind', 'lineage', 'Lineage', {
        default: false,
        help: 'Each version links to its training run, data snapshot and code commit.',
      }),
      bool('kind', 'signed_artifacts', 'Signed artefacts', {
        default: false,
        help: 'Artefacts are signed and verified before serving (supply-chain integrity, OWASP LLM03).',
      }),
      bool('kind', 'approval_workflow', 'Approval workflow', {
        default: false,
        help: 'Promotion to production needs a recorded approval.',
      }),
    ],
  ),
  failureModes: ['unavailable', 'data-leak', 'bad-release'],
});

const experimentTracking = defineKind({
  kind: 'experiment-tracking',
  label: 'Experiment tracking',
  category: 'mlops',
  icon: 'EXP',
  description: 'Records runs, parameters, metrics and artefacts (MLflow, Weights & Biases).',
  attributes: componentAttributes(
    {
      p50_ms: 40,
      p95_ms: 150,
      fixed_monthly_usd: 200,
      stored_gb: 20,
      per_gb_month_usd: 0.023,
      retention_days: null,
    },
    [
      bool('kind', 'tracks_datasets', 'Tracks datasets', {
        default: false,
        help: 'Runs record the dataset version they used, not only parameters and metrics.',
      }),
      bool('kind', 'tracks_code_version', 'Tracks code version', {
        default: true,
        help: 'Runs record the commit they ran from.',
      }),
    ],
  ),
  failureModes: ['unavailable', 'data-leak'],
});

/** MLOps kinds in palette order. */
export const mlopsKinds: readonly KindSpec[] = [trainingPipeline, modelRegistry, experimentTracking];
