import { describe, expect, it } from 'vitest';
import { getKindSpec } from '../../../../shared/model/catalog/index.ts';
import type { AttrSpec } from '../../../../shared/model/catalog/types.ts';
import { parseNumber } from '../parseNumber.ts';
import { formatAttrValue, isAssumed, parseAttrText, toggleSetItem } from './attributeValues.ts';

function spec(key: string): AttrSpec {
  const found = getKindSpec('model-server').attributes.find((s) => s.key === key);
  if (!found) throw new Error(`no ${key}`);
  return found;
}

describe('parseNumber', () => {
  it('reads plain, signed, decimal and exponent notation', () => {
    expect(parseNumber('120')).toBe(120);
    expect(parseNumber(' 0.5 ')).toBe(0.5);
    expect(parseNumber('.25')).toBe(0.25);
    expect(parseNumber('-3')).toBe(-3);
    expect(parseNumber('+7.')).toBe(7);
    expect(parseNumber('1e3')).toBe(1000);
    expect(parseNumber('2.5E-2')).toBe(0.025);
  });

  it('takes a single comma as a decimal comma and spaces or underscores as digit groups', () => {
    expect(parseNumber('0,5')).toBe(0.5);
    expect(parseNumber('12,75')).toBe(12.75);
    expect(parseNumber('1 000 000')).toBe(1_000_000);
    expect(parseNumber('1_000')).toBe(1000);
    expect(parseNumber('1\u202f000,5')).toBe(1000.5);
  });

  it('refuses anything that is not exactly one number', () => {
    for (const text of [
      '',
      ' ',
      'abc',
      '12ms',
      '0x10',
      'Infinity',
      'NaN',
      '1e',
      '1.2.3',
      '1,2,3',
      '1,5.0',
      '--1',
      '1e400',
    ])
      expect(parseNumber(text), text).toBeNull();
  });

  it('refuses "1,000", which could be a thousand or one', () => {
    expect(parseNumber('1,000')).toBeNull();
    expect(parseNumber('1,0001')).toBe(1.0001);
  });
});

describe('formatAttrValue', () => {
  it('shows unknown as empty and numbers so they read back the same', () => {
    expect(formatAttrValue(null)).toBe('');
    expect(formatAttrValue(0.999)).toBe('0.999');
    expect(formatAttrValue(-0)).toBe('0');
    expect(formatAttrValue(1e-7)).toBe('1e-7');
    expect(parseNumber(formatAttrValue(1e-7))).toBe(1e-7);
    expect(formatAttrValue('eu-west-1')).toBe('eu-west-1');
  });
});

describe('parseAttrText', () => {
  it('accepts a number within the bounds', () => {
    expect(parseAttrText(spec('p95_ms'), '120')).toEqual({ value: 120 });
    expect(parseAttrText(spec('availability'), '0,9995')).toEqual({ value: 0.9995 });
  });

  it('gives the catalog message for a value out of range or not whole', () => {
    expect(parseAttrText(spec('availability'), '1.5')).toEqual({
      error: '"Availability" must be at most 1.',
    });
    expect(parseAttrText(spec('replicas'), '2.5')).toEqual({ error: '"Replicas" must be a whole number.' });
    expect(parseAttrText(spec('p95_ms'), '-1')).toEqual({ error: '"p95 latency" must be at least 0 ms.' });
  });

  it('explains a text that is not a number', () => {
    expect(parseAttrText(spec('p95_ms'), 'fast')).toEqual({
      error: '"p95 latency" must be a number, e.g. 70.',
    });
    expect(parseAttrText(spec('p95_ms'), '1,000')).toHaveProperty(
      'error',
      expect.stringContaining('1000 or 1.000'),
    );
  });

  it('reads an empty field as unknown only where unknown is allowed', () => {
    expect(parseAttrText(spec('p99_ms'), '  ')).toEqual({ value: null });
    expect(parseAttrText(spec('p95_ms'), '')).toEqual({ error: '"p95 latency" needs a value.' });
    expect(parseAttrText(spec('region'), '')).toEqual({ value: null });
    expect(parseAttrText(spec('region'), ' eu-west-1 ')).toEqual({ value: 'eu-west-1' });
  });
});

describe('isAssumed', () => {
  it('marks an assumed attribute only while it holds the default', () => {
    const availability = spec('availability');
    expect(isAssumed(availability, availability.default)).toBe(true);
    expect(isAssumed(availability, 0.9995)).toBe(false);
    expect(isAssumed(spec('p95_ms'), spec('p95_ms').default)).toBe(false);
  });
});

describe('toggleSetItem', () => {
  const dataClasses = spec('data_classes');
  it('adds and removes values, keeping the catalog order', () => {
    expect(toggleSetItem(dataClasses, ['internal'], 'public', true)).toEqual(['public', 'internal']);
    expect(toggleSetItem(dataClasses, ['public', 'pii'], 'public', false)).toEqual(['pii']);
    expect(toggleSetItem(dataClasses, ['pii'], 'pii', true)).toEqual(['pii']);
  });

  it('starts from empty when the set was unknown', () => {
    expect(toggleSetItem(dataClasses, null, 'phi', true)).toEqual(['phi']);
  });
});
