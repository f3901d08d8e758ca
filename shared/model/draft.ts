/*
 * Copy-on-write working tables for applyOperations. A batch of k operations on a collection of n entities
 * costs O(n + k): the array is copied once on the first write, removals leave holes that are compacted once
 * at the end, and lookups scan only the first few times before an id index is built. The scans keep a single
 * operation on a large design cheap (no index to build), the index keeps a 50,000-operation paste linear.
 */

/** How many linear scans a table does before it builds an index instead. */
const SCANS_BEFORE_INDEX = 4;

/** Code-unit order of ids: locale-independent, the same everywhere (the canonical order of entities). */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Where `id` goes in `list` (sorted by id): after every entity whose id is not larger. */
function insertionPoint(list: readonly { readonly id: string }[], id: string): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (compareIds((list[mid] as { id: string }).id, id) <= 0) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** A collection of entities being edited: reads see the edits so far, `result()` is the new array. */
export class DraftTable<T extends { readonly id: string }> {
  private readonly original: readonly T[];
  private items: (T | undefined)[] | null = null;
  private index: Map<string, number> | null = null;
  private scans = 0;
  private holes = 0;
  /** Slots of entities added with an id below an existing one: merged into id order at the end. */
  private late: Set<number> | null = null;
  private maxId: string | null;

  constructor(original: readonly T[]) {
    this.original = original;
    const last = original[original.length - 1];
    this.maxId = last ? last.id : null;
  }

  /** The live entities, in order (holes skipped). */
  *values(): IterableIterator<T> {
    for (const item of this.items ?? this.original) if (item !== undefined) yield item;
  }

  /** Calls `fn` on every live entity, in order (cheaper than iterating values() on hot paths). */
  forEach(fn: (item: T) => void): void {
    for (const item of this.items ?? this.original) if (item !== undefined) fn(item);
  }

  /** The number of live entities. */
  get size(): number {
    return (this.items ?? this.original).length - this.holes;
  }

  /** The slot of the entity with `id`, or -1. */
  slotOf(id: string): number {
    if (this.index) return this.index.get(id) ?? -1;
    const list = this.items ?? this.original;
    if (++this.scans > SCANS_BEFORE_INDEX) {
      const index = new Map<string, number>();
      for (let i = 0; i < list.length; i++) {
        const item = list[i];
        if (item !== undefined) index.set(item.id, i);
      }
      this.index = index;
      return index.get(id) ?? -1;
    }
    for (let i = 0; i < list.length; i++) if (list[i]?.id === id) return i;
    return -1;
  }

  /** The entity with `id`, or undefined. */
  get(id: string): T | undefined {
    const slot = this.slotOf(id);
    return slot < 0 ? undefined : (this.items ?? this.original)[slot];
  }

  /** The entity in `slot` (a slot from slotOf). */
  at(slot: number): T {
    const item = (this.items ?? this.original)[slot];
    if (item === undefined) throw new Error(`No entity in slot ${slot}.`);
    return item;
  }

  private writable(): (T | undefined)[] {
    if (!this.items) this.items = this.original.slice();
    return this.items;
  }

  /** Appends a new entity (the caller checked its id is free). */
  add(item: T): void {
    const items = this.writable();
    const slot = items.length;
    items.push(item);
    this.index?.set(item.id, slot);
    if (this.maxId !== null && compareIds(item.id, this.maxId) < 0) {
      (this.late ??= new Set()).add(slot);
    } else {
      this.maxId = item.id;
    }
  }

  /** Replaces the entity in `slot` with a new version of it (same id). */
  replace(slot: number, item: T): void {
    this.writable()[slot] = item;
  }

  /** Removes the entity in `slot`. */
  remove(slot: number): void {
    const items = this.writable();
    const item = items[slot];
    if (item === undefined) return;
    items[slot] = undefined;
    this.index?.delete(item.id);
    this.late?.delete(slot);
    this.holes += 1;
  }

  /**
   * The edited collection: the original array when nothing changed. Entities added out of id order (an undo
   * re-adding a removed entity) are merged back into id order, so a sorted collection stays sorted and an
   * undo restores the original array exactly.
   */
  result(): readonly T[] {
    if (!this.items) return this.original;
    const late = this.late;
    if (!late || late.size === 0) {
      if (this.holes === 0) return this.items.slice() as T[];
      return this.items.filter((item) => item !== undefined);
    }
    const base: T[] = [];
    const extra: T[] = [];
    this.items.forEach((item, slot) => {
      if (item !== undefined) (late.has(slot) ? extra : base).push(item);
    });
    extra.sort((a, b) => compareIds(a.id, b.id));
    // A few re-added entities (the usual undo): native splices beat a merge loop over the whole array.
    if (extra.length <= 8) {
      for (const item of extra) base.splice(insertionPoint(base, item.id), 0, item);
      return base;
    }
    const merged: T[] = [];
    let i = 0;
    let j = 0;
    while (i < base.length || j < extra.length) {
      const a = base[i];
      const b = extra[j];
      if (b === undefined || (a !== undefined && compareIds(a.id, b.id) <= 0)) {
        merged.push(a as T);
        i += 1;
      } else {
        merged.push(b);
        j += 1;
      }
    }
    return merged;
  }
}

/** What an entity refers to through one reference field: nothing, an id, or a list of ids. */
export type RefIds = string | null | readonly string[];

/** Reads one reference field of an entity. A function per field (not a field name) keeps the reads fast. */
export type RefReader<T> = (item: T) => RefIds;

/** How many times `key` is in `ids`. */
function occurrences(ids: RefIds, key: string): number {
  if (ids === key) return 1;
  if (ids === null || typeof ids === 'string') return 0;
  let n = 0;
  for (let i = 0; i < ids.length; i++) if (ids[i] === key) n += 1;
  return n;
}

/**
 * How many entities of a table refer to each key through some fields (connections per component through
 * sourceId and targetId, children per boundary through parentId...). Like DraftTable it scans a few times
 * before it builds counts, then keeps them up to date.
 */
export class RefCount<T extends { readonly id: string }> {
  private readonly table: DraftTable<T>;
  private readonly readers: readonly RefReader<T>[];
  private counts: Map<string, number> | null = null;
  private scans = 0;

  constructor(table: DraftTable<T>, readers: readonly RefReader<T>[]) {
    this.table = table;
    this.readers = readers;
  }

  /** How many times live entities refer to `key`. */
  count(key: string): number {
    if (this.counts) return this.counts.get(key) ?? 0;
    if (++this.scans > SCANS_BEFORE_INDEX) {
      this.counts = new Map();
      this.table.forEach((item) => this.added(item));
      return this.counts.get(key) ?? 0;
    }
    let n = 0;
    // Every reference reads one or two fields that mostly hold a single id: naming the readers and testing
    // for that id first (rather than looping over the readers) keeps this scan, which runs over a whole table
    // on a removal, as fast as hand-written code.
    const [first, second, ...more] = this.readers;
    this.table.forEach((item) => {
      if (first !== undefined) {
        const ids = first(item);
        if (ids === key) n += 1;
        else if (ids !== null && typeof ids !== 'string') n += occurrences(ids, key);
      }
      if (second !== undefined) {
        const ids = second(item);
        if (ids === key) n += 1;
        else if (ids !== null && typeof ids !== 'string') n += occurrences(ids, key);
      }
      for (const read of more) n += occurrences(read(item), key);
    });
    return n;
  }

  private bump(item: T, by: number): void {
    const counts = this.counts;
    if (!counts) return;
    for (const read of this.readers) {
      const ids = read(item);
      if (typeof ids === 'string') counts.set(ids, (counts.get(ids) ?? 0) + by);
      else if (ids !== null) for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + by);
    }
  }

  /** Call after `item` was added to the table (or replaced an old version, after `removed(old)`). */
  added(item: T): void {
    this.bump(item, 1);
  }

  /** Call after `item` was removed from the table (or is being replaced by a new version). */
  removed(item: T): void {
    this.bump(item, -1);
  }
}

/** True when two reads of a reference field name the same ids, in the same order. */
export function sameIds(a: RefIds, b: RefIds): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a === 'string' || typeof b === 'string') return false;
  return a.length === b.length && a.every((id, i) => id === b[i]);
}
