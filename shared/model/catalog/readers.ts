import {
  booleanValue,
  enumValue,
  integerValue,
  numberValue,
  setValue,
  stringValue,
} from '../attribute-values.ts';
import type { Attributes } from '../attributes.ts';
import { connectionKindSpecs } from './connections.ts';
import { kindSpecs } from './kinds.ts';
import type { AttrType } from './types.ts';

/*
 * Typed reads of one attribute of a component's or connection's bag: the value with the type the catalog
 * gives its key, or null when it is unknown, absent (a kind without that attribute) or of another type.
 * Every key has one type across the whole catalog, so asking for a key the catalog does not have, or as the
 * wrong type, is a bug in the caller (a typo, a reader that drifted from the catalog) and throws at once.
 */

let keyTypes: ReadonlyMap<string, AttrType> | null = null;

/** The catalog's type of `key`, over every component and connection kind; undefined when no kind has it. */
export function catalogAttrType(key: string): AttrType | undefined {
  if (keyTypes === null) {
    const types = new Map<string, AttrType>();
    for (const { attributes } of [...kindSpecs, ...connectionKindSpecs])
      for (const spec of attributes) types.set(spec.key, spec.type);
    keyTypes = types;
  }
  return keyTypes.get(key);
}

function checkKey(key: string, accepted: readonly AttrType[]): void {
  const type = catalogAttrType(key);
  if (type === undefined) throw new Error(`The catalog has no attribute "${key}".`);
  if (!accepted.includes(type))
    throw new Error(`Attribute "${key}" is of type ${type} in the catalog, not ${accepted.join(' or ')}.`);
}

/** A number or integer attribute (in the catalog's unit for `key`); null when unknown. */
export function readNumber(attributes: Attributes, key: string): number | null {
  checkKey(key, ['number', 'integer']);
  return numberValue(attributes[key]);
}

/** A whole-number attribute (replicas, retries, days); null when unknown. */
export function readInteger(attributes: Attributes, key: string): number | null {
  checkKey(key, ['integer']);
  return integerValue(attributes[key]);
}

/** A yes/no attribute; null when unknown. */
export function readBoolean(attributes: Attributes, key: string): boolean | null {
  checkKey(key, ['boolean']);
  return booleanValue(attributes[key]);
}

/** A free-text attribute; null when unknown. */
export function readString(attributes: Attributes, key: string): string | null {
  checkKey(key, ['string']);
  return stringValue(attributes[key]);
}

/**
 * An enum attribute: with `values` (the ones the caller handles) one of them, else null; without, the stored
 * text (e.g. to show it). Null when unknown.
 */
export function readEnum<V extends string>(
  attributes: Attributes,
  key: string,
  values: readonly V[],
): V | null;
export function readEnum(attributes: Attributes, key: string): string | null;
export function readEnum(attributes: Attributes, key: string, values?: readonly string[]): string | null {
  checkKey(key, ['enum']);
  return values ? enumValue(attributes[key], values) : stringValue(attributes[key]);
}

/** A set attribute (e.g. data_classes) in its stored order; null when unknown. */
export function readSet(attributes: Attributes, key: string): readonly string[] | null {
  checkKey(key, ['set']);
  return setValue(attributes[key]);
}
