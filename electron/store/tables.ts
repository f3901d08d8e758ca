import type { EntityCollection, EntityOf } from '../../shared/model/document.ts';
import { ENTITY_COLLECTIONS } from '../../shared/model/document.ts';

/*
 * How each entity collection of a Design maps to a table: one row per collection of the model's entity table
 * (shared/model/entities.ts), under the same keys, so a new entity that lacks a row here does not compile. Rows are read with `.raw()` (arrays in column order)
 * because that is the fastest path through better-sqlite3; the loaded design is validated with the zod schema
 * afterwards, so the casts here only shape data and never vouch for it.
 */

/** The entity collections of a Design, each stored in its own table. */
export type CollectionKey = EntityCollection;
export type { EntityOf };
export type SqlValue = string | number | null;

export interface EntityTable<T> {
  readonly table: string;
  /** Column names, `id` first. */
  readonly columns: readonly string[];
  toRow(entity: T): SqlValue[];
  fromRow(row: readonly unknown[]): T;
}

export const COLLECTION_KEYS: readonly CollectionKey[] = ENTITY_COLLECTIONS;

const json = (value: unknown): string => JSON.stringify(value);
const parse = (text: unknown): unknown => (text === null ? null : JSON.parse(text as string));

/** The entity without the keys that have their own columns: what goes into its JSON `data` column. */
function withoutKeys<T extends object>(entity: T, keys: readonly string[]): Record<string, unknown> {
  const rest: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(entity)) if (!keys.includes(key)) rest[key] = value;
  return rest;
}

export const entityTables: { readonly [K in CollectionKey]: EntityTable<EntityOf<K>> } = {
  scenarios: {
    table: 'scenarios',
    columns: ['id', 'name', 'description', 'viewport'],
    toRow: (s) => [s.id, s.name, s.description, s.viewport === null ? null : json(s.viewport)],
    fromRow: (r) =>
      ({ id: r[0], name: r[1], description: r[2], viewport: parse(r[3]) }) as EntityOf<'scenarios'>,
  },
  components: {
    table: 'components',
    columns: ['id', 'scenario_id', 'kind', 'name', 'parent_id', 'x', 'y', 'width', 'height', 'attributes'],
    toRow: (c) => [
      c.id,
      c.scenarioId,
      c.kind,
      c.name,
      c.parentId,
      c.position.x,
      c.position.y,
      c.size?.width ?? null,
      c.size?.height ?? null,
      json(c.attributes),
    ],
    fromRow: (r) =>
      ({
        id: r[0],
        scenarioId: r[1],
        kind: r[2],
        name: r[3],
        parentId: r[4],
        position: { x: r[5], y: r[6] },
        size: r[7] === null && r[8] === null ? null : { width: r[7], height: r[8] },
        attributes: parse(r[9]),
      }) as EntityOf<'components'>,
  },
  connections: {
    table: 'connections',
    columns: ['id', 'scenario_id', 'kind', 'source_id', 'target_id', 'attributes'],
    toRow: (c) => [c.id, c.scenarioId, c.kind, c.sourceId, c.targetId, json(c.attributes)],
    fromRow: (r) =>
      ({
        id: r[0],
        scenarioId: r[1],
        kind: r[2],
        sourceId: r[3],
        targetId: r[4],
        attributes: parse(r[5]),
      }) as EntityOf<'connections'>,
  },
  journeys: {
    table: 'journeys',
    columns: ['id', 'scenario_id', 'data'],
    toRow: (j) => [j.id, j.scenarioId, json(withoutKeys(j, ['id', 'scenarioId']))],
    fromRow: (r) => ({ id: r[0], scenarioId: r[1], ...(parse(r[2]) as object) }) as EntityOf<'journeys'>,
  },
  decisions: {
    table: 'decisions',
    columns: ['id', 'data'],
    toRow: (d) => [d.id, json(withoutKeys(d, ['id']))],
    fromRow: (r) => ({ id: r[0], ...(parse(r[1]) as object) }) as EntityOf<'decisions'>,
  },
  risks: {
    table: 'risks',
    columns: ['id', 'finding_id', 'data'],
    toRow: (k) => [k.id, k.findingId, json(withoutKeys(k, ['id', 'findingId']))],
    fromRow: (r) => ({ id: r[0], findingId: r[1], ...(parse(r[2]) as object) }) as EntityOf<'risks'>,
  },
  snapshots: {
    table: 'snapshots',
    columns: ['id', 'name', 'note', 'created_at', 'content'],
    toRow: (s) => [s.id, s.name, s.note, s.createdAt, s.content],
    fromRow: (r) =>
      ({ id: r[0], name: r[1], note: r[2], createdAt: r[3], content: r[4] }) as EntityOf<'snapshots'>,
  },
};

/** Keys of the meta table. */
export const META_KEYS = {
  formatVersion: 'format_version',
  appVersion: 'app_version',
  createdWith: 'created_with',
  revision: 'revision',
  designMeta: 'design_meta',
} as const;
