import type { Migration } from './types.ts';

/*
 * Format 2 (explicit request paths): groups of sibling connections get their own table, and a connection names
 * its group and, for a fallback, the call it backs up. The rows of an older design are rewritten by the format
 * upgrade on first open (shared/model/upgrade-format2.ts); this migration only makes room for them.
 */
const SCHEMA = `
CREATE TABLE connection_groups (
  id TEXT PRIMARY KEY,
  scenario_id TEXT NOT NULL,
  source_id TEXT NOT NULL,
  data TEXT NOT NULL
);
CREATE INDEX connection_groups_by_scenario ON connection_groups (scenario_id);
ALTER TABLE connections ADD COLUMN group_id TEXT;
ALTER TABLE connections ADD COLUMN primary_id TEXT;
`;

export const requestPathsMigration: Migration = {
  id: 2,
  name: 'request-paths',
  up(db) {
    db.exec(SCHEMA);
  },
};
