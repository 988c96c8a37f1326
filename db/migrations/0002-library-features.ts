// What a library needs beyond the skeleton: notes on versions (how each came to be), tags,
// full-text search, referenced files stored content-addressed, an index for the trash, and the
// latest version's number, id and sections (and the tags) kept on the scenario row, so listing
// 10,000 scenarios reads one small row each instead of each latest version's whole JSON.
// Every ordinary table is STRICT; the FTS5 table is a virtual table (CLARIFICATIONS.md allows it).
import type { Migration } from './types';

export const migration0002: Migration = {
  version: 2,
  name: 'library-features',
  up(db) {
    db.exec(`
      -- How a version came to be: '' for an edit, else e.g. 'restored from v3', 'imported from a.json'.
      ALTER TABLE scenario_versions ADD COLUMN note TEXT NOT NULL DEFAULT '';

      -- Copies kept in step with scenario_versions and scenario_tags by the repository, in the
      -- same transactions (sections and tags: JSON arrays of strings).
      ALTER TABLE scenarios ADD COLUMN latest_version INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE scenarios ADD COLUMN latest_version_id TEXT NOT NULL DEFAULT '';
      ALTER TABLE scenarios ADD COLUMN sections TEXT NOT NULL DEFAULT '[]';
      ALTER TABLE scenarios ADD COLUMN tags TEXT NOT NULL DEFAULT '[]';
      UPDATE scenarios SET
        latest_version = coalesce((SELECT max(v.version) FROM scenario_versions v WHERE v.scenario_id = scenarios.id), 0),
        latest_version_id = coalesce((SELECT v.id FROM scenario_versions v WHERE v.scenario_id = scenarios.id ORDER BY v.version DESC LIMIT 1), ''),
        sections = coalesce((SELECT v.sections FROM scenario_versions v WHERE v.scenario_id = scenarios.id ORDER BY v.version DESC LIMIT 1), '[]');

      -- Tags are metadata of the scenario, not of a version (changing them saves no version).
      CREATE TABLE scenario_tags (
        scenario_id TEXT NOT NULL REFERENCES scenarios (id) ON DELETE CASCADE,
        tag         TEXT NOT NULL COLLATE NOCASE CHECK (length(tag) BETWEEN 1 AND 40),
        PRIMARY KEY (scenario_id, tag)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX scenario_tags_by_tag ON scenario_tags (tag);

      CREATE INDEX scenarios_trash_by_deleted ON scenarios (deleted_at DESC) WHERE deleted_at IS NOT NULL;

      -- Trace files a scenario names (arrivals.path, job_trace.path), stored once per content,
      -- so a saved scenario never breaks when the original file moves. content is deflated
      -- when that helps (encoding), sha256 and size are of the original bytes.
      CREATE TABLE files (
        sha256     TEXT PRIMARY KEY NOT NULL CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
        size       INTEGER NOT NULL CHECK (size >= 0),
        encoding   TEXT NOT NULL CHECK (encoding IN ('identity', 'deflate')),
        content    BLOB NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;

      -- Which file each path field of a version names (json_path: e.g. serving.services[0].arrivals.path).
      CREATE TABLE scenario_version_files (
        version_id TEXT NOT NULL REFERENCES scenario_versions (id) ON DELETE CASCADE,
        json_path  TEXT NOT NULL,
        file_name  TEXT NOT NULL,
        sha256     TEXT NOT NULL REFERENCES files (sha256),
        PRIMARY KEY (version_id, json_path)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX scenario_version_files_by_sha ON scenario_version_files (sha256);

      -- A stable integer key per scenario for the search index: VACUUM (and so every backup)
      -- may renumber implicit rowids, never an INTEGER PRIMARY KEY.
      CREATE TABLE scenario_search_docs (
        docid       INTEGER PRIMARY KEY,
        scenario_id TEXT NOT NULL UNIQUE REFERENCES scenarios (id) ON DELETE CASCADE
      ) STRICT;

      -- rowid = scenario_search_docs.docid. body: description and the ids inside the scenario.
      CREATE VIRTUAL TABLE scenario_search USING fts5 (
        name, tags, body,
        tokenize = 'unicode61 remove_diacritics 2'
      );

      INSERT INTO scenario_search_docs (scenario_id) SELECT id FROM scenarios ORDER BY rowid;
      INSERT INTO scenario_search (rowid, name, tags, body)
        SELECT d.docid, s.name, '',
               coalesce((SELECT json_extract(v.json, '$.description') FROM scenario_versions v
                         WHERE v.scenario_id = s.id AND json_valid(v.json)
                         ORDER BY v.version DESC LIMIT 1), '')
        FROM scenario_search_docs d JOIN scenarios s ON s.id = d.scenario_id;
    `);
  },
};
