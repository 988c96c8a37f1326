// The real traces copied into the repository are the public files, byte for byte: every file
// listed in test/fixtures/data/README.md matches its SHA-256, and every data file there is listed
// and has its licence beside it.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURE_DATA } from '../../fixture-data';

const readme = fs.readFileSync(path.join(FIXTURE_DATA, 'README.md'), 'utf8');
const listed = [...readme.matchAll(/^([0-9a-f]{64}) {2}(\S+)$/gm)].map((m) => ({ sha: m[1]!, file: m[2]! }));

describe('bundled real data', () => {
  it('lists a checksum for every data file', () => {
    const dataFiles = fs.readdirSync(FIXTURE_DATA, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.csv')).map((f) => f.split(path.sep).join('/'));
    expect(dataFiles.length).toBeGreaterThan(0);
    for (const f of dataFiles) expect(listed.map((l) => l.file)).toContain(f);
  });

  for (const { sha, file } of listed) {
    it(`${file} matches its SHA-256`, () => {
      const abs = path.resolve(FIXTURE_DATA, file);
      expect(createHash('sha256').update(fs.readFileSync(abs)).digest('hex')).toBe(sha);
      const licences = fs.readdirSync(path.dirname(abs)).filter((f) => /^LICENSE/.test(f));
      expect(licences.length, `a licence beside ${file}`).toBeGreaterThan(0);
    });
  }
});
