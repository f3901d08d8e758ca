import Database from 'better-sqlite3';
import type BetterSqlite3 from 'better-sqlite3';
import { openRefusal } from './errors.ts';
import { runMigrations } from './migrate.ts';
import type { Migration } from './migrations/index.ts';
import { migrations } from './migrations/index.ts';

/*
 * A file's schema must be exactly the one this build's migrations create: same tables, indexes, and no
 * triggers or views. A crafted file could otherwise carry a trigger that runs on every edit we write (deleting
 * rows, or a recursive query that blocks the host), a view standing in for one of our tables, or a table with
 * extra columns, defaults or constraints. SQLite keeps each object's CREATE statement as it was written (and
 * rewrites it for ALTER TABLE deterministically), so comparing the statements' text with those of an empty
 * database built by the same migrations catches every difference. Reading sqlite_schema only parses the
 * schema; nothing in it runs.
 */

/** One row of sqlite_schema, without the root page (where the object lives in this particular file). */
interface SchemaObject {
  type: string;
  name: string;
  tbl_name: string;
  sql: string | null;
}

/** Expected schemas per migration list and level: built once per process (a few milliseconds each). */
const expectedCache = new WeakMap<readonly Migration[], Map<number, ReadonlyMap<string, SchemaObject>>>();

/** The schema, with SQLite's own indexes last: a difference is reported on the table that caused it. */
function readSchema(db: BetterSqlite3.Database): SchemaObject[] {
  return db
    .prepare(
      `SELECT type, name, tbl_name, sql FROM sqlite_schema
       ORDER BY name LIKE 'sqlite\\_%' ESCAPE '\\', type, name`,
    )
    .all() as SchemaObject[];
}

const keyOf = (object: SchemaObject): string => `${object.type} ${object.name}`;

/** The schema migrations 1..level of `known` create, keyed by "type name". */
export function expectedSchema(
  level: number,
  known: readonly Migration[] = migrations,
): ReadonlyMap<string, SchemaObject> {
  let levels = expectedCache.get(known);
  if (!levels) {
    levels = new Map();
    expectedCache.set(known, levels);
  }
  const cached = levels.get(level);
  if (cached) return cached;
  const db = new Database(':memory:');
  try {
    runMigrations(db, known.slice(0, level));
    const schema = new Map(readSchema(db).map((object) => [keyOf(object), object]));
    levels.set(level, schema);
    return schema;
  } finally {
    db.close();
  }
}

/** The first difference between the file's schema and the expected one, in words; null when they match. */
function firstDifference(
  actual: readonly SchemaObject[],
  expected: ReadonlyMap<string, SchemaObject>,
): { detail: string; count: number } | null {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const object of actual) {
    const key = keyOf(object);
    seen.add(key);
    const wanted = expected.get(key);
    if (!wanted)
      problems.push(`it holds a ${object.type} "${object.name}" that MLArch Studio does not create`);
    else if (wanted.tbl_name !== object.tbl_name || wanted.sql !== object.sql)
      problems.push(`its ${object.type} "${object.name}" differs from the one MLArch Studio creates`);
  }
  for (const [key, object] of expected) {
    if (!seen.has(key)) problems.push(`its ${object.type} "${object.name}" is missing`);
  }
  const [first] = problems;
  return first === undefined ? null : { detail: first, count: problems.length };
}

/**
 * Refuses (DocumentFileError 'corrupt') a file whose schema is not exactly what migrations 1..level create.
 * Run it before reading any table of the file: until it passed, a "table" may be a view.
 */
export function checkSchema(
  db: BetterSqlite3.Database,
  path: string,
  level: number,
  known: readonly Migration[] = migrations,
): void {
  const difference = firstDifference(readSchema(db), expectedSchema(level, known));
  if (!difference) return;
  const more = difference.count > 1 ? ` and ${difference.count - 1} more differences` : '';
  throw openRefusal('corrupt', path, `${difference.detail}${more}; another program changed it`);
}
