// Facts about the file itself in library_meta: which app versions created and last wrote it
// (the first thing to look at when a library misbehaves after an upgrade or downgrade), and
// whether the last session closed it cleanly.
import type { Db } from './migrations/types';

const SESSION_KEY = 'session';

export function recordAppVersion(db: Db, appVersion: string): void {
  db.transaction(() => {
    db.prepare("INSERT OR IGNORE INTO library_meta (key, value) VALUES ('created_by_app_version', ?)").run(appVersion);
    setMeta(db, 'last_writer_app_version', appVersion);
  })();
}

function setMeta(db: Db, key: string, value: string): void {
  db.prepare(
    `INSERT INTO library_meta (key, value) VALUES (?, ?)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
  ).run(key, value);
}

/**
 * The clean-shutdown marker: 'open' while a writer has the library, 'closed' after it closed
 * it. Finding 'open' at the next open means the last writer crashed, was killed or lost power.
 */
export function markSession(db: Db, state: 'open' | 'closed'): void {
  setMeta(db, SESSION_KEY, state);
}

/** True when the previous writer did not close the library (no marker: a new or older file). */
export function lastSessionWasUnclean(db: Db): boolean {
  const hasMeta = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'library_meta'").pluck().get();
  if (hasMeta === undefined) return false;
  return db.prepare('SELECT value FROM library_meta WHERE key = ?').pluck().get(SESSION_KEY) === 'open';
}
