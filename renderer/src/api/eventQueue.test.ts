import { afterEach, describe, expect, it, vi } from 'vitest';
import { createEventQueue } from './eventQueue.ts';

describe('event queue', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('keeps events that arrive before the first listener and delivers them in order', () => {
    const queue = createEventQueue<string>();
    queue.emit('a');
    queue.emit('b');
    const seen: string[] = [];
    queue.subscribe((e) => seen.push(e));
    expect(seen).toEqual(['a', 'b']);
    queue.emit('c');
    expect(seen).toEqual(['a', 'b', 'c']);
  });

  it('gives the kept events to the first listener only, once', () => {
    const queue = createEventQueue<string>();
    queue.emit('early');
    const first: string[] = [];
    const second: string[] = [];
    const stop = queue.subscribe((e) => first.push(e));
    stop();
    queue.subscribe((e) => second.push(e));
    expect(first).toEqual(['early']);
    expect(second).toEqual([]);
  });

  it('delivers live events to every listener and stops after unsubscribe', () => {
    const queue = createEventQueue<number>();
    const a: number[] = [];
    const b: number[] = [];
    const stopA = queue.subscribe((e) => a.push(e));
    queue.subscribe((e) => b.push(e));
    queue.emit(1);
    stopA();
    queue.emit(2);
    expect(a).toEqual([1]);
    expect(b).toEqual([1, 2]);
  });

  it('drops events that arrive after the first subscription while nobody listens', () => {
    const queue = createEventQueue<number>();
    const stop = queue.subscribe(() => {});
    stop();
    queue.emit(1);
    const late: number[] = [];
    queue.subscribe((e) => late.push(e));
    expect(late).toEqual([]);
  });

  it('keeps delivering to other listeners when one throws, and rethrows the error later', () => {
    const rethrows: (() => void)[] = [];
    vi.stubGlobal('queueMicrotask', (task: () => void) => rethrows.push(task));
    const queue = createEventQueue<number>();
    const seen: number[] = [];
    queue.subscribe(() => {
      throw new Error('listener failed');
    });
    queue.subscribe((e) => seen.push(e));
    queue.emit(7);
    expect(seen).toEqual([7]);
    expect(rethrows).toHaveLength(1);
    expect(() => rethrows[0]!()).toThrow('listener failed');
  });
});
