// The library-file slice: an unusable library, backing up, and a restore that replaces
// everything on screen.
import { describe, expect, it } from 'vitest';
import { EXAMPLES, makeStore, openExample, settle, stubBrowserForEachTest } from './store-harness';

stubBrowserForEachTest();

describe('library file', () => {
  it('shows only the examples while the library is unavailable', async () => {
    const { store, fake } = makeStore();
    fake.status = { ...fake.status, state: 'unavailable', message: 'the file is damaged' };
    await store.getState().initLibrary();
    const s = store.getState();
    expect(s.libraryStatus).toBe('ready');
    expect(s.libraryFile?.message).toBe('the file is damaged');
    expect(s.scenarios).toEqual([]);
    expect(s.examples).toHaveLength(EXAMPLES.length);
    expect(fake.calls).not.toContain('listScenarios');
  });

  it('backs up, then restoring the backup reloads everything shown', async () => {
    const { store, fake } = makeStore();
    await openExample(store);
    await store.getState().backupNow();
    const backup = store.getState().libraryFile?.backups[0];
    expect(backup?.name).toMatch(/^library-v1-backup-\d+\.sqlite$/);
    expect(store.getState().toast?.message).toBe(`Backed up to ${backup?.name}`);

    store.getState().setSearchQuery('small');
    await store.getState().restoreBackup(backup!.name);
    await settle();
    const s = store.getState();
    expect(s.libraryFileBusy).toBe(false);
    expect(s.editorScenarioId).toBeNull();
    expect(s.scenarios).toEqual([]);
    expect(s.searchQuery).toBe('');
    expect(s.toast?.message).toBe('Library restored');
    expect(fake.calls.filter((c) => c === 'listScenarios').length).toBeGreaterThan(1);
  });

  it('reports a backup that fails, in the dialog', async () => {
    const { store, fake } = makeStore();
    await store.getState().initLibrary();
    fake.failNext('backupLibrary', 'disk full');
    await store.getState().backupNow();
    expect(store.getState().libraryFileError).toBe('Cannot back up the library: disk full');
    expect(store.getState().libraryFileBusy).toBe(false);
  });
});
