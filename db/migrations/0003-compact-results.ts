// Results stored compactly, and per finished replication. A result document is mostly series
// of numbers written as JSON text; deflated it takes a fraction of the space. Each replication's
// outcome is committed as it finishes, so a crash mid-run keeps the replications already done.
import { encodeBody } from '../compression';
import type { Migration } from './types';

export const migration0003: Migration = {
  version: 3,
  name: 'compact-results',
  up(db) {
    db.exec(`
      CREATE TABLE run_results_compact (
        run_id   TEXT PRIMARY KEY NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
        encoding TEXT NOT NULL CHECK (encoding IN ('identity', 'deflate')),
        body     BLOB NOT NULL
      ) STRICT;
    `);
    const insert = db.prepare<[string, string, Buffer]>('INSERT INTO run_results_compact (run_id, encoding, body) VALUES (?, ?, ?)');
    // In pages (a statement cannot write while another iterates, and all results at once could
    // be hundreds of megabytes).
    const page = db.prepare<[string], { run_id: string; result_json: string }>(
      'SELECT run_id, result_json FROM run_results WHERE run_id > ? ORDER BY run_id LIMIT 64',
    );
    for (let after = '', rows = page.all(after); rows.length > 0; rows = page.all(after)) {
      for (const row of rows) {
        const { encoding, body } = encodeBody(row.result_json);
        insert.run(row.run_id, encoding, body);
        after = row.run_id;
      }
    }
    db.exec(`
      DROP TABLE run_results;
      ALTER TABLE run_results_compact RENAME TO run_results;

      CREATE TABLE run_replications (
        run_id      TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
        idx         INTEGER NOT NULL CHECK (idx >= 0),
        encoding    TEXT NOT NULL CHECK (encoding IN ('identity', 'deflate')),
        body        BLOB NOT NULL,
        finished_at TEXT NOT NULL,
        PRIMARY KEY (run_id, idx)
      ) STRICT, WITHOUT ROWID;
    `);
  },
};
