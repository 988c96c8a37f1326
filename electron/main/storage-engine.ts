// The library lives in SQLite through better-sqlite3, a native module that must be built for
// Electron's ABI. When it was built for another (a packaging slip: an `npm config nodedir` makes
// the rebuild target Node and still say "rebuilt"), nothing works; the app says so at once, in
// words, instead of failing on the first click.
import Database from 'better-sqlite3';

export type StorageCheck = { ok: true } | { ok: false; message: string };

/** Opens and closes an in-memory database: loads the native module, or says why it cannot. */
export function checkStorageEngine(open: () => { close(): unknown } = () => new Database(':memory:')): StorageCheck {
  try {
    open().close();
    return { ok: true };
  } catch (e) {
    const reason = e instanceof Error ? e.message.split('\n')[0] : String(e);
    return {
      ok: false,
      message: `The storage engine (better-sqlite3) could not load, so Headroom cannot open its library: ${reason}. `
        + `This build of the app is broken: its native module does not match this Electron (ABI ${process.versions.modules}). `
        + 'Reinstall Headroom; if you built it, see docs/release.md on rebuilding better-sqlite3 for Electron.',
    };
  }
}
