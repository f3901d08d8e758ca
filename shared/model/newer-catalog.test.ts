import { describe, expect, it } from 'vitest';
import { applyOperations, validateDesign } from './apply.ts';
import { parseDesign, serializeDesign } from './canonical.ts';
import { CATALOG_VERSION } from './catalog/index.ts';
import type { Design } from './document.ts';
import { createComponent, createEmptyDesign } from './factory.ts';

/*
 * A newer build may add attributes to the catalog. A design it wrote records its catalog version; this build
 * keeps the attributes it does not know (and writes them back unchanged) instead of calling the file damaged.
 * Without a newer catalog version, an unknown attribute is still a typo or damage, and refused.
 */

function designWith(catalogVersion: number): Design {
  const empty = createEmptyDesign({ name: 'Newer', now: new Date('2026-01-01T00:00:00.000Z') });
  const scenarioId = empty.scenarios[0]!.id;
  const cache = createComponent({ scenarioId, kind: 'cache', position: { x: 0, y: 0 } });
  return {
    ...empty,
    catalogVersion,
    components: [{ ...cache, attributes: { ...cache.attributes, eviction_policy: 'lru' } }],
  };
}

describe('a design written with a newer catalog', () => {
  it('keeps attributes this build does not know, through parse, edits, undo and serialisation', () => {
    const newer = designWith(CATALOG_VERSION + 1);
    expect(validateDesign(newer)).toEqual([]);
    const parsed = parseDesign(serializeDesign(newer));
    expect(parsed.catalogVersion).toBe(CATALOG_VERSION + 1);
    expect(parsed.components[0]?.attributes.eviction_policy).toBe('lru');
    const id = parsed.components[0]!.id;
    const { design, inverse } = applyOperations(parsed, [
      { type: 'component.update', id, changes: { attributes: { hit_ratio: 0.9 } } },
      { type: 'component.remove', id },
    ]);
    const back = applyOperations(design, inverse).design;
    expect(back.components[0]?.attributes).toEqual({ ...parsed.components[0]!.attributes });
    expect(serializeDesign(back)).toBe(serializeDesign(parsed));
  });

  it('still refuses, as damage, an unknown attribute in a design of this catalog version', () => {
    expect(validateDesign(designWith(CATALOG_VERSION))).toEqual([
      expect.stringContaining('have no attribute "eviction_policy"'),
    ]);
  });

  it('still checks the attributes it knows', () => {
    const bad = designWith(CATALOG_VERSION + 1);
    bad.components[0]!.attributes.hit_ratio = 7;
    expect(validateDesign(bad)).toEqual([expect.stringContaining('"Hit ratio" must be at most 1')]);
  });
});
