import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LibraryLockedError, libraryPaths, openLibrary } from '../../db';
import { deadPid, scenarioInput, tempDataDir, thrownBy } from './helpers';

describe('single-writer lock', () => {
  it('refuses a second writer while the first holds the lock, naming its pid', () => {
    const dataDir = tempDataDir();
    const first = openLibrary(dataDir);
    expect(fs.readFileSync(libraryPaths(dataDir).lock, 'utf8')).toBe(String(process.pid));

    const error = thrownBy(() => openLibrary(dataDir));
    expect(error).toBeInstanceOf(LibraryLockedError);
    expect(error.message).toContain(`pid ${process.pid}`);

    first.close();
    expect(fs.existsSync(libraryPaths(dataDir).lock)).toBe(false);
    const second = openLibrary(dataDir);
    second.close();
  });

  it('takes over a stale lock whose process is gone', () => {
    const dataDir = tempDataDir();
    fs.writeFileSync(libraryPaths(dataDir).lock, String(deadPid()));
    const library = openLibrary(dataDir);
    expect(fs.readFileSync(libraryPaths(dataDir).lock, 'utf8')).toBe(String(process.pid));
    library.close();

    fs.writeFileSync(libraryPaths(dataDir).lock, ''); // a writer that died before writing its pid
    openLibrary(dataDir).close();
  });

  it('lets read-only opens read beside a writer, without a lock', () => {
    const dataDir = tempDataDir();
    const writer = openLibrary(dataDir);
    const reader = openLibrary(dataDir, { readonly: true });
    writer.scenarios.createScenario(scenarioInput('fresh'));
    expect(reader.scenarios.listScenarios().map((s) => s.name)).toEqual(['fresh']);
    reader.close();
    expect(fs.existsSync(libraryPaths(dataDir).lock)).toBe(true); // the reader released nothing
    writer.close();
    writer.close(); // closing twice is harmless
  });
});
