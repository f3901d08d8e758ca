import { Draft, missing, Refusal, refuse } from './apply-draft.ts';
import type { Design, EntityCollection, EntityOf } from './document.ts';
import type { RefReader } from './draft.ts';
import { sameIds } from './draft.ts';
import { entityRow } from './entities.ts';
import type { EntityOperationKind, Operation } from './operations.ts';
import { addedEntity, addOperation, OperationError, removeOperation, updateOperation } from './operations.ts';
import { parseOperation } from './operation-parse.ts';
import { patch } from './patch.ts';
import type { AnyReference } from './references.ts';
import { referencesFrom, referencesTo } from './references.ts';
import { plural } from './rules.ts';

export { validateDesign } from './integrity.ts';

/*
 * Applies edit operations to a design, all or nothing, and computes their inverse. Collections keep id
 * order (the canonical order): new entities are appended (new ids sort last) and an undo that re-adds a
 * removed entity puts it back where it was, so undo restores the original arrays exactly.
 * What each entity checks comes from its row in entities.ts and the reference rows of references.ts:
 * - add: the id is free, each reference is valid, unique keys are free, then the row's onAdd (attributes);
 * - update: the references whose ids change are valid, then the row's onUpdate (attributes). `attributes`
 *   in an update is a patch (listed keys set, others unchanged), except when a connection's `kind` changes:
 *   then the connection gets the new kind's defaults, overlaid with the values the user had set away from the
 *   old kind's defaults, overlaid with the patch (the inverse restores the old bag whole);
 * - remove: the row's onRemove, then no reference may remain (commands.ts builds the cascades).
 */

/** The result of applying operations: the new design and the operations that undo them (in order). */
export interface ApplyResult {
  design: Design;
  inverse: Operation[];
}

type AnyEntity = EntityOf<EntityCollection>;

const NONE: readonly never[] = [];

/** True when `next` refers through `ref` to other ids than `old`. */
function idsChanged(ref: AnyReference, old: AnyEntity, next: AnyEntity): boolean {
  const readers = ref.ids;
  for (let i = 0; i < readers.length; i++) {
    const read = readers[i] as RefReader<AnyEntity>;
    if (!sameIds(read(old), read(next))) return true;
  }
  return false;
}

function addEntity<K extends EntityCollection>(d: Draft, key: K, entity: EntityOf<K>): Operation {
  const row = entityRow(key);
  const taken = d.find(key, entity.id);
  if (taken) refuse(row.duplicate(entity, taken));
  for (const ref of referencesFrom(key)) refuse(ref.check(entity, d));
  for (const unique of row.unique ?? NONE) {
    if (d.count(unique, entity[unique.field] as string) > 0) refuse(unique.taken(entity));
  }
  refuse(row.onAdd?.(entity, d));
  d.add(key, entity);
  return removeOperation(key, entity.id);
}

function updateEntity<K extends EntityCollection>(
  d: Draft,
  key: K,
  id: string,
  changes: Partial<EntityOf<K>>,
): Operation {
  const row = entityRow(key);
  const slot = d.table(key).slotOf(id);
  if (slot < 0) throw new Refusal(missing(row.noun, id));
  const old = d.table(key).at(slot);
  // The attribute patch is the row's to apply (onUpdate): the plain fields are copied here.
  const { next, previous } = patch(old, changes, row.hasAttributes ? 'attributes' : null);
  // A reference is checked again when the ids it holds change (an unchanged one was checked before).
  for (const ref of referencesFrom(key)) if (idsChanged(ref, old, next)) refuse(ref.check(next, d));
  for (const unique of row.unique ?? NONE) {
    const value = next[unique.field];
    if (value !== old[unique.field] && d.count(unique, value as string) > 0) refuse(unique.taken(next));
  }
  refuse(row.onUpdate?.(old, next, changes, previous, d));
  d.replace(key, slot, old, next);
  return updateOperation(key, id, previous);
}

function removalRefused<K extends EntityCollection>(
  key: K,
  entity: EntityOf<K>,
  d: Draft,
  clause: string,
): Refusal {
  return new Refusal(`Cannot remove ${entityRow(key).subject(entity, d)}: ${clause}`);
}

function removeEntity(d: Draft, key: EntityCollection, id: string): Operation {
  const row = entityRow(key);
  const slot = d.table(key).slotOf(id);
  if (slot < 0) throw new Refusal(missing(row.noun, id));
  const entity = d.table(key).at(slot);
  const own = row.onRemove?.(entity, d);
  if (own) throw removalRefused(key, entity, d, own);
  let contents: string[] | null = null;
  for (const ref of referencesTo(key)) {
    const count = d.count(ref, id);
    if (count === 0) continue;
    if ('contents' in ref.onRemove) (contents ??= []).push(plural(count, ref.onRemove.contents));
    else throw removalRefused(key, entity, d, ref.onRemove.clause(count, entity, d));
  }
  if (contents) throw removalRefused(key, entity, d, `it still has ${contents.join(', ')}.`);
  d.remove(key, slot, entity);
  return addOperation(key, entity);
}

function applyOne(d: Draft, op: Operation, kind: EntityOperationKind | undefined): Operation {
  if (op.type === 'meta.update') {
    const { next, previous } = patch(d.meta, op.changes);
    d.meta = next;
    return { type: 'meta.update', changes: previous };
  }
  if (!kind) throw new Refusal(`Unknown operation ${op.type}.`);
  switch (kind.verb) {
    case 'add':
      return addEntity(d, kind.collection, addedEntity(op, kind.collection) as EntityOf<EntityCollection>);
    case 'update':
      return updateEntity(d, kind.collection, (op as { id: string }).id, (op as { changes: object }).changes);
    case 'remove':
      return removeEntity(d, kind.collection, (op as { id: string }).id);
  }
}

/**
 * Applies `ops` in order, all or nothing. Returns the new design (the input is untouched; entities and
 * collections that did not change keep their identity) and the inverse operations, in the order that undoes
 * them. Throws OperationError(message, index) on the first operation the design refuses.
 */
export function applyOperations(design: Design, ops: readonly Operation[]): ApplyResult {
  if (ops.length === 0) return { design, inverse: [] };
  const draft = new Draft(design);
  const inverse: Operation[] = new Array<Operation>(ops.length);
  for (let i = 0; i < ops.length; i++) {
    try {
      const parsed = parseOperation(ops[i] as Operation);
      if ('error' in parsed) throw new Refusal(parsed.error);
      inverse[ops.length - 1 - i] = applyOne(draft, parsed.op, parsed.kind);
    } catch (error) {
      if (error instanceof Refusal) throw new OperationError(error.message, i);
      throw error;
    }
  }
  return { design: draft.result(design), inverse };
}
