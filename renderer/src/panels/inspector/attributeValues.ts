import type { AttrValue } from '../../../../shared/model/attributes.ts';
import { attributeError } from '../../../../shared/model/catalog/index.ts';
import type { AttrSpec } from '../../../../shared/model/catalog/types.ts';
import { sameAttrValue, setValue } from '../../../../shared/model/attribute-values.ts';
import { AMBIGUOUS_COMMA, parseNumber } from '../parseNumber.ts';

/* Attribute values as the inspector's text fields show and read them (numbers: see parseNumber.ts). */

/** A value as a text field shows it: empty for unknown, numbers in plain JavaScript notation. */
export function formatAttrValue(value: AttrValue): string {
  if (value === null) return '';
  if (typeof value === 'number') return Object.is(value, -0) ? '0' : String(value);
  if (Array.isArray(value)) return value.join(', ');
  return String(value);
}

export type ParsedText = { readonly value: AttrValue } | { readonly error: string };

/**
 * Reads a text field of a number, integer or string attribute and checks it against the catalog.
 * An empty field means unknown when the attribute allows it.
 */
export function parseAttrText(spec: AttrSpec, text: string): ParsedText {
  const trimmed = text.trim();
  let value: AttrValue;
  if (spec.type === 'number' || spec.type === 'integer') {
    if (trimmed === '') {
      if (!spec.optional) return { error: `"${spec.label}" needs a value.` };
      value = null;
    } else {
      value = parseNumber(trimmed);
      if (value === null) {
        const message = AMBIGUOUS_COMMA.test(trimmed.replace(/\s/g, ''))
          ? `"${spec.label}": is the comma in ${trimmed} a thousands separator or a decimal comma? Write ${trimmed.replace(',', '')} or ${trimmed.replace(',', '.')}.`
          : `"${spec.label}" must be a number, e.g. ${formatAttrValue(spec.default) || '1.5'}.`;
        return { error: message };
      }
    }
  } else {
    value = trimmed === '' && spec.optional ? null : trimmed;
  }
  const error = attributeError(spec, value);
  return error ? { error } : { value };
}

/** True when the value is still the catalog's assumed default, which the user should replace. */
export function isAssumed(spec: AttrSpec, value: AttrValue | undefined): boolean {
  return spec.assumed === true && sameAttrValue(value, spec.default);
}

/** A set with `item` added or removed, in the catalog's order; unknown (null) counts as empty. */
export function toggleSetItem(spec: AttrSpec, current: AttrValue, item: string, on: boolean): string[] {
  const chosen = new Set(setValue(current) ?? []);
  if (on) chosen.add(item);
  else chosen.delete(item);
  const ordered = (spec.values ?? []).filter((v) => chosen.has(v));
  // Values the catalog no longer lists stay where they were rather than vanishing silently.
  const others = [...chosen].filter((v) => !(spec.values ?? []).includes(v));
  return [...ordered, ...others];
}
