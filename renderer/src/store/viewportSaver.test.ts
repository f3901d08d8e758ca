import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createViewportSaver } from './viewportSaver.ts';

describe('viewport saver', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('writes only the last viewport of a burst, once the view is still', () => {
    const write = vi.fn();
    const saver = createViewportSaver(write, 500);
    saver.schedule('d', 's', { x: 1, y: 1, zoom: 1 });
    vi.advanceTimersByTime(300);
    saver.schedule('d', 's', { x: 2, y: 2, zoom: 1 });
    vi.advanceTimersByTime(499);
    expect(write).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(write).toHaveBeenCalledExactlyOnceWith('d', 's', { x: 2, y: 2, zoom: 1 });
  });

  it('writes at once on flush, and only once', () => {
    const write = vi.fn();
    const saver = createViewportSaver(write, 500);
    saver.schedule('d', 's', { x: 3, y: 3, zoom: 2 });
    saver.flush();
    vi.advanceTimersByTime(1000);
    saver.flush();
    expect(write).toHaveBeenCalledExactlyOnceWith('d', 's', { x: 3, y: 3, zoom: 2 });
  });

  it('does not let a move in another scenario replace the waiting one', () => {
    const write = vi.fn();
    const saver = createViewportSaver(write, 500);
    saver.schedule('d', 's1', { x: 1, y: 1, zoom: 1 });
    saver.schedule('d', 's2', { x: 2, y: 2, zoom: 1 });
    expect(write).toHaveBeenCalledExactlyOnceWith('d', 's1', { x: 1, y: 1, zoom: 1 });
    vi.advanceTimersByTime(500);
    expect(write).toHaveBeenLastCalledWith('d', 's2', { x: 2, y: 2, zoom: 1 });
  });
});
