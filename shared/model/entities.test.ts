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
    const entities = [
      'component',
      'connection',
      'decision',
      'group',
      'journey',
      'risk',
      'scenario',
      'snapshot',
    ];
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
  // Items refer through lists (a journey route of connection ids, in format 2) and through a single field.
  // Three readers: the count treats the first two apart from any further ones, and each may hold a list.
  type Item = { id: string; many: string[]; one: string | null; more: string[] };
  const items: Item[] = [
    { id: 'a', many: ['x', 'y'], one: 'x', more: [] },
    { id: 'b', many: ['y'], one: null, more: ['x', 'x'] },
    { id: 'c', many: [], one: 'y', more: ['y', 'y'] },
  ];
  const readers = [(item: Item) => item.many, (item: Item) => item.one, (item: Item) => item.more];

  it('counts single and list fields the same before and after it builds its counts', () => {
    const count = new RefCount(new DraftTable(items), readers);
    // x: a.many, a.one, b.more twice = 4; y: a.many, b.many, c.one, c.more twice = 5. The first four calls
    // scan, the later ones read the counts built on the fifth.
    const seen = Array.from({ length: 8 }, (_, i) => count.count(i % 2 === 0 ? 'x' : 'y'));
    expect(seen).toEqual([4, 5, 4, 5, 4, 5, 4, 5]);
    expect(count.count('z')).toBe(0);
  });

  it('follows adds, replacements and removals once its counts are built', () => {
    const table = new DraftTable(items);
    const count = new RefCount(table, readers);
    for (let i = 0; i < 6; i++) count.count('x');
    const d: Item = { id: 'd', many: ['x', 'x'], one: 'x', more: [] };
    table.add(d);
    count.added(d);
    expect(count.count('x')).toBe(7);
    const slot = table.slotOf('b');
    const b = table.at(slot);
    const next: Item = { ...b, more: [] };
    table.replace(slot, next);
    count.removed(b);
    count.added(next);
    expect(count.count('x')).toBe(5);
    expect(count.count('y')).toBe(5);
    table.remove(table.slotOf('d'));
    count.removed(d);
    expect(count.count('x')).toBe(2);
  });
});
