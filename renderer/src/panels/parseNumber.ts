/*
 * Numbers as every form reads them (inspector, journeys, settings), the same whatever the system locale: a
 * point or a single comma is the decimal separator, spaces and underscores may group digits, and anything else
 * (hex, "Infinity", a stray letter) is not a number.
 */

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;
// "1,000" could be a thousand or one: the user has to say which.
export const AMBIGUOUS_COMMA = /^[+-]?\d{1,3},\d{3}$/;

/** The number a user typed, or null when the text is not one number. */
export function parseNumber(text: string): number | null {
  const compact = text.replace(/[\s_\u00a0\u202f]/g, '');
  if (AMBIGUOUS_COMMA.test(compact)) return null;
  const commas = compact.split(',').length - 1;
  if (commas > 1 || (commas === 1 && compact.includes('.'))) return null;
  const normalised = compact.replace(',', '.');
  if (!NUMBER.test(normalised)) return null;
  const value = Number(normalised);
  return Number.isFinite(value) ? value : null;
}
