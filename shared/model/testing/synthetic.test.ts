import { describe, expect, it } from 'vitest';
import { validateDesign } from '../apply.ts';
import { designSchema } from '../document.ts';
import { syntheticDesign } from './synthetic.ts';

describe('syntheticDesign', () => {
  it('is valid, deterministic for a seed and mixes kinds', () => {
    const design = syntheticDesign({ components: 300, connections: 500, seed: 42 });
    expect(designSchema.parse(design)).toEqual(design);
    expect(validateDesign(design)).toEqual([]);
    expect(syntheticDesign({ components: 300, connections: 500, seed: 42 })).toEqual(design);
    expect(syntheticDesign({ components: 300, connections: 500, seed: 43 })).not.toEqual(design);
    expect(design.components).toHaveLength(300);
    expect(design.connections).toHaveLength(500);
    expect(new Set(design.components.map((c) => c.kind)).size).toBeGreaterThan(20);
    expect(design.components.some((c) => c.parentId !== null)).toBe(true);
    expect(design.journeys.length).toBeGreaterThan(0);
  });

  it('refuses more connections than the components can carry', () => {
    expect(() => syntheticDesign({ components: 2, connections: 100, seed: 1 })).toThrow(/cannot carry/);
  });
});
