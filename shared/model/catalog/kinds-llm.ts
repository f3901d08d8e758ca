import { bool, defineKind, int, num, oneOf, setOf, text } from './builders.ts';
import { componentAttributes } from './common-attributes.ts';
import { mlLifecycleSpecs, responsibleAiSpecs } from './ml-attributes.ts';
import type { AttrSpec, KindSpec } from './types.ts';

// Generative-AI kinds. Token prices and speeds are typical 2025 list values for a mid-size hosted model;
// users replace them with their provider's numbers. Guardrail checks follow OWASP Top 10 for LLM Apps 2025.

const avgInTokens = int('kind', 'avg_in_tokens', 'Input tokens per call', {
  default: 1500,
  min: 0,
  max: 10_000_000,
  help: 'Average prompt size including system prompt and retrieved context.',
});

const priceInPer1M = num('kind', 'price_in_per_1M', 'Input price per 1M tokens', {
  unit: 'USD',
  default: 3,
  min: 0,
  help: 'Provider price for one million input tokens.',
});

/** Same key as the embedding service, so processor findings treat both alike. */
const dpaInPlace = bool('kind', 'dpa_in_place', 'DPA in place', {
  default: false,
  optional: true,
  help: 'A data processing agreement (GDPR Art. 28) covers what the vendor receives.',
});

const llmSpecs: readonly AttrSpec[] = [
  oneOf(
    'kind',
    'provider',
    'Provider',
    ['openai', 'anthropic', 'google', 'azure-openai', 'aws-bedrock', 'mistral', 'self-hosted', 'other'],
    { default: 'other', help: 'Who runs the model; self-hosted models run on your own GPUs.' },
  ),
  text('kind', 'model_name', 'Model', {
    default: null,
    optional: true,
    help: 'Model name and version pinned by the application (unpinned aliases change under you).',
  }),
  avgInTokens,
  int('kind', 'avg_out_tokens', 'Output tokens per call', {
    default: 300,
    min: 0,
    max: 1_000_000,
    help: 'Average generated tokens; dominates latency (tokens ÷ tokens per second).',
  }),
  priceInPer1M,
  num('kind', 'price_out_per_1M', 'Output price per 1M tokens', {
    unit: 'USD',
    default: 15,
    min: 0,
    help: 'Provider price for one million output tokens.',
  }),
  num('kind', 'ttft_p50_ms', 'Time to first token p50', {
    unit: 'ms',
    default: 500,
    min: 0,
    max: 600_000,
    help: 'Median delay before streaming starts; with the p95 it fits the TTFT distribution.',
  }),
  num('kind', 'ttft_p95_ms', 'Time to first token p95', {
    unit: 'ms',
    default: 1200,
    min: 0,
    max: 600_000,
    help: '95th-percentile delay before the first token; reported separately from full latency.',
  }),
  num('kind', 'tokens_per_second', 'Output speed', {
    unit: 'tokens/s',
    default: 60,
    min: 0.1,
    max: 100_000,
    help: 'Generation speed; latency = TTFT + output tokens ÷ tokens per second.',
  }),
  int('kind', 'max_output_tokens', 'Max output tokens', {
    default: 1024,
    min: 1,
    max: 1_000_000,
    optional: true,
    help: 'Hard cap per call; empty means uncapped, which leaves cost unbounded (OWASP LLM10).',
  }),
  bool('kind', 'streaming', 'Streaming', {
    default: true,
    help: 'Tokens are streamed to the caller, so users see output after the time to first token.',
  }),
  bool('kind', 'zero_data_retention', 'Zero data retention', {
    default: false,
    optional: true,
    help: 'The provider keeps no prompts or outputs (no abuse-monitoring logs).',
  }),
  dpaInPlace,
  bool('kind', 'tools_enabled', 'Tools enabled', {
    default: false,
    help: 'The model can call tools or functions that act on other systems (OWASP LLM06 excessive agency).',
  }),
];

const llmEndpoint = defineKind({
  kind: 'llm-endpoint',
  label: 'LLM endpoint',
  category: 'llm',
  icon: 'LLM',
  description: 'Hosted or self-hosted large language model behind a completion/chat API.',
  attributes: componentAttributes(
    {
      p50_ms: 3_500,
      p95_ms: 8_000,
      capacity_rps_per_replica: 20,
      managed: true,
      vendor_external: true,
      network_exposure: 'public',
      zones: 3,
      redundancy_mode: 'active-active',
      encryption_at_rest: 'provider',
      certifications: ['soc2', 'iso27001'],
      retention_days: 30,
      retraining_cadence_days: null,
      retraining_trigger: 'none',
      deployment_strategy: 'unknown',
    },
    llmSpecs,
    mlLifecycleSpecs,
    responsibleAiSpecs,
  ),
  failureModes: ['unavailable', 'slow', 'wrong-output', 'data-leak', 'cost-runaway', 'bad-release'],
});

const embeddingService = defineKind({
  kind: 'embedding-service',
  label: 'Embedding service',
  category: 'llm',
  icon: 'EMB',
  description: 'Turns text or images into vectors for retrieval, search and similarity.',
  attributes: componentAttributes(
    {
      p50_ms: 20,
      p95_ms: 60,
      capacity_rps_per_replica: 100,
      hourly_usd_per_replica: 0.53,
      gpu_type: 't4',
      gpu_count: 1,
      cold_start_ms: 60_000,
      retraining_cadence_days: null,
      retraining_trigger: 'none',
    },
    [
      int('kind', 'dimensions', 'Dimensions', {
        default: 768,
        min: 1,
        max: 65_536,
        help: 'Vector length; must match the vector index. Changing the model means re-embedding everything.',
      }),
      // Same keys and formula as the LLM endpoint; 0 when self-hosted (then replicas carry the cost).
      { ...avgInTokens, default: 300, help: 'Average tokens embedded per call.' },
      { ...priceInPer1M, default: 0, help: 'Vendor price per million tokens embedded; 0 when self-hosted.' },
      dpaInPlace,
    ],
    mlLifecycleSpecs,
    responsibleAiSpecs,
  ),
  failureModes: ['unavailable', 'slow', 'wrong-output', 'data-leak', 'cost-runaway', 'bad-release'],
});

const guardrail = defineKind({
  kind: 'guardrail',
  label: 'Guardrail',
  category: 'llm',
  icon: 'GR',
  description: 'Screens model inputs or outputs: prompt injection, PII, toxicity, topic, groundedness.',
  attributes: componentAttributes(
    {
      p50_ms: 40,
      p95_ms: 150,
      capacity_rps_per_replica: 100,
      hourly_usd_per_replica: 0.2,
      trust: 'user-generated',
    },
    [
      oneOf('kind', 'position', 'Position', ['input', 'output', 'both'], {
        default: 'input',
        help: 'Whether it checks what goes into the model, what comes out, or both.',
      }),
      setOf(
        'kind',
        'checks',
        'Checks',
        [
          'prompt-injection',
          'jailbreak',
          'pii',
          'toxicity',
          'topic',
          'groundedness',
          'secrets',
          'schema',
          'code-safety',
        ],
        {
          default: ['prompt-injection', 'pii'],
          help: 'What it screens for (OWASP LLM01, LLM02, LLM05, LLM09).',
        },
      ),
      oneOf('kind', 'on_violation', 'On violation', ['block', 'redact', 'flag'], {
        default: 'block',
        help: 'What happens to a request or answer that fails a check.',
      }),
      oneOf('kind', 'fail_mode', 'When down', ['fail-closed', 'fail-open'], {
        default: 'fail-closed',
        help: 'fail-closed rejects traffic while it is down (safe, less available); fail-open lets it through.',
      }),
    ],
  ),
  failureModes: ['unavailable', 'slow', 'wrong-output', 'bad-release'],
});

/** LLM kinds in palette order. */
export const llmKinds: readonly KindSpec[] = [llmEndpoint, embeddingService, guardrail];
