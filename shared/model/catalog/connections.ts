import type { ConnectionKindSpec } from './types.ts';

// Placeholder until the full catalog v1 lands (being written now).
export const connectionKindSpecs: readonly ConnectionKindSpec[] = [];
