// The walking skeleton's schema. Every table is STRICT, so a value of the wrong type is an
// error instead of being silently stored (CLARIFICATIONS.md "Library").
import type { Migration } from './types';

export const migration0001: Migration = {
  version: 1,
  name: 'initial',
  up(db) {
    db.exec(`
      -- Key/value facts about the file itself (which app created it, which last wrote it).
      CREATE TABLE library_meta (
        key   TEXT PRIMARY KEY NOT NULL,
        value TEXT NOT NULL
      ) STRICT;

      -- deleted_at: soft delete, so a deletion can be undone and runs keep their scenario.
      CREATE TABLE scenarios (
        id         TEXT PRIMARY KEY NOT NULL,
        name       TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        deleted_at TEXT
      ) STRICT;

      CREATE INDEX scenarios_live_by_updated ON scenarios (updated_at DESC) WHERE deleted_at IS NULL;

      -- Every save is a new immutable version; runs point at the exact text they simulated.
      CREATE TABLE scenario_versions (
        id          TEXT PRIMARY KEY NOT NULL,
        scenario_id TEXT NOT NULL REFERENCES scenarios (id),
        version     INTEGER NOT NULL CHECK (version >= 1),
        name        TEXT NOT NULL,
        json        TEXT NOT NULL,
        sections    TEXT NOT NULL CHECK (json_valid(sections) AND json_type(sections) = 'array'),
        sha256      TEXT NOT NULL CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
        created_at  TEXT NOT NULL,
        UNIQUE (scenario_id, version)
      ) STRICT;

      CREATE TRIGGER scenario_versions_immutable BEFORE UPDATE ON scenario_versions
      BEGIN
        SELECT RAISE(ABORT, 'scenario versions are immutable');
      END;

      -- finished_at is set exactly when the status is final.
      CREATE TABLE runs (
        id                  TEXT PRIMARY KEY NOT NULL,
        scenario_version_id TEXT NOT NULL REFERENCES scenario_versions (id),
        status              TEXT NOT NULL
          CHECK (status IN ('queued', 'running', 'done', 'failed', 'cancelled', 'truncated')),
        seed                INTEGER NOT NULL,
        replications        INTEGER NOT NULL CHECK (replications >= 1),
        engine_version      TEXT NOT NULL,
        created_at          TEXT NOT NULL,
        started_at          TEXT,
        finished_at         TEXT,
        wall_ms             INTEGER,
        events              INTEGER,
        error               TEXT,
        CHECK ((status IN ('queued', 'running')) = (finished_at IS NULL))
      ) STRICT;

      -- Runs of a scenario are listed through its versions (scenario_versions' UNIQUE index
      -- finds the versions, this one their runs in order).
      CREATE INDEX runs_by_version ON runs (scenario_version_id, created_at);
      -- Tiny: only unfinished runs, which the open-time crash sweep looks for.
      CREATE INDEX runs_unfinished ON runs (status) WHERE status IN ('queued', 'running');

      -- Kept apart from runs so listing runs never reads the (large) result documents.
      CREATE TABLE run_results (
        run_id      TEXT PRIMARY KEY NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
        result_json TEXT NOT NULL
      ) STRICT;
    `);
  },
};
