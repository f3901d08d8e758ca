import type { Design } from '../../shared/model/document.ts';
import type { Operation } from '../../shared/model/operations.ts';
import { entityOperationKind, operationEntityId } from '../../shared/model/operations.ts';
import type { CollectionKey, EntityOf } from './tables.ts';

/*
 * Which rows an apply must write. The operations name the entities they change; their inverse names every
 * entity the apply changed as a side effect (an undo has to restore it), so together they cover all changed
 * rows without diffing the design. Which collection an operation edits comes from the model's entity table
 * (shared/model/entities.ts), whose keys are also the keys of this store's tables (tables.ts).
 */

/** The rows an apply changes: entity ids per collection, and whether the design's meta changed. */
export interface Touched {
  readonly entities: Map<CollectionKey, Set<string>>;
  meta: boolean;
}

/** The rows named by `ops` and by their `inverse`. */
export function touchedBy(ops: readonly Operation[], inverse: readonly Operation[]): Touched {
  const touched: Touched = { entities: new Map(), meta: false };
  for (const list of [ops, inverse]) {
    for (const op of list) {
      const kind = entityOperationKind(op.type);
      const id = operationEntityId(op);
      if (kind === undefined || id === null) {
        touched.meta = true;
        continue;
      }
      let ids = touched.entities.get(kind.collection);
      if (!ids) touched.entities.set(kind.collection, (ids = new Set()));
      ids.add(id);
    }
  }
  return touched;
}

/**
 * The entity with `id` in a collection, or undefined. Collections are kept in id order, so a binary search
 * finds it; the linear fallback only runs for ids that are absent (removed), and keeps this correct even if
 * a collection were ever out of order.
 */
export function findEntity<K extends CollectionKey>(
  design: Design,
  key: K,
  id: string,
): EntityOf<K> | undefined {
  const list = design[key] as readonly EntityOf<K>[];
  let low = 0;
  let high = list.length - 1;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    const entity = list[mid] as EntityOf<K>;
    if (entity.id === id) return entity;
    if (entity.id < id) low = mid + 1;
    else high = mid - 1;
  }
  return list.find((entity) => entity.id === id);
}
