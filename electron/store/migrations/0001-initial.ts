import type { Migration } from './types.ts';

/*
 * The first schema. Components and connections get real columns (they are the bulk of a design and what ad-hoc
 * SQL and the CLI look at); journeys, decisions and risks are small, nested records kept as one JSON column.
 * Ids are the primary keys: ORDER BY id is the canonical entity order.
 */
const SCHEMA = `
CREATE TABLE meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE migrations (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  applied_at TEXT NOT NULL
);

CREATE TABLE scenarios (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  description TEXT NOT NULL,
  viewport TEXT
);

CREATE TABLE components (
  id TEXT PRIMARY KEY,
  scenario_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  name TEXT NOT NULL,
  parent_id TEXT,
  x REAL NOT NULL,
  y REAL NOT NULL,
  width REAL,
  height REAL,
  attributes TEXT NOT NULL
);
CREATE INDEX components_by_scenario ON components (scenario_id);

CREATE TABLE connections (
  id TEXT PRIMARY KEY,
  scenario_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  source_id TEXT NOT NULL,
  target_id TEXT NOT NULL,
  attributes TEXT NOT NULL
);
CREATE INDEX connections_by_scenario ON connections (scenario_id);
CREATE INDEX connections_by_source ON connections (source_id);
CREATE INDEX connections_by_target ON connections (target_id);

CREATE TABLE journeys (
  id TEXT PRIMARY KEY,
  scenario_id TEXT NOT NULL,
  data TEXT NOT NULL
);
CREATE INDEX journeys_by_scenario ON journeys (scenario_id);

CREATE TABLE decisions (
  id TEXT PRIMARY KEY,
  data TEXT NOT NULL
);

CREATE TABLE risks (
  id TEXT PRIMARY KEY,
  finding_id TEXT NOT NULL,
  data TEXT NOT NULL
);

CREATE TABLE snapshots (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  note TEXT NOT NULL,
  created_at TEXT NOT NULL,
  content TEXT NOT NULL
);
`;

/** Creates every table of format 1. */
export const initialMigration: Migration = {
  id: 1,
  name: 'initial',
  up(db) {
    db.exec(SCHEMA);
  },
};
