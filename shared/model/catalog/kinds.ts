import { boundaryKinds } from './kinds-boundaries.ts';
import { dataKinds } from './kinds-data.ts';
import { llmKinds } from './kinds-llm.ts';
import { mlopsKinds } from './kinds-mlops.ts';
import { operationsKinds, platformKinds } from './kinds-platform.ts';
import { servingKinds } from './kinds-serving.ts';
import { storageKinds } from './kinds-storage.ts';
import type { KindSpec } from './types.ts';

/**
 * Every component and boundary kind, in palette order: the request path first (client, serving, LLM), then
 * data and stores, the MLOps loop, operations and the supporting platform, and boundaries last.
 */
export const kindSpecs: readonly KindSpec[] = [
  ...servingKinds,
  ...llmKinds,
  ...dataKinds,
  ...storageKinds,
  ...mlopsKinds,
  ...operationsKinds,
  ...platformKinds,
  ...boundaryKinds,
];
