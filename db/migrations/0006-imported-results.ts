// Results computed elsewhere (`headroom run --json`, `headroom merge`) imported into the library
// as runs and analyses of the scenario version they name by hash. import_sha256 is the hash of
// the imported document (canonical JSON), so importing the same file again finds the first
// import instead of adding a copy; NULL for everything computed here. The index on the
// versions' hash finds the version a document names without reading every version's text.
import type { Migration } from './types';

export const migration0006: Migration = {
  version: 6,
  name: 'imported-results',
  up(db) {
    db.exec(`
      ALTER TABLE runs ADD COLUMN import_sha256 TEXT
        CHECK (import_sha256 IS NULL OR (length(import_sha256) = 64 AND import_sha256 NOT GLOB '*[^0-9a-f]*'));
      CREATE UNIQUE INDEX runs_by_import ON runs (import_sha256) WHERE import_sha256 IS NOT NULL;

      ALTER TABLE analyses ADD COLUMN import_sha256 TEXT
        CHECK (import_sha256 IS NULL OR (length(import_sha256) = 64 AND import_sha256 NOT GLOB '*[^0-9a-f]*'));
      CREATE UNIQUE INDEX analyses_by_import ON analyses (import_sha256) WHERE import_sha256 IS NOT NULL;

      CREATE INDEX scenario_versions_by_sha256 ON scenario_versions (sha256);
    `);
  },
};
