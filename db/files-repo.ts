// Files scenarios refer to (trace CSVs), stored once per content and addressed by the SHA-256 of
// their bytes: two scenarios naming the same trace share one copy, and a stored file can never
// change under a version that names it.
import { createHash } from 'node:crypto';
import { decodeBody, encodeBody } from './compression';
import type { Db } from './migrations/types';
import type { Clock, StoredFileRecord } from './records';

export interface FilesRepo {
  /** Stores the bytes (if not already there) and returns their address. */
  putFile(content: Buffer): { sha256: string; size: number };
  getFile(sha256: string): StoredFileRecord | null;
  hasFile(sha256: string): boolean;
}

export function sha256Hex(content: Buffer | string): string {
  return createHash('sha256').update(content).digest('hex');
}

export function createFilesRepo(db: Db, now: Clock): FilesRepo {
  const insert = db.prepare<[string, number, string, Buffer, string]>(
    'INSERT OR IGNORE INTO files (sha256, size, encoding, content, created_at) VALUES (?, ?, ?, ?, ?)',
  );
  const select = db.prepare<[string], { sha256: string; size: number; encoding: string; content: Buffer }>(
    'SELECT sha256, size, encoding, content FROM files WHERE sha256 = ?',
  );
  const exists = db.prepare<[string], number>('SELECT 1 FROM files WHERE sha256 = ?').pluck();

  return {
    putFile(content) {
      const sha256 = sha256Hex(content);
      if (exists.get(sha256) === undefined) {
        const { encoding, body } = encodeBody(content);
        insert.run(sha256, content.length, encoding, body, now().toISOString());
      }
      return { sha256, size: content.length };
    },
    getFile(sha256) {
      const row = select.get(sha256);
      if (!row) return null;
      const content = decodeBody(row.encoding, row.content);
      if (content.length !== row.size || sha256Hex(content) !== row.sha256) {
        throw new Error(`stored file ${sha256} does not match its checksum: the library is damaged`);
      }
      return { sha256: row.sha256, size: row.size, content };
    },
    hasFile: (sha256) => exists.get(sha256) !== undefined,
  };
}
