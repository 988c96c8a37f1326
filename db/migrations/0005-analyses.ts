// What-if analyses kept with the scenario version they ran on: sweeps (and solves and
// sensitivity runs), reopened later and exported as reports. The document is deflated like a
// result; the summary columns let a list show them without reading the body.
import type { Migration } from './types';

export const migration0005: Migration = {
  version: 5,
  name: 'analyses',
  up(db) {
    db.exec(`
      CREATE TABLE analyses (
        id                  TEXT PRIMARY KEY NOT NULL,
        scenario_version_id TEXT NOT NULL REFERENCES scenario_versions (id) ON DELETE CASCADE,
        kind                TEXT NOT NULL CHECK (kind IN ('sweep', 'solve', 'sensitivity')),
        title               TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 500),
        created_at          TEXT NOT NULL,
        wall_ms             INTEGER NOT NULL CHECK (wall_ms >= 0),
        encoding            TEXT NOT NULL CHECK (encoding IN ('identity', 'deflate')),
        body                BLOB NOT NULL
      ) STRICT;
      CREATE INDEX analyses_by_version ON analyses (scenario_version_id, created_at DESC);
    `);
  },
};
