// The storage check at start: the real better-sqlite3 loads here (built for this Node); a module
// built for another ABI, as a mis-packaged app would have, gives one message that says what is
// wrong and what to do, never a stack.
import { describe, expect, it } from 'vitest';
import { checkStorageEngine } from '../../electron/main/storage-engine';

describe('checkStorageEngine', () => {
  it('loads the real native module', () => {
    expect(checkStorageEngine()).toEqual({ ok: true });
  });

  it('says what is wrong when the module was built for another ABI', () => {
    const abiError = new Error("The module '/app/node_modules/better-sqlite3/build/Release/better_sqlite3.node'\nwas compiled against a different Node.js version using\nNODE_MODULE_VERSION 115. This version of Node.js requires\nNODE_MODULE_VERSION 140.");
    const check = checkStorageEngine(() => {
      throw abiError;
    });
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.message).toMatch(/^The storage engine \(better-sqlite3\) could not load/);
    expect(check.message).toContain('better_sqlite3.node');
    expect(check.message).toContain(`ABI ${process.versions.modules}`);
    expect(check.message).toContain('docs/release.md');
    expect(check.message).not.toContain('\n');
  });
});
