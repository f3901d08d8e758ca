import type { Attributes } from './attributes.ts';
import { formatPath } from './rules.ts';
import { entityRow } from './entities.ts';
import type { Operation } from './operations.ts';
import { addedEntity, entityOperationKind, operationSchema } from './operations.ts';

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

/** Where an operation carries an attribute bag: an add's entity or an update's changes; null for none. */
function bagHolder(op: Operation): { key: string; holder: unknown } | null {
  const kind = entityOperationKind((op as { type?: unknown }).type);
  if (!kind || !entityRow(kind.collection).hasAttributes) return null;
  if (kind.verb === 'add')
    return { key: entityRow(kind.collection).prefix, holder: addedEntity(op, kind.collection) };
  if (kind.verb === 'update') return { key: 'changes', holder: (op as { changes?: unknown }).changes };
  return null;
}

/** The attribute bag an operation carries, if any (the catalog checks it, so the schema need not). */
function bagOf(op: Operation): unknown {
  const where = bagHolder(op);
  if (!where || typeof where.holder !== 'object' || where.holder === null) return undefined;
  return (where.holder as { attributes?: unknown }).attributes;
}

/** The operation with its attribute bag replaced by `bag` (a fresh object; the input is untouched). */
function withBag(op: Operation, bag: Attributes): Operation {
  const where = bagHolder(op);
  if (!where) return op;
  return { ...op, [where.key]: { ...(where.holder as object), attributes: bag } } as Operation;
}

/**
 * Checks an operation's shape (names, numbers, ids): the parsed copy the design will keep, or why not. The
 * attribute bag skips the schema: the catalog checks every value against its kind (type, range, allowed
 * values) later, and a schema pass over every attribute would be most of the cost of an edit.
 */
export function parseOperation(op: Operation): { op: Operation } | { error: string } {
  if (typeof op !== 'object' || op === null) return { error: 'Invalid operation: it is not an object.' };
  const bag = bagOf(op);
  if (bag !== undefined && !isBag(bag)) return { error: `Invalid ${op.type}: attributes must be an object.` };
  const parsed = operationSchema.safeParse(bag === undefined ? op : withBag(op, {}));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? `${formatPath(issue.path)}: ` : '';
    const type = typeof (op as { type?: unknown }).type === 'string' ? op.type : 'operation';
    return { error: `Invalid ${type}: ${where}${issue?.message ?? 'malformed operation'}` };
  }
  return { op: bag === undefined ? parsed.data : withBag(parsed.data, copyBag(bag)) };
}
