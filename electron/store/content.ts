import type BetterSqlite3 from 'better-sqlite3';
import type { Design } from '../../shared/model/document.ts';
import { z } from 'zod';
import type { Attributes } from '../../shared/model/attributes.ts';
import { componentSchema, connectionSchema, designSchema } from '../../shared/model/document.ts';
import { formatPath, validateDesign } from '../../shared/model/integrity.ts';
import { upgradeDesign } from '../../shared/model/upgrade.ts';
import type { CollectionKey, EntityOf, EntityTable } from './tables.ts';
import { COLLECTION_KEYS, META_KEYS, entityTables } from './tables.ts';

/*
 * Reading and writing a design's rows. Statements are prepared once per open file: better-sqlite3 statements
 * are cheap to run and comparatively costly to prepare, and an apply runs a handful of them.
 */

/** Accepts any plain object; used where validateDesign checks the values. */
const attributeBagSchema = z.custom<Attributes>(
  (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
  'Attributes must be an object.',
);

/*
 * The design schema with component and connection attribute bags only checked to be objects: validateDesign
 * then checks every value against the catalog (stricter than the schema's generic record). Parsing the bags
 * twice made opening a 5,000-component design about 20 times slower.
 */
const storedDesignSchema = designSchema.extend({
  components: z.array(componentSchema.extend({ attributes: attributeBagSchema })),
  connections: z.array(connectionSchema.extend({ attributes: attributeBagSchema })),
});

/** The prepared statements of one open file. */
export interface Statements {
  readonly upsert: { readonly [K in CollectionKey]: BetterSqlite3.Statement };
  readonly remove: { readonly [K in CollectionKey]: BetterSqlite3.Statement };
  readonly setMeta: BetterSqlite3.Statement;
}

/** Prepares the statements that write rows (the schema must exist). */
export function prepareStatements(db: BetterSqlite3.Database): Statements {
  const upsert = {} as Record<CollectionKey, BetterSqlite3.Statement>;
  const remove = {} as Record<CollectionKey, BetterSqlite3.Statement>;
  for (const key of COLLECTION_KEYS) {
    const { table, columns } = entityTables[key];
    const slots = columns.map(() => '?').join(', ');
    upsert[key] = db.prepare(`INSERT OR REPLACE INTO ${table} (${columns.join(', ')}) VALUES (${slots})`);
    remove[key] = db.prepare(`DELETE FROM ${table} WHERE id = ?`);
  }
  const setMeta = db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)');
  return { upsert, remove, setMeta };
}

/** Writes one entity's row (insert or replace). */
export function writeEntity<K extends CollectionKey>(
  statements: Statements,
  key: K,
  entity: EntityOf<K>,
): void {
  statements.upsert[key].run(entityTables[key].toRow(entity));
}

/** Writes every row of `design` into empty tables, plus the meta rows (call inside a transaction). */
export function writeWholeDesign(statements: Statements, design: Design, revision: number): void {
  for (const key of COLLECTION_KEYS) {
    for (const entity of design[key]) writeEntity(statements, key, entity);
  }
  statements.setMeta.run(META_KEYS.formatVersion, String(design.formatVersion));
  statements.setMeta.run(META_KEYS.catalogVersion, String(design.catalogVersion));
  statements.setMeta.run(META_KEYS.designMeta, JSON.stringify(design.meta));
  statements.setMeta.run(META_KEYS.revision, String(revision));
}

/** The meta table as a map. */
export function readMeta(db: BetterSqlite3.Database): Map<string, string> {
  const rows = db.prepare('SELECT key, value FROM meta').raw().all() as [string, string][];
  return new Map(rows);
}

/** The document's format version from its meta rows, or null when missing or not a positive integer. */
export function formatVersionOf(meta: ReadonlyMap<string, string>): number | null {
  const value = Number(meta.get(META_KEYS.formatVersion));
  return Number.isInteger(value) && value >= 1 ? value : null;
}

/** What was read from a file: the checked design, its revision, and whether the design was upgraded on read. */
export interface LoadedContent {
  design: Design;
  revision: number;
  upgraded: boolean;
}

/**
 * Reads the whole design and checks it like any design from outside (upgrade, schema, references).
 * Throws Error (damaged content) or DesignFormatError (newer format); the caller words the refusal.
 */
export function readDesign(db: BetterSqlite3.Database): LoadedContent {
  const meta = readMeta(db);
  const revision = Number(meta.get(META_KEYS.revision));
  if (!Number.isInteger(revision) || revision < 0) throw new Error('its revision counter is missing');
  const metaText = meta.get(META_KEYS.designMeta);
  if (metaText === undefined) throw new Error('its design properties are missing');
  const raw: Record<string, unknown> = {
    formatVersion: formatVersionOf(meta),
    // Missing in files from before catalogs were versioned: the upgrade then records this build's.
    ...(meta.has(META_KEYS.catalogVersion)
      ? { catalogVersion: Number(meta.get(META_KEYS.catalogVersion)) }
      : {}),
    meta: JSON.parse(metaText),
  };
  for (const key of COLLECTION_KEYS) raw[key] = readCollection(db, key);
  // A file this build wrote needs no upgrade, and upgrading 13,000 entities costs more than checking them:
  // only a design that fails the check is upgraded (older format, attributes the catalog gained) and rechecked.
  try {
    return { design: checkDesign(raw), revision, upgraded: false };
  } catch (error) {
    const upgraded = upgradeDesign(raw);
    if (upgraded === raw) throw error;
    return { design: checkDesign(upgraded), revision, upgraded: true };
  }
}

/** Every row of one collection's table, as (unchecked) entities in id order. */
function readCollection<K extends CollectionKey>(db: BetterSqlite3.Database, key: K): EntityOf<K>[] {
  const table: EntityTable<EntityOf<K>> = entityTables[key];
  const rows = db
    .prepare(`SELECT ${table.columns.join(', ')} FROM ${table.table} ORDER BY id`)
    .raw()
    .all();
  return (rows as unknown[][]).map((row) => table.fromRow(row));
}

/**
 * Parses `raw` as a design and checks its references and attributes (validateDesign); throws Error naming the
 * first problem.
 */
export function checkDesign(raw: unknown): Design {
  const parsed = storedDesignSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue ? formatPath(issue.path) : '';
    throw new Error(`${path === '' ? '' : `${path}: `}${issue?.message ?? 'the content is malformed'}`);
  }
  const problems = validateDesign(parsed.data);
  if (problems.length > 0) {
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
    throw new Error(`${problems[0]}${more}`);
  }
  return parsed.data;
}
