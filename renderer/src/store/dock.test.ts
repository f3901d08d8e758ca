import { describe, expect, it } from 'vitest';
import {
  clampDockHeight,
  defaultDockPrefs,
  DOCK_MAX_HEIGHT_PX,
  DOCK_MIN_HEIGHT_PX,
  parseDockPrefs,
} from './dock.ts';

describe('dock preferences', () => {
  it('reads what was stored', () => {
    expect(parseDockPrefs('{"open":true,"heightPx":333,"tab":"connections"}')).toEqual({
      open: true,
      heightPx: 333,
      tab: 'connections',
    });
  });

  it('falls back to the defaults for missing, malformed or foreign values', () => {
    expect(parseDockPrefs(null)).toEqual(defaultDockPrefs);
    expect(parseDockPrefs('not json')).toEqual(defaultDockPrefs);
    expect(parseDockPrefs('[1,2]')).toEqual(defaultDockPrefs);
    expect(parseDockPrefs('{"open":"yes","heightPx":"big","tab":"weather"}')).toEqual(defaultDockPrefs);
  });

  it('keeps an analysis tab', () => {
    expect(parseDockPrefs('{"tab":"latency"}').tab).toBe('latency');
    expect(parseDockPrefs('{"tab":"compare"}').tab).toBe('compare');
  });

  it('keeps the height within bounds', () => {
    expect(parseDockPrefs('{"heightPx":5}').heightPx).toBe(DOCK_MIN_HEIGHT_PX);
    expect(clampDockHeight(1e6)).toBe(DOCK_MAX_HEIGHT_PX);
    expect(clampDockHeight(Number.NaN)).toBe(defaultDockPrefs.heightPx);
    expect(clampDockHeight(200.4)).toBe(200);
  });
});
