// The organize slice: rename and duplicate (each a saved version), tags, the trash, import and
// export. Failures land in the library's message area.
import { describe, expect, it } from 'vitest';
import { makeStore, openExample, REPLICAS, settle, stubBrowserForEachTest } from './store-harness';

stubBrowserForEachTest();

describe('organize: rename', () => {
  it('saves the new name as a version, and the old text stays one Undo away', async () => {
    const { store, fake } = makeStore();
    const id = await openExample(store);
    const before = store.getState().text;
    expect(await store.getState().renameScenario(id, 'Checkout API')).toBe(true);
    const s = store.getState();
    expect(fake.versionCount(id)).toBe(2);
    expect(s.scenarios.find((x) => x.id === id)?.name).toBe('Checkout API');
    expect(s.lastValid?.name).toBe('Checkout API');
    expect(s.text).toBe(s.savedText);
    expect(s.saveState).toEqual({ state: 'saved', version: 2 });
    store.getState().undo();
    expect(store.getState().text).toBe(before);
  });

  it('saves pending valid edits first, so the rename builds on them', async () => {
    const { store, fake } = makeStore();
    const id = await openExample(store);
    store.getState().setField(REPLICAS, 6);
    expect(await store.getState().renameScenario(id, 'Six replicas')).toBe(true);
    expect(fake.versionCount(id)).toBe(3);
    expect(store.getState().lastValid?.serving?.services[0]?.replicas).toBe(6);
    expect(store.getState().lastValid?.name).toBe('Six replicas');
  });

  it('refuses while the edits are invalid, and names the field of a bad name', async () => {
    const { store, fake } = makeStore();
    const id = await openExample(store);
    store.getState().setField(REPLICAS, 0);
    expect(await store.getState().renameScenario(id, 'Zero')).toBe(false);
    expect(store.getState().libraryError).toBe('Cannot rename the scenario: its unsaved changes could not be saved first');
    store.getState().undo();
    expect(await store.getState().renameScenario(id, '   ')).toBe(false);
    expect(store.getState().libraryError).toMatch(/^Cannot rename the scenario: name: must be 1 to \d+ characters$/);
    expect(fake.versionCount(id)).toBe(1);
  });
});

describe('organize: duplicate and tags', () => {
  it('duplicates with the tags as "… (copy)" and opens the copy', async () => {
    const { store, fake } = makeStore();
    const id = await openExample(store);
    await store.getState().setTags(id, ['  prod ', 'Prod', 'api']);
    expect(store.getState().scenarios[0]?.tags).toEqual(['api', 'prod']);
    await store.getState().duplicateScenario(id);
    await settle();
    const s = store.getState();
    const copy = s.editorScenarioId;
    expect(copy).not.toBe(id);
    expect(fake.liveIds()).toHaveLength(2);
    expect(s.scenarios[0]).toMatchObject({ id: copy, name: 'Small API (copy)', version: 1, tags: ['api', 'prod'] });
    expect(s.toast?.message).toBe('Duplicated as “Small API (copy)”');
  });
});

describe('organize: trash', () => {
  it('lists the trash, restores from it and deletes for good', async () => {
    const { store, fake } = makeStore();
    const id = await openExample(store);
    await store.getState().deleteScenario(id);
    store.getState().toggleTrash();
    await settle();
    expect(store.getState().trash.map((x) => x.id)).toEqual([id]);

    await store.getState().restoreFromTrash(id);
    await settle();
    expect(store.getState().trash).toEqual([]);
    expect(store.getState().scenarios.map((x) => x.id)).toEqual([id]);
    expect(store.getState().editorScenarioId).toBe(id); // nothing else was open
    expect(store.getState().toast?.message).toBe('Restored “Small API”');

    await store.getState().deleteScenario(id);
    await settle();
    await store.getState().purgeScenario(id);
    expect(store.getState().trash).toEqual([]);
    expect(fake.scenarios.has(id)).toBe(false);
    expect(store.getState().toast?.message).toBe('Deleted “Small API” for good');
  });

  it('reports a purge the backend refuses', async () => {
    const { store } = makeStore();
    const id = await openExample(store);
    await store.getState().purgeScenario(id); // live, not in the trash
    expect(store.getState().libraryError).toBe(`Cannot delete the scenario for good: id: scenario ${id} is not in the trash`);
  });
});

describe('organize: import and export', () => {
  it('opens the first imported scenario and lists refused files', async () => {
    const { store, fake } = makeStore();
    await store.getState().initLibrary();
    const created = await fake.api.createScenario((await fake.api.listExamples())[0]!.json);
    if (!created.ok) throw new Error('the example must validate');
    const { json: _json, versionId: _versionId, ...summary } = created.scenario;
    fake.importAnswer = { imported: [summary], problems: [{ file: 'bad.json', path: 'seed', message: 'must be an integer' }] };
    await store.getState().importScenarios();
    await settle();
    expect(store.getState().editorScenarioId).toBe(summary.id);
    expect(store.getState().importProblems).toHaveLength(1);
    expect(store.getState().toast?.message).toBe('Imported 1 scenario (some files were refused)');
  });

  it('saves pending edits before exporting', async () => {
    const { store, fake } = makeStore();
    const id = await openExample(store);
    store.getState().setField(REPLICAS, 4);
    await store.getState().exportScenario(id, true);
    expect(fake.versionCount(id)).toBe(2);
    expect(store.getState().toast?.message).toBe('Exported to /fake/export-1.json');
  });
});
