import Database from 'better-sqlite3';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { compareMigrations, readAppliedMigrations, runMigrations } from './migrate.ts';
import type { Migration } from './migrations/index.ts';
import { LATEST_MIGRATION_ID, migrations } from './migrations/index.ts';
import { makeTempDir, removeTempDir } from './testing/fixtures.ts';

let dir: string;
beforeEach(() => {
  dir = makeTempDir();
});
afterEach(() => {
  removeTempDir(dir);
});

const addTable = (id: number, table: string): Migration => ({
  id,
  name: `add-${table}`,
  up: (db) => db.exec(`CREATE TABLE ${table} (x)`),
});

const applied = (...ids: number[]) =>
  ids.map((id) => ({ id, name: id === 1 ? 'initial' : `add-t${id}`, appliedAt: '2026-01-01T00:00:00.000Z' }));

describe('migrations', () => {
  it('are numbered from 1 without gaps', () => {
    expect(migrations.map((m) => m.id)).toEqual(migrations.map((_, i) => i + 1));
    expect(LATEST_MIGRATION_ID).toBe(migrations.length);
  });

  it('accept an applied prefix and list the pending ones', () => {
    const known = [migrations[0] as Migration, addTable(2, 't2'), addTable(3, 't3')];
    expect(compareMigrations(applied(), known)).toEqual({ state: 'ok', pending: known });
    expect(compareMigrations(applied(1, 2), known)).toEqual({ state: 'ok', pending: [known[2]] });
    expect(compareMigrations(applied(1, 2, 3), known)).toEqual({ state: 'ok', pending: [] });
  });

  it('report a history longer than the known one as newer', () => {
    const known = [migrations[0] as Migration];
    expect(compareMigrations(applied(1, 2), known)).toEqual({ state: 'newer', latestApplied: 2 });
  });

  it('report a different history as a mismatch', () => {
    const known = [migrations[0] as Migration, addTable(2, 'other')];
    expect(compareMigrations(applied(1, 2), known).state).toBe('mismatch');
  });

  it('run each migration in its own transaction, recording it; a failing one leaves no trace', () => {
    const db = new Database(path.join(dir, 'm.db'));
    const failing: Migration = {
      id: 3,
      name: 'fails',
      up: (d) => {
        d.exec('CREATE TABLE t3 (x)');
        throw new Error('migration 3 failed');
      },
    };
    expect(() => runMigrations(db, [migrations[0] as Migration, addTable(2, 't2'), failing])).toThrow(
      'migration 3 failed',
    );
    expect(readAppliedMigrations(db).map((m) => [m.id, m.name])).toEqual([
      [1, 'initial'],
      [2, 'add-t2'],
    ]);
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").pluck().all();
    expect(tables).toContain('t2');
    expect(tables).not.toContain('t3');
    db.close();
  });
});
