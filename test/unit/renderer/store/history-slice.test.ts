// The history slice: the open scenario's immutable versions, one shown read-only, two compared
// field by field, and an old one restored as the newest version.
import { describe, expect, it } from 'vitest';
import { makeStore, openExample, REPLICAS, settle, stubBrowserForEachTest, type AppStore } from './store-harness';

stubBrowserForEachTest();

/** Saves replicas = n as the next version. */
async function saveReplicas(store: AppStore, n: number): Promise<void> {
  store.getState().setField(REPLICAS, n);
  expect(await store.getState().saveScenario()).toBe(true);
  await settle();
}

describe('history', () => {
  it('lists the versions newest first and compares the newest with the one before', async () => {
    const { store } = makeStore();
    await openExample(store);
    await saveReplicas(store, 3);
    store.getState().setHistoryOpen(true);
    await settle();
    const s = store.getState();
    expect(s.historyStatus).toBe('ready');
    expect(s.versions.map((v) => v.version)).toEqual([2, 1]);
    expect(s.compareTo).toBe(s.versions[0]?.id);
    expect(s.compareFrom).toBe(s.versions[1]?.id);
    expect(s.diff).toEqual([{ path: 'serving.services[0].replicas', kind: 'changed', before: 2, after: 3 }]);
  });

  it('follows saves while it is open', async () => {
    const { store } = makeStore();
    await openExample(store);
    store.getState().setHistoryOpen(true);
    await settle();
    expect(store.getState().versions).toHaveLength(1);
    await saveReplicas(store, 3);
    await saveReplicas(store, 4);
    expect(store.getState().versions.map((v) => v.version)).toEqual([3, 2, 1]);
  });

  it('shows a version read-only without touching the editor', async () => {
    const { store } = makeStore();
    await openExample(store);
    const v1Text = store.getState().text;
    await saveReplicas(store, 3);
    store.getState().setHistoryOpen(true);
    await settle();
    const v1 = store.getState().versions[1]!;
    await store.getState().viewVersion(v1.id);
    expect(store.getState().viewed).toMatchObject({ id: v1.id, version: 1, json: v1Text });
    expect(store.getState().editorVersion).toBe(2);
    await store.getState().viewVersion(null);
    expect(store.getState().viewed).toBeNull();
  });

  it('restores an old version as a new one, saving pending edits first', async () => {
    const { store, fake } = makeStore();
    const id = await openExample(store);
    const v1Text = store.getState().text;
    await saveReplicas(store, 3);
    store.getState().setHistoryOpen(true);
    await settle();
    const v1 = store.getState().versions[1]!;
    store.getState().setField(REPLICAS, 4); // pending: becomes v3
    await store.getState().restoreVersion(v1.id);
    await settle();
    const s = store.getState();
    expect(fake.versionCount(id)).toBe(4);
    expect(s.versions.map((v) => [v.version, v.note])).toEqual([[4, 'restored from v1'], [3, ''], [2, ''], [1, '']]);
    expect(s.text).toBe(v1Text);
    expect(s.editorVersion).toBe(4);
    expect(s.toast?.message).toBe('Restored v1 as v4');
  });

  it('reports a version that cannot be read', async () => {
    const { store, fake } = makeStore();
    await openExample(store);
    fake.failNext('getVersion', 'damaged row');
    await store.getState().viewVersion('v-404');
    expect(store.getState().historyError).toBe('Cannot open the version: damaged row');
  });
});
