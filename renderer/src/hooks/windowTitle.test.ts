import { describe, expect, it } from 'vitest';
import { windowTitle } from './windowTitle.ts';

describe('windowTitle', () => {
  it('puts the design first and names the app', () => {
    expect(windowTitle('Fraud scoring')).toBe('Fraud scoring — MLArch Studio');
    expect(windowTitle(null)).toBe('MLArch Studio');
  });
});
