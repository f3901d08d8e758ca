import { describe, expect, it } from 'vitest';
import {
  booleanValue,
  enumValue,
  integerValue,
  numberValue,
  sameAttrValue,
  setValue,
  stringValue,
} from './attribute-values.ts';

describe('sameAttrValue', () => {
  it('compares sets item by item and in order, everything else by identity', () => {
    expect(sameAttrValue(['a', 'b'], ['a', 'b'])).toBe(true);
    expect(sameAttrValue(['a', 'b'], ['b', 'a'])).toBe(false);
    expect(sameAttrValue(['a'], ['a', 'b'])).toBe(false);
    expect(sameAttrValue([], [])).toBe(true);
    expect(sameAttrValue(1, 1)).toBe(true);
    expect(sameAttrValue(1, '1')).toBe(false);
    expect(sameAttrValue(null, null)).toBe(true);
    // Unknown (null) is a value; a missing key is not.
    expect(sameAttrValue(null, undefined)).toBe(false);
    expect(sameAttrValue([], null)).toBe(false);
  });
});

describe('value narrowing', () => {
  it('reads numbers, whole numbers, booleans and text, with null for unknown and for other types', () => {
    expect([numberValue(0.5), numberValue(null), numberValue('5'), numberValue(Number.NaN)]).toEqual([
      0.5,
      null,
      null,
      null,
    ]);
    expect([integerValue(3), integerValue(2.5), integerValue(true)]).toEqual([3, null, null]);
    expect([booleanValue(false), booleanValue('false'), booleanValue(undefined)]).toEqual([
      false,
      null,
      null,
    ]);
    expect([stringValue('eu-west-1'), stringValue(''), stringValue(1), stringValue(['a'])]).toEqual([
      'eu-west-1',
      '',
      null,
      null,
    ]);
  });

  it('reads an enum only as one of the values the caller handles', () => {
    const modes = ['sync', 'async'] as const;
    expect(enumValue('async', modes)).toBe('async');
    expect(enumValue('batch', modes)).toBeNull();
    expect(enumValue(null, modes)).toBeNull();
  });

  it('reads a set as its list and keeps empty apart from unknown', () => {
    expect(setValue(['pii', 'internal'])).toEqual(['pii', 'internal']);
    expect(setValue([])).toEqual([]);
    expect(setValue(null)).toBeNull();
    expect(setValue('pii')).toBeNull();
  });
});
