import type { AttrValue, Attributes } from '../attributes.ts';
import type { AttrSpec } from './types.ts';

/** Why `value` does not fit `spec`, in words a user can act on; null when it fits. */
export function attributeError(spec: AttrSpec, value: AttrValue): string | null {
  const label = `"${spec.label}"`;
  if (value === null) return spec.optional ? null : `${label} cannot be left unknown.`;
  switch (spec.type) {
    case 'number':
    case 'integer': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return `${label} must be a number.`;
      if (spec.type === 'integer' && !Number.isInteger(value)) return `${label} must be a whole number.`;
      const unit = spec.unit ? ` ${spec.unit}` : '';
      if (spec.min !== undefined && value < spec.min) return `${label} must be at least ${spec.min}${unit}.`;
      if (spec.max !== undefined && value > spec.max) return `${label} must be at most ${spec.max}${unit}.`;
      return null;
    }
    case 'boolean':
      return typeof value === 'boolean' ? null : `${label} must be yes or no.`;
    case 'string':
      if (typeof value !== 'string') return `${label} must be text.`;
      return value.length > 2000 ? `${label} is at most 2000 characters.` : null;
    case 'enum':
      if (typeof value === 'string' && spec.values?.includes(value)) return null;
      return `${label} must be one of: ${(spec.values ?? []).join(', ')}.`;
    case 'set': {
      if (!Array.isArray(value)) return `${label} must be a list.`;
      const unknown = value.filter((v) => !spec.values?.includes(v));
      if (unknown.length > 0)
        return `${label} does not allow ${unknown.join(', ')}; allowed: ${(spec.values ?? []).join(', ')}.`;
      if (new Set(value).size !== value.length) return `${label} lists a value twice.`;
      return null;
    }
  }
}

/** One attribute problem: the key (for a path) and the message. */
export interface AttributeProblem {
  readonly key: string;
  readonly message: string;
}

// Spec lists are catalog constants: index each once, not on every check of a 13,000-entity design.
const specMaps = new WeakMap<readonly AttrSpec[], ReadonlyMap<string, AttrSpec>>();
function specMap(specs: readonly AttrSpec[]): ReadonlyMap<string, AttrSpec> {
  let map = specMaps.get(specs);
  if (!map) {
    map = new Map(specs.map((s) => [s.key, s]));
    specMaps.set(specs, map);
  }
  return map;
}

/**
 * The problems of an attribute bag against a list of specs: unknown keys and values out of range. With
 * `complete`, every spec must have a value (a new component carries all of its attributes). `owner` names
 * what has the attributes, in the plural ("Cache components"). With `keepUnknown` (the design was written by a
 * newer catalog), keys this catalog does not know are that catalog's additions: kept as they are, not refused.
 * Newer catalogs only add attributes; a known attribute's value is always checked.
 */
export function attributeProblems(
  specs: readonly AttrSpec[],
  attributes: Attributes,
  options: { complete: boolean; owner: string; keepUnknown?: boolean },
): AttributeProblem[] {
  const byKey = specMap(specs);
  const problems: AttributeProblem[] = [];
  for (const key of Object.keys(attributes)) {
    const spec = byKey.get(key);
    const value = attributes[key];
    if (!spec) {
      if (!options.keepUnknown)
        problems.push({ key, message: `${options.owner} have no attribute "${key}".` });
    } else if (value === undefined) problems.push({ key, message: `"${spec.label}" has no value.` });
    else {
      const error = attributeError(spec, value);
      if (error) problems.push({ key, message: error });
    }
  }
  if (options.complete) {
    for (const spec of specs) {
      if (!(spec.key in attributes)) problems.push({ key: spec.key, message: `"${spec.label}" is missing.` });
    }
  }
  return problems;
}

/** The default value of every spec, as a fresh bag (arrays copied, so callers may keep it). */
export function defaultsOf(specs: readonly AttrSpec[]): Attributes {
  const bag: Attributes = {};
  for (const spec of specs) bag[spec.key] = Array.isArray(spec.default) ? [...spec.default] : spec.default;
  return bag;
}
