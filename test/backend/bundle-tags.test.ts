// A bundle's tags are checked by the library's own rule before anything is imported (found by
// test/fuzz/import-bundle.fuzz.test.ts: a tag holding a control character passed the bundle
// check and the library then threw "a tag cannot hold control characters" mid-import).
import { describe, expect, it } from 'vitest';
import { checkBundle } from '../../electron/backend/bundle-format';

function bundleWithTags(tags: string[]) {
  return {
    format: 'headroom.bundle/v1', exported_at: '2025-01-01T00:00:00.000Z', app_version: '0.1.0', files: [],
    scenarios: [{ name: 'A', tags, versions: [{ version: 1, created_at: '2025-01-01T00:00:00.000Z', note: '', scenario: '{}', files: [] }] }],
  };
}

describe('bundle tags', () => {
  it('a control character in a tag is a problem naming the tags, not a throw', () => {
    expect(checkBundle(bundleWithTags(['ok', 'bad\u0000tag']))).toEqual({
      ok: false, issues: [{ path: 'scenarios[0].tags', message: 'a tag cannot hold control characters' }],
    });
  });

  it('tags the library accepts pass', () => {
    expect(checkBundle(bundleWithTags(['fuzz', 'Base line'])).ok).toBe(true);
  });
});
