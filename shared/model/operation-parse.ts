import type { Attributes } from './attributes.ts';
import { formatPath } from './integrity.ts';
import type { Operation } from './operations.ts';
import { operationSchema } from './operations.ts';

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

/** The attribute bag an operation carries, if any (the catalog checks it, so the schema need not). */
function bagOf(op: Operation): unknown {
  switch (op.type) {
    case 'component.add':
      return op.component?.attributes;
    case 'connection.add':
      return op.connection?.attributes;
    case 'component.update':
    case 'connection.update':
      return op.changes?.attributes;
    default:
      return undefined;
  }
}

/** The operation with its attribute bag replaced by `bag` (a fresh object; the input is untouched). */
function withBag(op: Operation, bag: Attributes): Operation {
  switch (op.type) {
    case 'component.add':
      return { ...op, component: { ...op.component, attributes: bag } };
    case 'connection.add':
      return { ...op, connection: { ...op.connection, attributes: bag } };
    case 'component.update':
      return { ...op, changes: { ...op.changes, attributes: bag } };
    case 'connection.update':
      return { ...op, changes: { ...op.changes, attributes: bag } };
    default:
      return op;
  }
}

/**
 * Checks an operation's shape (names, numbers, ids): the parsed copy the design will keep, or why not. The
 * attribute bag skips the schema: the catalog checks every value against its kind (type, range, allowed
 * values) later, and a schema pass over every attribute would be most of the cost of an edit.
 */
export function parseOperation(op: Operation): { op: Operation } | { error: string } {
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
