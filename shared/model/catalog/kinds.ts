import type { KindSpec } from './types.ts';

// Placeholder until the full catalog v1 lands (being written now).
export const kindSpecs: readonly KindSpec[] = [];
