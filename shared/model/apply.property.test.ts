import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyOperations, validateDesign } from './apply.ts';
import { editActions, realizeEdits } from './testing/random-edits.ts';
import { syntheticDesign } from './testing/synthetic.ts';

describe('applyOperations (properties)', () => {
  it('a batch of valid operations, then its inverse, gives back the original design', () => {
    fc.assert(
      fc.property(fc.nat(1000), editActions(40), (seed, edits) => {
        const original = syntheticDesign({ components: 60, connections: 80, seed });
        const frozen = structuredClone(original);
        const { ops, design: stepwise } = realizeEdits(original, edits);
        const { design, inverse } = applyOperations(original, ops);
        expect(design).toEqual(stepwise);
        expect(validateDesign(design)).toEqual([]);
        expect(applyOperations(design, inverse).design).toEqual(original);
        expect(original).toEqual(frozen);
      }),
      { numRuns: 60 },
    );
  });

  it('undoing one operation at a time, newest first, also gives back the original', () => {
    fc.assert(
      fc.property(fc.nat(1000), editActions(20), (seed, edits) => {
        const original = syntheticDesign({ components: 12, connections: 10, seed });
        const { ops } = realizeEdits(original, edits);
        let design = original;
        const undo = [];
        for (const op of ops) {
          const result = applyOperations(design, [op]);
          design = result.design;
          undo.push(result.inverse);
        }
        for (const inverse of undo.reverse()) design = applyOperations(design, inverse).design;
        expect(design).toEqual(original);
      }),
      { numRuns: 60 },
    );
  });
});
