// Which app versions created and last wrote the file: the first thing to look at when a
// library misbehaves after an upgrade or downgrade.
import type { Db } from './migrations/types';

export function recordAppVersion(db: Db, appVersion: string): void {
  db.transaction(() => {
    db.prepare("INSERT OR IGNORE INTO library_meta (key, value) VALUES ('created_by_app_version', ?)").run(appVersion);
    db.prepare(
      `INSERT INTO library_meta (key, value) VALUES ('last_writer_app_version', ?)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
    ).run(appVersion);
  })();
}
