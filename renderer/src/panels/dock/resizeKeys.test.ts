import { describe, expect, it } from 'vitest';
import { DOCK_MAX_HEIGHT_PX, DOCK_MIN_HEIGHT_PX } from '../../store/dock.ts';
import { heightForKey } from './resizeKeys.ts';

describe('heightForKey', () => {
  it('grows with ArrowUp and shrinks with ArrowDown, in bigger steps with Shift', () => {
    expect(heightForKey('ArrowUp', false, 200)).toBe(216);
    expect(heightForKey('ArrowDown', false, 200)).toBe(184);
    expect(heightForKey('ArrowUp', true, 200)).toBe(264);
  });

  it('jumps to the bounds with Home and End and ignores other keys', () => {
    expect(heightForKey('Home', false, 200)).toBe(DOCK_MIN_HEIGHT_PX);
    expect(heightForKey('End', true, 200)).toBe(DOCK_MAX_HEIGHT_PX);
    expect(heightForKey('a', false, 200)).toBeNull();
  });
});
