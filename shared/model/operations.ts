import { z } from 'zod';
import type { EntityCollection, EntityOf } from './document.ts';
import { ENTITY_COLLECTIONS, metaSchema } from './document.ts';
import { ENTITIES, entityRow } from './entities.ts';
import { idSchema } from './ids.ts';

/*
 * Edit operations: the only way a design changes. Each is small, serialisable and has an inverse
 * computed against the design it applies to (see apply.ts). Updates carry only the fields that change;
 * `attributes` in an update is a patch: listed keys are set, others keep their value.
 * Each entity row (entities.ts) gives three operations: <prefix>.add carrying the entity under the key
 * <prefix>, <prefix>.update carrying `id` and `changes`, and <prefix>.remove carrying `id`.
 */

/** The add, update and remove schemas of one entity row. */
function entityOperationSchemas<const P extends string, S extends z.ZodType, C extends z.ZodType>(
  prefix: P,
  schema: S,
  changes: C,
) {
  const payload = { [prefix]: schema } as { [K in P]: S };
  return [
    z.object({ type: z.literal(`${prefix}.add` as const), ...payload }),
    z.object({ type: z.literal(`${prefix}.update` as const), id: idSchema, changes }),
    z.object({ type: z.literal(`${prefix}.remove` as const), id: idSchema }),
  ] as const;
}

type Rows = typeof ENTITIES;
type SchemasOfRow<R> = R extends {
  prefix: infer P extends string;
  schema: infer S extends z.ZodType;
  changes: infer C extends z.ZodType;
}
  ? ReturnType<typeof entityOperationSchemas<P, S, C>>[number]
  : never;
/** The schema of any entity operation, each tied to its own entity (a mapped type keeps them paired). */
type EntityOperationSchema = { [K in keyof Rows]: SchemasOfRow<Rows[K]> }[keyof Rows];

const metaChangesSchema = metaSchema.omit({ id: true, createdAt: true }).partial().strict();
const metaUpdateSchema = z.object({ type: z.literal('meta.update'), changes: metaChangesSchema });

const entityOperations = ENTITY_COLLECTIONS.flatMap((key) => {
  const row = ENTITIES[key];
  return entityOperationSchemas(row.prefix, row.schema, row.changes);
}) as EntityOperationSchema[];

export const operationSchema = z.discriminatedUnion('type', [metaUpdateSchema, ...entityOperations]);

export type Operation = z.infer<typeof operationSchema>;
export type OperationType = Operation['type'];
export type ComponentChanges = z.infer<typeof ENTITIES.components.changes>;
export type ConnectionChanges = z.infer<typeof ENTITIES.connections.changes>;

/** At most this many operations in one apply: a paste or a template is far below it. */
export const MAX_OPERATIONS_PER_APPLY = 50_000;
export const operationListSchema = z.array(operationSchema).min(1).max(MAX_OPERATIONS_PER_APPLY);

/** An operation the design refuses, with the reason a user can read and the index of the operation. */
export class OperationError extends Error {
  readonly index: number;
  constructor(message: string, index: number) {
    super(message);
    this.name = 'OperationError';
    this.index = index;
  }
}

/** What an entity operation does: the collection it edits and its verb. */
export interface EntityOperationKind {
  readonly collection: EntityCollection;
  readonly verb: 'add' | 'update' | 'remove';
}

const kindOfType = new Map<string, EntityOperationKind>();
const typesOf = new Map<EntityCollection, { add: string; update: string; remove: string }>();
for (const collection of ENTITY_COLLECTIONS) {
  const { prefix } = ENTITIES[collection];
  const types = { add: `${prefix}.add`, update: `${prefix}.update`, remove: `${prefix}.remove` };
  typesOf.set(collection, types);
  for (const verb of ['add', 'update', 'remove'] as const) kindOfType.set(types[verb], { collection, verb });
}

/** The collection and verb of an entity operation type ("component.add"), or undefined (meta.update, unknown). */
export function entityOperationKind(type: unknown): EntityOperationKind | undefined {
  return typeof type === 'string' ? kindOfType.get(type) : undefined;
}

/** The entity an add operation of `collection` carries (unchecked: the operation may be malformed). */
export function addedEntity(op: object, collection: EntityCollection): unknown {
  return (op as Record<string, unknown>)[entityRow(collection).prefix];
}

/** The id of the entity an entity operation names, or null for meta.update. */
export function operationEntityId(op: Operation): string | null {
  if ('id' in op) return op.id;
  const kind = entityOperationKind(op.type);
  return kind ? (addedEntity(op, kind.collection) as { id: string }).id : null;
}

function typeOf(collection: EntityCollection, verb: EntityOperationKind['verb']): string {
  return (typesOf.get(collection) as { add: string; update: string; remove: string })[verb];
}

/** The operation that adds `entity` to `collection`. */
export function addOperation<K extends EntityCollection>(collection: K, entity: EntityOf<K>): Operation {
  return { type: typeOf(collection, 'add'), [entityRow(collection).prefix]: entity } as Operation;
}

/** The operation that changes the entity `id` of `collection`. */
export function updateOperation<K extends EntityCollection>(
  collection: K,
  id: string,
  changes: Partial<EntityOf<K>>,
): Operation {
  return { type: typeOf(collection, 'update'), id, changes } as Operation;
}

/** The operation that removes the entity `id` of `collection`. */
export function removeOperation(collection: EntityCollection, id: string): Operation {
  return { type: typeOf(collection, 'remove'), id } as Operation;
}
