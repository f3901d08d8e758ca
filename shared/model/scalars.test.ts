import { describe, expect, it } from 'vitest';
import { applyOperations } from './apply.ts';
import { DesignFormatError, parseDesign, serializeDesign } from './canonical.ts';
import type { Design } from './document.ts';
import { createDecision } from './factory.ts';
import type { Operation } from './operations.ts';
import { OperationError } from './operations.ts';
import { dateSchema, nameSchema, textSchema, timestampSchema } from './scalars.ts';
import { fixture } from './testing/small-design.ts';

const NO_SUCH_DAY = 'No such day: the month is 01-12 and the day must exist in that month.';
const NO_SUCH_MOMENT = 'No such moment: the day must exist, hours are 00-23, minutes and seconds 00-59.';
const COORDINATE = 'A canvas coordinate is between -1,000,000 and 1,000,000.';
const BROKEN =
  'The text holds a broken character (half of a character pair, such as a cut emoji): retype or remove it.';

function messages(result: { success: boolean; error?: { issues: { message: string }[] } }): string[] {
  return result.success ? [] : (result.error?.issues.map((issue) => issue.message) ?? []);
}

function refusal(design: Design, ops: Operation[]): string {
  try {
    applyOperations(design, ops);
  } catch (error) {
    if (error instanceof OperationError) return error.message;
    throw error;
  }
  throw new Error('expected the operations to be refused');
}

/** The problems parseDesign names for the design as a file, after `edit` changed its JSON. */
function fileProblems(design: Design, edit: (json: Record<string, unknown[]>) => void): string[] {
  const json = JSON.parse(serializeDesign(design)) as Record<string, unknown[]>;
  edit(json);
  try {
    parseDesign(JSON.stringify(json));
  } catch (error) {
    if (error instanceof DesignFormatError && error.code === 'invalid') return [...error.problems];
    throw error;
  }
  throw new Error('expected the file to be refused');
}

describe('dates and timestamps', () => {
  it('accept real days, leap days included', () => {
    for (const day of ['2026-12-31', '2024-02-29', '2000-02-29', '0001-01-01']) {
      expect(messages(dateSchema.safeParse(day))).toEqual([]);
    }
  });

  it('refuse days that are not on the calendar', () => {
    const days = [
      '9999-99-99',
      '2026-02-30',
      '2023-02-29',
      '1900-02-29',
      '2026-04-31',
      '2026-00-10',
      '2026-01-00',
    ];
    for (const day of days) expect(messages(dateSchema.safeParse(day))).toEqual([NO_SUCH_DAY]);
    expect(messages(dateSchema.safeParse('28.11.2026'))).toEqual(['An ISO-8601 date (YYYY-MM-DD).']);
  });

  it('accept real moments and refuse others', () => {
    for (const moment of ['2026-11-28T07:39:46.000Z', '2024-02-29T23:59:59Z', '2026-01-01T00:00:00.5Z']) {
      expect(messages(timestampSchema.safeParse(moment))).toEqual([]);
    }
    const moments = [
      '9999-99-99T99:99:99Z',
      '2026-02-30T10:00:00Z',
      '2026-01-01T24:00:00Z',
      '2026-01-01T12:60:00Z',
      '2026-12-31T23:59:60Z',
    ];
    for (const moment of moments)
      expect(messages(timestampSchema.safeParse(moment))).toEqual([NO_SUCH_MOMENT]);
  });

  it('refuse a decision dated on a day that does not exist, in an edit and in a file', () => {
    const f = fixture();
    const decision = { ...createDecision({ title: 'Use a cache' }), date: '2026-02-30' };
    expect(refusal(f.design, [{ type: 'decision.add', decision }])).toBe(
      `Invalid decision.add: decision.date: ${NO_SUCH_DAY}`,
    );
    const withDecision = applyOperations(f.design, [
      { type: 'decision.add', decision: { ...decision, date: '2026-02-28' } },
    ]).design;
    const problems = fileProblems(withDecision, (json) => {
      (json.decisions![0] as { date: string }).date = '2026-02-30';
      (json.meta as unknown as { createdAt: string }).createdAt = '2026-03-01T25:00:00Z';
    });
    expect(problems).toEqual([`meta.createdAt: ${NO_SUCH_MOMENT}`, `decisions[0].date: ${NO_SUCH_DAY}`]);
  });
});

describe('canvas coordinates', () => {
  it('accept the bounds themselves', () => {
    const f = fixture();
    const { design } = applyOperations(f.design, [
      { type: 'component.update', id: f.server.id, changes: { position: { x: -1_000_000, y: 1_000_000 } } },
      { type: 'component.update', id: f.region.id, changes: { size: { width: 2_000_000, height: 0.5 } } },
      {
        type: 'scenario.update',
        id: f.scenarioId,
        changes: { viewport: { x: -100_000_000, y: 100_000_000, zoom: 0.01 } },
      },
    ]);
    expect(design.components.find((c) => c.id === f.server.id)!.position).toEqual({ x: -1e6, y: 1e6 });
  });

  it('refuse an edit that puts a value out of range, naming where', () => {
    const f = fixture();
    const cases: [Operation, string][] = [
      [
        { type: 'component.update', id: f.server.id, changes: { position: { x: 1e308, y: 0 } } },
        `Invalid component.update: changes.position.x: ${COORDINATE}`,
      ],
      [
        { type: 'component.update', id: f.server.id, changes: { position: { x: 0, y: -1_000_001 } } },
        `Invalid component.update: changes.position.y: ${COORDINATE}`,
      ],
      [
        { type: 'component.update', id: f.region.id, changes: { size: { width: 5e6, height: 10 } } },
        'Invalid component.update: changes.size.width: A size is at most 2,000,000.',
      ],
      [
        { type: 'scenario.update', id: f.scenarioId, changes: { viewport: { x: -1e308, y: 0, zoom: 1 } } },
        'Invalid scenario.update: changes.viewport.x: A viewport offset is between -100,000,000 and 100,000,000.',
      ],
      [
        { type: 'scenario.update', id: f.scenarioId, changes: { viewport: { x: 0, y: 0, zoom: 1e308 } } },
        'Invalid scenario.update: changes.viewport.zoom: A zoom is between 0.01 and 100.',
      ],
      [
        { type: 'scenario.update', id: f.scenarioId, changes: { viewport: { x: 0, y: 0, zoom: 0.001 } } },
        'Invalid scenario.update: changes.viewport.zoom: A zoom is between 0.01 and 100.',
      ],
    ];
    for (const [op, message] of cases) expect(refusal(f.design, [op])).toBe(message);
  });

  it('refuse a file with a value out of range, naming its path', () => {
    const f = fixture();
    const problems = fileProblems(f.design, (json) => {
      (json.components![2] as { position: { x: number } }).position.x = 1e308;
      (json.scenarios![0] as { viewport: unknown }).viewport = { x: 0, y: 0, zoom: 1e308 };
    });
    expect(problems).toEqual([
      'scenarios[0].viewport.zoom: A zoom is between 0.01 and 100.',
      `components[2].position.x: ${COORDINATE}`,
    ]);
  });
});

describe('texts that are not well-formed UTF-16', () => {
  it('are refused in names and texts; whole surrogate pairs are fine', () => {
    expect(messages(nameSchema.safeParse('Cache 😀'))).toEqual([]);
    expect(messages(nameSchema.safeParse('Cache \uD83D'))).toEqual([BROKEN]);
    expect(messages(textSchema.safeParse('\uDE00 trailing half'))).toEqual([BROKEN]);
    expect(messages(textSchema.safeParse('reversed \uDE00\uD83D pair'))).toEqual([BROKEN]);
  });

  it('are refused in every text an edit carries', () => {
    const f = fixture();
    const decision = createDecision({ title: 'Use a cache' });
    const cases: [Operation, string][] = [
      [
        { type: 'component.update', id: f.server.id, changes: { name: 'Scorer \uD83D' } },
        `Invalid component.update: changes.name: ${BROKEN}`,
      ],
      [
        { type: 'meta.update', changes: { description: 'half \uDC00' } },
        `Invalid meta.update: changes.description: ${BROKEN}`,
      ],
      [
        { type: 'decision.add', decision: { ...decision, deciders: ['Ana', 'B\uD800'] } },
        `Invalid decision.add: decision.deciders[1]: ${BROKEN}`,
      ],
      [
        { type: 'journey.update', id: f.journey.id, changes: { description: '\uD800' } },
        `Invalid journey.update: changes.description: ${BROKEN}`,
      ],
    ];
    for (const [op, message] of cases) expect(refusal(f.design, [op])).toBe(message);
  });

  it('are refused in a file, where JSON can spell them as escapes', () => {
    const f = fixture();
    const text = serializeDesign(f.design).replace('"name": "Pay"', '"name": "Pay \\ud800"');
    expect(() => parseDesign(text)).toThrow(`journeys[0].name: ${BROKEN}`);
  });
});
