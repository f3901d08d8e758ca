import type { AttrValue } from '../attributes.ts';
import type { AttrGroup, AttrSpec, KindCategory, KindSpec } from './types.ts';

// Small constructors so the catalog tables read as data: one call per attribute, no repeated `type` fields.

interface Common {
  readonly unit?: string;
  readonly optional?: boolean;
  readonly assumed?: boolean;
  readonly help: string;
}

interface NumberOptions extends Common {
  readonly default: number | null;
  readonly min?: number;
  readonly max?: number;
}

/** A real-valued attribute with inclusive bounds. */
export function num(group: AttrGroup, key: string, label: string, options: NumberOptions): AttrSpec {
  return { key, label, type: 'number', group, ...options };
}

/** A whole-number attribute with inclusive bounds. */
export function int(group: AttrGroup, key: string, label: string, options: NumberOptions): AttrSpec {
  return { key, label, type: 'integer', group, ...options };
}

/** A yes/no attribute. */
export function bool(
  group: AttrGroup,
  key: string,
  label: string,
  options: Common & { readonly default: boolean | null },
): AttrSpec {
  return { key, label, type: 'boolean', group, ...options };
}

/** A free-text attribute (names, codes, URLs). */
export function text(
  group: AttrGroup,
  key: string,
  label: string,
  options: Common & { readonly default: string | null },
): AttrSpec {
  return { key, label, type: 'string', group, ...options };
}

/** An attribute holding exactly one of `values`. */
export function oneOf(
  group: AttrGroup,
  key: string,
  label: string,
  values: readonly string[],
  options: Common & { readonly default: string | null },
): AttrSpec {
  return { key, label, type: 'enum', group, values, ...options };
}

/** An attribute holding any subset of `values`. */
export function setOf(
  group: AttrGroup,
  key: string,
  label: string,
  values: readonly string[],
  options: Common & { readonly default: readonly string[] | null },
): AttrSpec {
  const { default: initial, ...rest } = options;
  return { key, label, type: 'set', group, values, default: initial === null ? null : [...initial], ...rest };
}

/**
 * `specs` with some defaults replaced: how a kind states its typical values without copying shared specs.
 * An override naming no spec throws at load time, so a typo cannot slip silently into the catalog.
 */
export function withDefaults(
  specs: readonly AttrSpec[],
  overrides: Readonly<Record<string, AttrValue>>,
): AttrSpec[] {
  const keys = new Set(specs.map((s) => s.key));
  for (const key of Object.keys(overrides)) {
    if (!keys.has(key)) throw new Error(`Catalog default override names no attribute: "${key}".`);
  }
  return specs.map((spec) => {
    if (!(spec.key in overrides)) return spec;
    const value = overrides[spec.key] ?? null;
    return { ...spec, default: Array.isArray(value) ? [...value] : value };
  });
}

/** A copy of `spec` shown in another inspector group (the same key reused by a kind outside its home group). */
export function inGroup(spec: AttrSpec, group: AttrGroup): AttrSpec {
  return { ...spec, group };
}

/**
 * Colour per category family: mid-tone hues with a contrast ratio of at least 3:1 against both white and a
 * near-black canvas, so the accent stays legible in light, dark and review modes.
 */
export const CATEGORY_COLOURS: Readonly<Record<KindCategory, string>> = {
  client: '#6477d1',
  serving: '#1f88d6',
  llm: '#9a63d6',
  data: '#d0731f',
  storage: '#a98514',
  mlops: '#17948a',
  operations: '#3a9a4a',
  security: '#d6504b',
  compute: '#7f8798',
  external: '#c2569a',
  boundary: '#6f8794',
};

/** A kind as its module writes it: colour and boundary flag are derived from the category. */
type KindDefinition = Omit<KindSpec, 'colour' | 'boundary'>;

/** A catalog entry; colour and boundary flag follow from the category. */
export function defineKind(definition: KindDefinition): KindSpec {
  return {
    ...definition,
    colour: CATEGORY_COLOURS[definition.category],
    boundary: definition.category === 'boundary',
  };
}
