import type { Design } from './document.ts';
import { designSchema, ENTITY_COLLECTIONS } from './document.ts';
import { compareIds } from './draft.ts';
import { formatPath, validateDesign } from './integrity.ts';
import type { UpgradeTable } from './upgrade.ts';
import { DesignFormatError, defaultUpgrades, upgradeDesign } from './upgrade.ts';

export { DesignFormatError } from './upgrade.ts';
export type { DesignFormatErrorCode } from './upgrade.ts';

/*
 * The canonical JSON form of a design: the same design always gives the same bytes, so designs can live in
 * git and be diffed. Object keys are sorted (code-unit order), entity collections are sorted by id (ids sort
 * in creation order), other arrays keep their order (they are user data), indent is 2 spaces, and the text
 * ends with a newline.
 */

/** A deep copy of a JSON value with object keys in sorted order and -0 written as 0. */
function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (typeof value === 'number') return Object.is(value, -0) ? 0 : value;
  if (typeof value !== 'object' || value === null) return value;
  const source = value as Record<string, unknown>;
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(source).sort(compareIds)) {
    const child = source[key];
    // Like JSON.stringify, an undefined property is no property.
    if (child !== undefined) sorted[key] = sortKeys(child);
  }
  return sorted;
}

function byId<T extends { id: string }>(list: readonly T[]): T[] {
  return [...list].sort((a, b) => compareIds(a.id, b.id));
}

/** The design in canonical order: entity collections sorted by id, object keys sorted (a deep copy). */
export function normalizeDesign(design: Design): Design {
  const ordered: Design = { ...design };
  for (const key of ENTITY_COLLECTIONS) {
    (ordered as Record<string, unknown>)[key] = byId<{ id: string }>(design[key]);
  }
  return sortKeys(ordered) as Design;
}

/** The canonical JSON text of a design (byte-stable: equal designs give equal text). */
export function serializeDesign(design: Design): string {
  return `${JSON.stringify(normalizeDesign(design), null, 2)}\n`;
}

/** "line 3, column 7" for a character offset into `text`. */
function lineAndColumn(text: string, offset: number): string {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line += 1;
      lineStart = i + 1;
    }
  }
  return `line ${line}, column ${offset - lineStart + 1}`;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(reason);
    const where = position?.[1] !== undefined ? ` at ${lineAndColumn(text, Number(position[1]))}` : '';
    const detail = reason.replace(/\s*(in JSON )?at position \d+.*$/s, '');
    const message =
      text.trim() === ''
        ? 'The file is empty: it is not an MLArch design.'
        : `The file is not valid JSON${where}: ${detail}. It may be damaged or not an MLArch design.`;
    throw new DesignFormatError('malformed-json', message);
  }
}

function invalid(problems: readonly string[]): DesignFormatError {
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
  return new DesignFormatError(
    'invalid',
    `This design has a problem: ${problems[0] ?? 'unknown'}${more}`,
    problems,
  );
}

/**
 * Reads a design from JSON text: parses, upgrades older formats, checks the schema and the references.
 * Throws DesignFormatError with code 'malformed-json', 'not-a-design', 'newer-version' or 'invalid'; the
 * message names where the problem is (e.g. "components[3].attributes.p95_ms: ...").
 */
export function parseDesign(text: string, upgrades: UpgradeTable = defaultUpgrades): Design {
  const raw = upgradeDesign(parseJson(text), upgrades);
  const parsed = designSchema.safeParse(raw);
  if (!parsed.success) {
    throw invalid(
      parsed.error.issues.map((issue) => {
        const path = formatPath(issue.path);
        return path === '' ? issue.message : `${path}: ${issue.message}`;
      }),
    );
  }
  const problems = validateDesign(parsed.data);
  if (problems.length > 0) throw invalid(problems);
  return normalizeDesign(parsed.data);
}
