import type BetterSqlite3 from 'better-sqlite3';

/** One step of the .mlarch schema. Ids are consecutive from 1; a released migration never changes. */
export interface Migration {
  readonly id: number;
  readonly name: string;
  /** Changes the schema (and data); runs inside the transaction that records it. */
  up(db: BetterSqlite3.Database): void;
}
