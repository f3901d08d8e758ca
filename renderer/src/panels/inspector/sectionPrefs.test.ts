import { describe, expect, it } from 'vitest';
import { isSectionOpen, parseSectionPrefs } from './sectionPrefs.ts';

describe('inspector section preferences', () => {
  it('opens latency, availability and cost by default', () => {
    const open = (
      ['ownership', 'deployment', 'latency', 'availability', 'cost', 'compliance', 'kind'] as const
    ).filter((g) => isSectionOpen({}, g));
    expect(open).toEqual(['latency', 'availability', 'cost']);
  });

  it('keeps what the user chose over the default', () => {
    const prefs = parseSectionPrefs(JSON.stringify({ latency: false, deployment: true }));
    expect(isSectionOpen(prefs, 'latency')).toBe(false);
    expect(isSectionOpen(prefs, 'deployment')).toBe(true);
    expect(isSectionOpen(prefs, 'cost')).toBe(true);
  });

  it('ignores malformed storage, unknown groups and non-boolean values', () => {
    expect(parseSectionPrefs(null)).toEqual({});
    expect(parseSectionPrefs('{not json')).toEqual({});
    expect(parseSectionPrefs('[true]')).toEqual({});
    expect(parseSectionPrefs(JSON.stringify({ latency: 'no', bogus: true, cost: false }))).toEqual({
      cost: false,
    });
  });
});
