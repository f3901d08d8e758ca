import { isNewerCatalog } from './catalog/index.ts';
import type { Component, Design, EntityCollection, EntityOf, Meta, Scenario } from './document.ts';
import { ENTITY_COLLECTIONS } from './document.ts';
import type { RefIds, RefReader } from './draft.ts';
import { DraftTable, RefCount } from './draft.ts';
import type { DraftView, UniqueKey } from './entities.ts';
import { entityRow } from './entities.ts';
import type { AnyReference } from './references.ts';
import { REFERENCES } from './references.ts';

/*
 * The working state of one applyOperations call: a copy-on-write table per collection, plus a count per
 * reference row and per unique key that lets each operation check references in constant time. Every write
 * goes through add / replace / remove, which keep the counts of the written collection up to date.
 */

type Tables = { [K in EntityCollection]: DraftTable<EntityOf<K>> };
type AnyEntity = EntityOf<EntityCollection>;

export class Draft implements DraftView {
  meta: Meta;
  private readonly tables: Tables;
  /** The count behind each reference row and unique key. */
  private readonly counts = new Map<AnyReference | UniqueKey<EntityCollection>, RefCount<AnyEntity>>();
  /** The counts to update when an entity of a collection is written. */
  private readonly countsOf = {} as Record<EntityCollection, RefCount<AnyEntity>[]>;

  readonly keepUnknownAttributes: boolean;

  constructor(design: Design) {
    this.meta = design.meta;
    this.keepUnknownAttributes = isNewerCatalog(design.catalogVersion);
    const tables: Partial<Record<EntityCollection, DraftTable<AnyEntity>>> = {};
    for (const key of ENTITY_COLLECTIONS) {
      tables[key] = new DraftTable<AnyEntity>(design[key]);
      this.countsOf[key] = [];
    }
    this.tables = tables as Tables;
    for (const ref of REFERENCES) this.track(ref, ref.from, ref.ids);
    for (const key of ENTITY_COLLECTIONS) {
      for (const unique of entityRow(key).unique ?? []) {
        this.track(unique, key, [(entity) => (entity as Record<string, unknown>)[unique.field] as RefIds]);
      }
    }
  }

  private track(
    row: AnyReference | UniqueKey<EntityCollection>,
    key: EntityCollection,
    readers: readonly RefReader<AnyEntity>[],
  ): void {
    const count = new RefCount(this.table(key) as DraftTable<AnyEntity>, readers);
    this.counts.set(row, count);
    this.countsOf[key].push(count);
  }

  /** The working table of a collection. */
  table<K extends EntityCollection>(key: K): DraftTable<EntityOf<K>> {
    return this.tables[key];
  }

  /** How many entities refer to `id` through a reference row, or hold `id` in a unique key. */
  count<K extends EntityCollection>(row: AnyReference | UniqueKey<K>, id: string): number {
    return this.counts.get(row as AnyReference)?.count(id) ?? 0;
  }

  find<K extends EntityCollection>(key: K, id: string): EntityOf<K> | undefined {
    return this.tables[key].get(id);
  }

  scenario(id: string): Scenario | undefined {
    return this.tables.scenarios.get(id);
  }

  component(id: string): Component | undefined {
    return this.tables.components.get(id);
  }

  size(key: EntityCollection): number {
    return this.tables[key].size;
  }

  forEach<K extends EntityCollection>(key: K, fn: (entity: EntityOf<K>) => void): void {
    this.tables[key].forEach(fn);
  }

  /** Adds a new entity (the caller checked it). */
  add<K extends EntityCollection>(key: K, entity: EntityOf<K>): void {
    this.tables[key].add(entity);
    for (const count of this.countsOf[key]) count.added(entity);
  }

  /** Replaces `old`, in `slot`, with its next version. */
  replace<K extends EntityCollection>(key: K, slot: number, old: EntityOf<K>, next: EntityOf<K>): void {
    this.tables[key].replace(slot, next);
    for (const count of this.countsOf[key]) {
      count.removed(old);
      count.added(next);
    }
  }

  /** Removes `entity`, in `slot`. */
  remove<K extends EntityCollection>(key: K, slot: number, entity: EntityOf<K>): void {
    this.tables[key].remove(slot);
    for (const count of this.countsOf[key]) count.removed(entity);
  }

  /** The edited design: collections that did not change keep their identity. */
  result(design: Design): Design {
    const result: Design = { ...design, meta: this.meta };
    for (const key of ENTITY_COLLECTIONS) {
      (result as Record<EntityCollection, unknown>)[key] = this.tables[key].result();
    }
    return result;
  }
}

/** Thrown inside the loop; turned into an OperationError with the operation's index. */
export class Refusal extends Error {}

/** Throws a Refusal with `message`, unless it is null. */
export function refuse(message: string | null | undefined): void {
  if (message !== null && message !== undefined) throw new Refusal(message);
}

/** "There is no <noun> with id <id> (it may have been removed)." */
export function missing(what: string, id: string): string {
  return `There is no ${what} with id ${id} (it may have been removed).`;
}
