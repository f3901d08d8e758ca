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

/** A row id for a message: the id column as text, cut short (a damaged file may hold anything there). */
function rowName(table: string, id: unknown): string {
  const text = String(id);
  return `the ${table} row ${text.length > 64 ? `${text.slice(0, 64)}...` : text}`;
}

/**
 * A table that stores the key fields of an entity in their own columns (`[column, field]` pairs, id first)
 * and the other fields as one JSON object in `data`. The columns are what SQL matches on (a removal deletes
 * by the id column), so the JSON may not carry a key: a crafted `data.id` would rename the entity in memory,
 * the removal would then hit no row and the entity would come back on reopen. Such a row is refused as damage,
 * and the columns are written last so that they would win anyway.
 */
function keyedJsonTable<K extends CollectionKey>(
  table: string,
  keys: readonly (readonly [column: string, field: keyof EntityOf<K> & string])[],
): EntityTable<EntityOf<K>> {
  const fields: readonly string[] = keys.map(([, field]) => field);
  return {
    table,
    columns: [...keys.map(([column]) => column), 'data'],
    toRow: (entity) => [
      ...fields.map((field) => (entity as Record<string, unknown>)[field] as SqlValue),
      json(withoutKeys(entity, fields)),
    ],
    fromRow: (row) => {
      const data = parse(row[keys.length]);
      if (typeof data !== 'object' || data === null || Array.isArray(data)) {
        throw new Error(`${rowName(table, row[0])} has no JSON object in its data column`);
      }
      for (const [column, field] of keys) {
        if (Object.hasOwn(data, field)) {
          throw new Error(
            `${rowName(table, row[0])} repeats its key "${field}" in its data column; only the ${column} column may hold it`,
          );
        }
      }
      const entity: Record<string, unknown> = { ...data };
      fields.forEach((field, i) => (entity[field] = row[i]));
      return entity as EntityOf<K>;
    },
  };
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
    columns: ['id', 'scenario_id', 'kind', 'source_id', 'target_id', 'group_id', 'primary_id', 'attributes'],
    toRow: (c) => [
      c.id,
      c.scenarioId,
      c.kind,
      c.sourceId,
      c.targetId,
      c.groupId,
      c.primaryId,
      json(c.attributes),
    ],
    fromRow: (r) =>
      ({
        id: r[0],
        scenarioId: r[1],
        kind: r[2],
        sourceId: r[3],
        targetId: r[4],
        groupId: r[5],
        primaryId: r[6],
        attributes: parse(r[7]),
      }) as EntityOf<'connections'>,
  },
  groups: keyedJsonTable<'groups'>('connection_groups', [
    ['id', 'id'],
    ['scenario_id', 'scenarioId'],
    ['source_id', 'sourceId'],
  ]),
  journeys: keyedJsonTable<'journeys'>('journeys', [
    ['id', 'id'],
    ['scenario_id', 'scenarioId'],
  ]),
  decisions: keyedJsonTable<'decisions'>('decisions', [['id', 'id']]),
  risks: keyedJsonTable<'risks'>('risks', [
    ['id', 'id'],
    ['finding_id', 'findingId'],
  ]),
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
  /** The catalog version the design was written with (absent in files from before it was recorded). */
  catalogVersion: 'catalog_version',
  appVersion: 'app_version',
  createdWith: 'created_with',
  revision: 'revision',
  designMeta: 'design_meta',
} as const;
