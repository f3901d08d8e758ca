import { describe, expect, it } from 'vitest';
import type { Attributes } from '../attributes.ts';
import { defaultAttributes, defaultConnectionAttributes } from './index.ts';
import {
  catalogAttrType,
  readBoolean,
  readEnum,
  readInteger,
  readNumber,
  readSet,
  readString,
} from './readers.ts';

describe('typed attribute readers', () => {
  const cache = defaultAttributes('cache');

  it('reads each type from a real bag (the cache defaults of DOMAIN.md §1)', () => {
    expect(readNumber(cache, 'hit_ratio')).toBe(0.6);
    expect(readNumber(cache, 'availability')).toBe(0.999);
    // An integer attribute is a number too.
    expect(readNumber(cache, 'mttr_min')).toBe(60);
    expect(readInteger(cache, 'replicas')).toBe(2);
    expect(readBoolean(cache, 'autoscaling')).toBe(false);
    expect(readEnum(cache, 'redundancy_mode', ['none', 'active-active', 'active-passive'])).toBe(
      'active-passive',
    );
    expect(readEnum(cache, 'network_exposure')).toBe('vpc');
    expect(readSet(cache, 'data_classes')).toEqual(['internal']);
    expect(readNumber(defaultConnectionAttributes('call'), 'payload_kb')).toBeNull();
  });

  it('reads null for unknown, for an attribute the kind lacks, and for a value of another type', () => {
    expect(readNumber(cache, 'p99_ms')).toBeNull();
    expect(readString(cache, 'team')).toBeNull();
    expect(readNumber(defaultAttributes('region'), 'p95_ms')).toBeNull();
    const broken: Attributes = { replicas: 2.5, autoscaling: 'yes', team: 7, data_classes: 'pii' };
    expect(readInteger(broken, 'replicas')).toBeNull();
    expect(readBoolean(broken, 'autoscaling')).toBeNull();
    expect(readString(broken, 'team')).toBeNull();
    expect(readSet(broken, 'data_classes')).toBeNull();
  });

  it('reads an enum value the caller does not handle as null', () => {
    expect(readEnum(cache, 'redundancy_mode', ['none', 'active-active'])).toBeNull();
  });

  it('throws for a key the catalog does not have, or read as another type than the catalog gives it', () => {
    expect(() => readNumber(cache, 'p95ms')).toThrow('The catalog has no attribute "p95ms".');
    expect(() => readNumber(cache, 'team')).toThrow(
      'Attribute "team" is of type string in the catalog, not number or integer.',
    );
    expect(() => readInteger(cache, 'availability')).toThrow('is of type number in the catalog, not integer');
    expect(() => readString(cache, 'network_exposure')).toThrow('is of type enum');
    expect(() => readBoolean(cache, 'data_classes')).toThrow('is of type set');
    expect(() => readSet(cache, 'autoscaling')).toThrow('is of type boolean');
    expect(() => readEnum(cache, 'replicas')).toThrow('is of type integer');
  });

  it('knows the type of component and connection keys alike', () => {
    expect(catalogAttrType('p95_ms')).toBe('number');
    expect(catalogAttrType('retries')).toBe('integer');
    expect(catalogAttrType('mode')).toBe('enum');
    expect(catalogAttrType('nope')).toBeUndefined();
  });
});
