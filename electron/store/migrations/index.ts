import { initialMigration } from './0001-initial.ts';
import { requestPathsMigration } from './0002-request-paths.ts';
import type { Migration } from './types.ts';

export type { Migration } from './types.ts';

/** Every migration this build knows, in order. Append new ones; never edit or reorder released ones. */
export const migrations: readonly Migration[] = [initialMigration, requestPathsMigration];

/** The id of the newest migration: also the `PRAGMA user_version` of an up-to-date document. */
export const LATEST_MIGRATION_ID = migrations[migrations.length - 1]?.id ?? 0;
