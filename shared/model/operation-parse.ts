import type { Attributes } from './attributes.ts';
import { formatPath } from './rules.ts';
import { entityRow } from './entities.ts';
import type { EntityOperationKind, Operation } from './operations.ts';
import { entityOperationKind, operationSchema } from './operations.ts';

function isBag(value: unknown): value is Attributes {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A copy of an attribute bag (lists copied too), so the design never shares state with the caller. */
function copyBag(bag: Attributes): Attributes {
  const copy: Attributes = {};
  for (const key of Object.keys(bag)) {
    const value = bag[key];
    if (value !== undefined) copy[key] = Array.isArray(value) ? [...value] : value;
  }
  return copy;
}

/** The key of the object that holds the attribute bag of an operation of `kind` (an add's entity, an update's changes), or null. */
function bagKey(kind: EntityOperationKind | undefined): string | null {
  if (!kind || !entityRow(kind.collection).hasAttributes) return null;
  if (kind.verb === 'add') return entityRow(kind.collection).prefix;
  return kind.verb === 'update' ? 'changes' : null;
}

/** The attribute bag in the object under `key` of `op`, if any (the catalog checks it, so the schema need not). */
function bagOf(op: object, key: string): unknown {
  const holder = (op as Record<string, unknown>)[key];
  return typeof holder === 'object' && holder !== null
    ? (holder as { attributes?: unknown }).attributes
    : undefined;
}

/** The operation with its attribute bag replaced by `bag` (a fresh object; the input is untouched). */
function withBag(op: Operation, key: string, bag: Attributes): Operation {
  const holder = (op as Record<string, unknown>)[key] as object;
  return { ...op, [key]: { ...holder, attributes: bag } } as Operation;
}

/** A checked operation, and for an entity operation its collection and verb. */
export interface ParsedOperation {
  op: Operation;
  kind: EntityOperationKind | undefined;
}

/**
 * Checks an operation's shape (names, numbers, ids): the parsed copy the design will keep, or why not. The
 * attribute bag skips the schema: the catalog checks every value against its kind (type, range, allowed
 * values) later, and a schema pass over every attribute would be most of the cost of an edit.
 */
export function parseOperation(op: Operation): ParsedOperation | { error: string } {
  if (typeof op !== 'object' || op === null) return { error: 'Invalid operation: it is not an object.' };
  const kind = entityOperationKind((op as { type?: unknown }).type);
  const key = bagKey(kind);
  const bag = key === null ? undefined : bagOf(op, key);
  if (bag !== undefined && !isBag(bag)) return { error: `Invalid ${op.type}: attributes must be an object.` };
  const parsed = operationSchema.safeParse(bag === undefined || key === null ? op : withBag(op, key, {}));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? `${formatPath(issue.path)}: ` : '';
    const type = typeof (op as { type?: unknown }).type === 'string' ? op.type : 'operation';
    return { error: `Invalid ${type}: ${where}${issue?.message ?? 'malformed operation'}` };
  }
  if (bag === undefined || key === null) return { op: parsed.data, kind };
  return { op: withBag(parsed.data, key, copyBag(bag)), kind };
}
