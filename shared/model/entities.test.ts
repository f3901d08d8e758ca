import { describe, expect, it } from 'vitest';
import { DraftTable, RefCount } from './draft.ts';
import {
  addOperation,
  entityOperationKind,
  operationEntityId,
  operationSchema,
  removeOperation,
  updateOperation,
} from './operations.ts';
import { fixture } from './testing/small-design.ts';

describe('the operations built from the entity table', () => {
  it('are exactly add, update and remove per entity, plus meta.update', () => {
    const types = operationSchema.options.map((option) => option.shape.type.value).sort();
    const entities = ['component', 'connection', 'decision', 'journey', 'risk', 'scenario', 'snapshot'];
    const expected = [
      'meta.update',
      ...entities.flatMap((e) => [`${e}.add`, `${e}.remove`, `${e}.update`]),
    ].sort();
    expect(types).toEqual(expected);
  });

  it('carry an added entity under the key named by the prefix', () => {
    const f = fixture();
    const add = addOperation('journeys', f.journey);
    expect(add).toEqual({ type: 'journey.add', journey: f.journey });
    expect(operationSchema.safeParse(add).success).toBe(true);
    expect(operationSchema.safeParse({ type: 'journey.add', component: f.journey }).success).toBe(false);
    expect(operationEntityId(add)).toBe(f.journey.id);
    expect(entityOperationKind('journey.add')).toEqual({ collection: 'journeys', verb: 'add' });
    expect(entityOperationKind('risk.remove')).toEqual({ collection: 'risks', verb: 'remove' });
    expect(entityOperationKind('meta.update')).toBeUndefined();
    expect(entityOperationKind('journeys.add')).toBeUndefined();
    expect(updateOperation('components', f.server.id, { name: 'X' })).toEqual({
      type: 'component.update',
      id: f.server.id,
      changes: { name: 'X' },
    });
    expect(removeOperation('risks', 'r_1')).toEqual({ type: 'risk.remove', id: 'r_1' });
  });

  it('refuse a change of a field the row keeps fixed (a journey scenario, a risk finding)', () => {
    const f = fixture();
    const moved = { type: 'journey.update', id: f.journey.id, changes: { scenarioId: 's_other' } };
    expect(operationSchema.safeParse(moved).success).toBe(false);
    const refiled = { type: 'risk.update', id: 'r_1', changes: { findingId: 'spof@c_1' } };
    expect(operationSchema.safeParse(refiled).success).toBe(false);
  });
});

describe('RefCount', () => {
  // Items refer through a single field and through a list (a journey route of connection ids, in format 2).
  type Item = { id: string; one: string | null; many: string[] };
  const items: Item[] = [
    { id: 'a', one: 'x', many: ['x', 'y'] },
    { id: 'b', one: null, many: ['y'] },
    { id: 'c', one: 'y', many: [] },
  ];

  it('counts single and list fields the same before and after it builds its counts', () => {
    const table = new DraftTable(items);
    const count = new RefCount(table, [(item) => item.one, (item) => item.many]);
    // x: a.one, a.many[0] = 2; y: a.many[1], b.many[0], c.one = 3. The first calls scan, later ones index.
    const seen = Array.from({ length: 8 }, (_, i) => count.count(i % 2 === 0 ? 'x' : 'y'));
    expect(seen).toEqual([2, 3, 2, 3, 2, 3, 2, 3]);
    expect(count.count('z')).toBe(0);
  });

  it('follows adds, replacements and removals once its counts are built', () => {
    const table = new DraftTable(items);
    const count = new RefCount(table, [(item) => item.one, (item) => item.many]);
    for (let i = 0; i < 6; i++) count.count('x');
    const d: Item = { id: 'd', one: 'x', many: ['x', 'x'] };
    table.add(d);
    count.added(d);
    expect(count.count('x')).toBe(5);
    const slot = table.slotOf('a');
    const a = table.at(slot);
    const next: Item = { ...a, many: [] };
    table.replace(slot, next);
    count.removed(a);
    count.added(next);
    expect(count.count('x')).toBe(4);
    expect(count.count('y')).toBe(2);
    table.remove(table.slotOf('d'));
    count.removed(d);
    expect(count.count('x')).toBe(1);
  });
});
