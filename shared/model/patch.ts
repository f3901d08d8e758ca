import type { Attributes } from './attributes.ts';
import type { AttributeProblem } from './catalog/index.ts';
import { plural } from './rules.ts';

/*
 * Building the next version of an entity from an update, and remembering what it replaced (the inverse).
 */

/**
 * Copies `changes` over `entity` and returns the new entity and the old values of the changed keys. An
 * explicit undefined changes nothing; the key `except` (an attribute patch, applied apart) is left out.
 */
export function patch<T extends object, C extends object>(
  entity: T,
  changes: C,
  except: string | null = null,
): { next: T; previous: C } {
  const next = { ...entity } as Record<string, unknown>;
  const previous: Record<string, unknown> = {};
  const source = changes as Record<string, unknown>;
  for (const key of Object.keys(source)) {
    const value = source[key];
    if (value === undefined || key === except) continue;
    previous[key] = (entity as Record<string, unknown>)[key];
    next[key] = value;
  }
  return { next: next as T, previous: previous as C };
}

/** Applies an attribute patch; `previous` holds the old value of every patched key. */
export function patchAttributes(
  bag: Attributes,
  changes: Attributes,
): { next: Attributes; previous: Attributes } {
  const previous: Attributes = {};
  for (const key of Object.keys(changes)) {
    const old = bag[key];
    // A bag is complete for its kind, so every valid key has a value to restore.
    if (old !== undefined) previous[key] = old;
  }
  return { next: { ...bag, ...changes }, previous };
}

/** "<subject>: <first problem> (and N more problems)." or null when there is none. */
export function attributesMessage(subject: string, problems: readonly AttributeProblem[]): string | null {
  const first = problems[0];
  if (!first) return null;
  if (problems.length === 1) return `${subject}: ${first.message}`;
  return `${subject}: ${first.message.replace(/\.$/, '')} (and ${plural(problems.length - 1, 'more problem')}).`;
}
