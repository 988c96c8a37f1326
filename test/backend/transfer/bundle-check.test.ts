// Problems the import fuzz (test/fuzz/import-bundle.fuzz.test.ts) found in the bundle check: a
// tag holding a control character passed it, and the library then threw "a tag cannot hold
// control characters" mid-import; an unknown field with an empty name got an empty path.
import { describe, expect, it } from 'vitest';
import { checkBundle } from '../../../electron/backend/transfer/bundle-format';

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

  it('an unknown field is named even when its name is empty or not an identifier', () => {
    const withKeys = { ...bundleWithTags([]), '': 1, 'a b': 2 };
    expect(checkBundle(withKeys)).toEqual({
      ok: false, issues: [{ path: '[""]', message: 'unknown field' }, { path: '["a b"]', message: 'unknown field' }],
    });
    const nested = bundleWithTags([]);
    Object.assign(nested.scenarios[0] as object, { '': 0 });
    expect(checkBundle(nested)).toEqual({ ok: false, issues: [{ path: 'scenarios[0][""]', message: 'unknown field' }] });
  });
});
