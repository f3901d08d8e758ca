import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DesignFormatError, normalizeDesign, parseDesign, serializeDesign } from './canonical.ts';
import type { Design } from './document.ts';
import { createEmptyDesign } from './factory.ts';
import { editActions, realizeEdits } from './testing/random-edits.ts';
import { seededRandom, syntheticDesign } from './testing/synthetic.ts';

/** The same design with entity arrays shuffled and object keys in another order. */
function scrambled(design: Design, seed: number): Design {
  const random = seededRandom(seed);
  const reorder = (value: unknown, inEntityList: boolean): unknown => {
    if (Array.isArray(value)) {
      const items = value.map((v) => reorder(v, false));
      if (inEntityList) items.sort(() => random() - 0.5);
      return items;
    }
    if (typeof value !== 'object' || value === null) return value;
    const entries = Object.entries(value).sort(() => random() - 0.5);
    return Object.fromEntries(
      entries.map(([k, v]) => [k, reorder(v, Array.isArray(v) && k !== 'options' && k in design)]),
    );
  };
  return reorder(design, false) as Design;
}

function formatError(text: string): DesignFormatError {
  try {
    parseDesign(text);
  } catch (error) {
    if (error instanceof DesignFormatError) return error;
    throw error;
  }
  throw new Error('expected parseDesign to refuse the text');
}

describe('serializeDesign', () => {
  it('writes sorted keys, id-ordered entities, 2-space indent and a trailing newline', () => {
    const design = createEmptyDesign({ name: 'Demo', now: new Date('2026-01-02T03:04:05.000Z') });
    const text = serializeDesign(design);
    expect(text.endsWith('}\n')).toBe(true);
    expect(
      text.startsWith(
        '{\n  "catalogVersion": 2,\n  "components": [],\n  "connections": [],\n  "decisions": [],\n  "formatVersion": 2,\n',
      ),
    ).toBe(true);
    expect(text).toContain('"createdAt": "2026-01-02T03:04:05.000Z"');
  });

  it('is byte-stable and lossless on random designs', () => {
    fc.assert(
      fc.property(fc.nat(1000), editActions(25), fc.nat(), (seed, edits, shuffle) => {
        const { design } = realizeEdits(syntheticDesign({ components: 30, connections: 40, seed }), edits);
        const text = serializeDesign(design);
        expect(serializeDesign(scrambled(design, shuffle))).toBe(text);
        const parsed = parseDesign(text);
        expect(parsed).toEqual(normalizeDesign(design));
        expect(serializeDesign(parsed)).toBe(text);
      }),
      { numRuns: 40 },
    );
  });
});

describe('parseDesign', () => {
  const good = serializeDesign(syntheticDesign({ components: 8, connections: 6, seed: 1 }));

  it('says where malformed JSON breaks', () => {
    const error = formatError('{\n  "formatVersion": 1,\n  oops\n}');
    expect(error.code).toBe('malformed-json');
    expect(error.message).toMatch(
      /^The file is not valid JSON at line 3, column 3: .+ It may be damaged or not an MLArch design\.$/,
    );
  });

  it('refuses an empty file', () => {
    expect(formatError('  ').code).toBe('malformed-json');
  });

  it('refuses a JSON array as not a design', () => {
    const error = formatError('[1, 2]');
    expect(error.code).toBe('not-a-design');
    expect(error.message).toBe('This is not an MLArch design: the file holds a JSON array, not an object.');
  });

  it('refuses a newer format with a way out', () => {
    const newer = good.replace('"formatVersion": 2', '"formatVersion": 7');
    const error = formatError(newer);
    expect(error.code).toBe('newer-version');
    expect(error.message).toBe(
      'This design was saved by a newer version of MLArch Studio (format 7; this version reads up to 2). Update MLArch Studio to open it.',
    );
  });

  it('names the path of an out-of-range attribute', () => {
    const design = JSON.parse(good) as Design;
    design.components[3]!.attributes.availability = 2;
    const error = formatError(JSON.stringify(design));
    expect(error.code).toBe('invalid');
    expect(error.problems).toEqual([
      `components[3].attributes.availability: "${design.components[3]!.name}": "Availability" must be at most 1.`,
    ]);
    expect(error.message).toBe(`This design has a problem: ${error.problems[0]}`);
  });

  it('names the path of a schema problem', () => {
    const design = JSON.parse(good) as Design;
    (design.components[2] as { position: unknown }).position = { x: 'left', y: 0 };
    design.journeys = [];
    design.scenarios = [];
    const error = formatError(JSON.stringify(design));
    expect(error.code).toBe('invalid');
    expect(error.problems).toContain(
      'components[2].position.x: Invalid input: expected number, received string',
    );
    expect(error.problems).toContain('scenarios: A design has at least one scenario.');
    expect(error.message).toMatch(/\(and 1 more\)$/);
  });

  it('refuses broken references', () => {
    const design = JSON.parse(good) as Design;
    design.connections[0]!.sourceId = 'c_missing';
    const error = formatError(JSON.stringify(design));
    expect(error.code).toBe('invalid');
    expect(error.message).toContain(
      "connections[0]: The connection's source component does not exist (c_missing).",
    );
  });
});
