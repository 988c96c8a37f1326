// Applies pending migrations the Signal Desktop way: all of them in one transaction that also
// stamps `user_version` and `application_id`, so a failure anywhere leaves the file exactly at
// its old version with its data intact.
import { APPLICATION_ID, readHeader } from './connection';
import { LibraryTooNewError } from './errors';
import { checkMigrations } from './migrations/index';
import type { Db, Migration } from './migrations/types';

export interface MigrationOutcome {
  from: number;
  to: number;
}

/** Brings `db` to the last version of `migrations` (the registry by default, any list in tests). */
export function migrate(db: Db, migrations: readonly Migration[]): MigrationOutcome {
  checkMigrations(migrations);
  const latest = migrations.length;
  // IMMEDIATE: take the write lock before reading the version, so it cannot change under us.
  return db
    .transaction((): MigrationOutcome => {
      const from = readHeader(db).userVersion;
      if (from > latest) throw new LibraryTooNewError(from, latest);
      if (from === latest) return { from, to: latest };
      for (const migration of migrations.slice(from)) migration.up(db);
      const dangling = db.pragma('foreign_key_check') as unknown[];
      if (dangling.length > 0) throw new Error(`migration to version ${latest} left ${dangling.length} broken references`);
      db.pragma(`application_id = ${APPLICATION_ID}`);
      db.pragma(`user_version = ${latest}`);
      return { from, to: latest };
    })
    .immediate();
}
