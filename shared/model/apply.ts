import { Draft, missing, Refusal, refuse } from './apply-draft.ts';
import type { Design, EntityCollection, EntityOf } from './document.ts';
import { entityRow } from './entities.ts';
import type { Operation } from './operations.ts';
import {
  addedEntity,
  addOperation,
  entityOperationKind,
  OperationError,
  removeOperation,
  updateOperation,
} from './operations.ts';
import { parseOperation } from './operation-parse.ts';
import { patch } from './patch.ts';
import { referencesFrom, referencesTo } from './references.ts';
import { plural } from './rules.ts';

export { validateDesign } from './integrity.ts';

/*
 * Applies edit operations to a design, all or nothing, and computes their inverse. Collections keep id
 * order (the canonical order): new entities are appended (new ids sort last) and an undo that re-adds a
 * removed entity puts it back where it was, so undo restores the original arrays exactly.
 * What each entity checks comes from its row in entities.ts and the reference rows of references.ts:
 * - add: the id is free, each reference is valid, unique keys are free, then the row's onAdd (attributes);
 * - update: the references whose fields change are valid, then the row's onUpdate (attributes). `attributes`
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

function addEntity<K extends EntityCollection>(d: Draft, key: K, entity: EntityOf<K>): Operation {
  const row = entityRow(key);
  const taken = d.find(key, entity.id);
  if (taken) refuse(row.duplicate(entity, taken));
  for (const ref of referencesFrom(key)) refuse(ref.check(entity, d));
  for (const unique of row.unique ?? []) {
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
  let plain = changes;
  if (row.hasAttributes) {
    const { attributes: _bag, ...rest } = changes as Partial<EntityOf<K>> & { attributes?: unknown };
    plain = rest as Partial<EntityOf<K>>;
  }
  const { next, previous } = patch(old, plain);
  const changed = (field: string) => (plain as Record<string, unknown>)[field] !== undefined;
  for (const ref of referencesFrom(key)) if (ref.fields.some(changed)) refuse(ref.check(next, d));
  for (const unique of row.unique ?? []) {
    const value = next[unique.field];
    if (changed(unique.field) && value !== old[unique.field] && d.count(unique, value as string) > 0) {
      refuse(unique.taken(next));
    }
  }
  refuse(row.onUpdate?.(old, next, changes, previous, d));
  d.replace(key, slot, old, next);
  return updateOperation(key, id, previous);
}

function removeEntity(d: Draft, key: EntityCollection, id: string): Operation {
  const row = entityRow(key);
  const slot = d.table(key).slotOf(id);
  if (slot < 0) throw new Refusal(missing(row.noun, id));
  const entity = d.table(key).at(slot);
  const why = (clause: string) => `Cannot remove ${row.subject(entity, d)}: ${clause}`;
  const own = row.onRemove?.(entity, d);
  if (own) refuse(why(own));
  const contents: string[] = [];
  for (const ref of referencesTo(key)) {
    const count = d.count(ref, id);
    if (count === 0) continue;
    if ('contents' in ref.onRemove) contents.push(plural(count, ref.onRemove.contents));
    else refuse(why(ref.onRemove.clause(count, entity, d)));
  }
  if (contents.length > 0) refuse(why(`it still has ${contents.join(', ')}.`));
  d.remove(key, slot, entity);
  return addOperation(key, entity);
}

function applyOne(d: Draft, op: Operation): Operation {
  if (op.type === 'meta.update') {
    const { next, previous } = patch(d.meta, op.changes);
    d.meta = next;
    return { type: 'meta.update', changes: previous };
  }
  const kind = entityOperationKind(op.type);
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
      inverse[ops.length - 1 - i] = applyOne(draft, parsed.op);
    } catch (error) {
      if (error instanceof Refusal) throw new OperationError(error.message, i);
      throw error;
    }
  }
  return { design: draft.result(design), inverse };
}
