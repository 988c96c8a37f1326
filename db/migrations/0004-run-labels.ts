// What the runs list says about a run beyond its status: a label the user gives it, and the
// headline of its SLO verdict, kept so listing runs never re-reads their result documents.
import type { Migration } from './types';

export const migration0004: Migration = {
  version: 4,
  name: 'run-labels',
  up(db) {
    db.exec(`
      -- NULL: no label. The repository trims it and stores '' as NULL.
      ALTER TABLE runs ADD COLUMN label TEXT CHECK (label IS NULL OR length(label) BETWEEN 1 AND 80);

      -- JSON: {"tone": "good" | "warn" | "bad", "text": …}, or null when the run has no verdict
      -- to headline. SQL NULL: not worked out yet (runs finished before this migration; the
      -- backend fills it in the first time it lists them).
      ALTER TABLE runs ADD COLUMN headline TEXT CHECK (headline IS NULL OR json_valid(headline));
    `);
  },
};
