import { describe, expect, it } from 'vitest';
import type { Design } from './document.ts';
import { validateDesign } from './integrity.ts';
import { fixture } from './testing/small-design.ts';

describe('validateDesign', () => {
  it('accepts a sound design and names the path of each problem', () => {
    const f = fixture();
    expect(validateDesign(f.design)).toEqual([]);
    const broken: Design = structuredClone(f.design);
    broken.components[0]!.attributes.availability = 2;
    broken.connections[1]!.targetId = 'c_gone';
    broken.journeys[0]!.entryId = f.region.id;
    broken.components.push({ ...broken.components[1]! });
    const problems = validateDesign(broken);
    expect(problems).toEqual([
      `components[5].id: the id ${f.gateway.id} is used twice.`,
      'components[0].attributes.availability: "Checkout": "Availability" must be at most 1.',
      "connections[1]: The connection's target component does not exist (c_gone).",
      'journeys[0].entryId: Journey "Pay" cannot start at "EU West": it is a boundary, not a component.',
    ]);
  });
});
