import type BetterSqlite3 from 'better-sqlite3';

export type Db = BetterSqlite3.Database;

/**
 * One schema step. `up` runs inside the single transaction that applies every pending
 * migration and then sets `user_version`, so it must not open or commit transactions itself
 * (and so cannot toggle `PRAGMA foreign_keys`; a table rebuild must keep references valid).
 */
export interface Migration {
  readonly version: number;
  readonly name: string;
  up(db: Db): void;
}
