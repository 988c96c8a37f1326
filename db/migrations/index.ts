// The migration registry. Append new steps here; versions must run 1, 2, 3… without gaps,
// and a released migration is never edited (write a new one instead).
import { migration0001 } from './0001-initial';
import { migration0002 } from './0002-library-features';
import { migration0003 } from './0003-compact-results';
import { migration0004 } from './0004-run-labels';
import { migration0005 } from './0005-analyses';
import { migration0006 } from './0006-imported-results';
import type { Migration } from './types';

export type { Db, Migration } from './types';

/** Throws unless versions are exactly 1, 2, 3… in order, each with a name. */
export function checkMigrations(migrations: readonly Migration[]): void {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(
        `migration registry out of order: position ${index + 1} holds version ${migration.version} ` +
          `(${migration.name}); versions must be 1, 2, 3… with no gaps or repeats`,
      );
    }
    if (migration.name.trim() === '') throw new Error(`migration ${migration.version} has no name`);
  });
}

export const MIGRATIONS: readonly Migration[] = [migration0001, migration0002, migration0003, migration0004, migration0005, migration0006];

checkMigrations(MIGRATIONS);

/** The schema version this app writes: the last migration's version. */
export const LATEST_SCHEMA_VERSION = MIGRATIONS.length;
