import type { AttrValue } from './attributes.ts';

/*
 * One attribute value on its own: equality, and narrowing to the type a caller expects. A value of another
 * type (a bag that was never validated) narrows to null, like unknown, so no caller needs a cast. Reading a
 * key of a bag with the catalog's type checked is in catalog/readers.ts.
 */

/** True when two values are the same: sets item by item, in order (bags keep catalog order); others by identity. */
export function sameAttrValue(a: AttrValue | undefined, b: AttrValue | undefined): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => v === b[i]);
  return a === b;
}

/** The value as a finite number; null when unknown or not a number. */
export function numberValue(value: AttrValue | undefined): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** The value as a whole number; null when unknown or not a whole number. */
export function integerValue(value: AttrValue | undefined): number | null {
  return typeof value === 'number' && Number.isInteger(value) ? value : null;
}

/** The value as yes/no; null when unknown or not a boolean. */
export function booleanValue(value: AttrValue | undefined): boolean | null {
  return typeof value === 'boolean' ? value : null;
}

/** The value as text; null when unknown or not a string. */
export function stringValue(value: AttrValue | undefined): string | null {
  return typeof value === 'string' ? value : null;
}

/** The value when it is one of `values`; null when unknown or anything else. */
export function enumValue<V extends string>(value: AttrValue | undefined, values: readonly V[]): V | null {
  return typeof value === 'string' && isOneOf(value, values) ? value : null;
}

function isOneOf<V extends string>(value: string, values: readonly V[]): value is V {
  const allowed: readonly string[] = values;
  return allowed.includes(value);
}

/** The value as a set (a list of strings); null when unknown or not a list. */
export function setValue(value: AttrValue | undefined): readonly string[] | null {
  return Array.isArray(value) ? value : null;
}
