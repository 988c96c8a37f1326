// The real public traces the tests read, copied into the repository with their licences and
// checksums (test/fixtures/data/README.md), so tests run from a bare clone.
import path from 'node:path';

export const FIXTURE_DATA = path.resolve(__dirname, 'fixtures', 'data');

export function fixtureData(...parts: string[]): string {
  return path.join(FIXTURE_DATA, ...parts);
}
