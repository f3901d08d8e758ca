import { describe, expect, it } from 'vitest';
import { createMemoById } from './memoById.ts';

interface Item {
  readonly id: string;
  readonly name: string;
}

describe('createMemoById', () => {
  it('hands back the previous object while every input is identical, and rebuilds the others', () => {
    const memo = createMemoById<{ label: string }>();
    let builds = 0;
    const recipe = (highlighted: string) => ({
      idOf: (item: Item) => item.id,
      inputsOf: (item: Item) => [item, item.id === highlighted],
      build: (item: Item) => {
        builds += 1;
        return { label: item.name };
      },
    });
    const a = { id: 'a', name: 'A' };
    const b = { id: 'b', name: 'B' };
    const first = memo([a, b], recipe('a'));
    expect(builds).toBe(2);
    const second = memo([a, b], recipe('a'));
    expect(builds).toBe(2);
    expect(second[0]).toBe(first[0]);
    expect(second[1]).toBe(first[1]);
    const third = memo([a, { ...b, name: 'B2' }], recipe('b'));
    expect(builds).toBe(4);
    expect(third.map((v) => v.label)).toEqual(['A', 'B2']);
    expect(third[0]).not.toBe(first[0]);
  });

  it('forgets ids that leave the list, so one coming back is rebuilt', () => {
    const memo = createMemoById<object>();
    const recipe = { idOf: (item: Item) => item.id, inputsOf: (item: Item) => [item], build: () => ({}) };
    const a = { id: 'a', name: 'A' };
    const [before] = memo([a], recipe);
    memo([], recipe);
    const [after] = memo([a], recipe);
    expect(after).not.toBe(before);
  });
});
