// The editor slice: one text validated on every change, undo/redo, saving as a new version, and
// autosave once typing pauses.
import { describe, expect, it, vi } from 'vitest';
import { AUTOSAVE_MS } from '../../../../renderer/store/editor-slice';
import { makeStore, openExample, REPLICAS, settle, stubBrowserForEachTest } from './store-harness';

const CONCURRENCY = ['serving', 'services', 0, 'concurrency'] as const;

stubBrowserForEachTest();

describe('editor: loading and validating', () => {
  it('loads the saved text and validates it', async () => {
    const { store } = makeStore();
    const id = await openExample(store);
    const s = store.getState();
    expect(s.editorScenarioId).toBe(id);
    expect(s.editorVersion).toBe(1);
    expect(s.text).toBe(s.savedText);
    expect(s.parse?.ok).toBe(true);
    expect(s.lastValid?.name).toBe('Small API');
    expect(s.history.past).toEqual([]);
  });

  it('names the field of an invalid value and keeps the last valid scenario', async () => {
    const { store } = makeStore();
    await openExample(store);
    store.getState().setField(REPLICAS, -1);
    const s = store.getState();
    expect(s.parse?.ok).toBe(false);
    expect(s.parse?.ok === false && s.parse.errors.map((e) => e.path)).toEqual(['serving.services[0].replicas']);
    expect(s.lastValid?.serving?.services[0]?.replicas).toBe(2);
    expect(s.text).toContain('"replicas": -1');
  });

  it('keeps the form read-only while the JSON does not parse', async () => {
    const { store } = makeStore();
    await openExample(store);
    store.getState().setText('{ "name": ', 'json');
    expect(store.getState().raw).toBeUndefined();
    expect(store.getState().parse?.ok).toBe(false);
    store.getState().setField(REPLICAS, 3);
    expect(store.getState().text).toBe('{ "name": ');
  });
});

describe('editor: undo and redo', () => {
  it('undoes field by field, coalescing quick edits of one field, and redoes', async () => {
    const { store } = makeStore();
    await openExample(store);
    const original = store.getState().text;
    store.getState().setField(REPLICAS, 3);
    store.getState().setField(REPLICAS, 4); // same field within a second: one step
    const afterReplicas = store.getState().text;
    store.getState().setField(CONCURRENCY, 8);
    const afterBoth = store.getState().text;
    expect(store.getState().history.past).toHaveLength(2);

    store.getState().undo();
    expect(store.getState().text).toBe(afterReplicas);
    store.getState().undo();
    expect(store.getState().text).toBe(original);
    store.getState().undo(); // nothing left: no change
    expect(store.getState().text).toBe(original);

    store.getState().redo();
    store.getState().redo();
    expect(store.getState().text).toBe(afterBoth);
    expect(store.getState().parse?.ok).toBe(true);
  });

  it('does not coalesce edits of one field a second apart, and a new edit drops the redo steps', async () => {
    const { store } = makeStore();
    await openExample(store);
    store.getState().setField(REPLICAS, 3);
    vi.advanceTimersByTime(1000);
    store.getState().setField(REPLICAS, 4);
    expect(store.getState().history.past).toHaveLength(2);
    store.getState().undo();
    expect(store.getState().lastValid?.serving?.services[0]?.replicas).toBe(3);
    store.getState().setField(CONCURRENCY, 8);
    expect(store.getState().history.future).toEqual([]);
  });
});

describe('editor: saving', () => {
  it('saves a dirty valid text as a new version', async () => {
    const { store, fake } = makeStore();
    const id = await openExample(store);
    store.getState().setField(REPLICAS, 5);
    expect(await store.getState().saveScenario()).toBe(true);
    const s = store.getState();
    expect(fake.versionCount(id)).toBe(2);
    expect(s.savedText).toBe(s.text);
    expect(s.editorVersion).toBe(2);
    expect(s.saveState).toEqual({ state: 'saved', version: 2 });
    expect(s.scenarios.find((x) => x.id === id)?.version).toBe(2);
    // A clean text saves nothing more.
    expect(await store.getState().saveScenario()).toBe(true);
    expect(fake.versionCount(id)).toBe(2);
  });

  it('never sends invalid text to the backend and says how many problems to fix', async () => {
    const { store, fake } = makeStore();
    const id = await openExample(store);
    store.getState().setField(REPLICAS, 0);
    expect(await store.getState().saveScenario()).toBe(false);
    expect(store.getState().saveState).toEqual({ state: 'error', message: 'Not saved: fix 1 problem first', errors: [] });
    expect(fake.calls).not.toContain('updateScenario');
    expect(fake.versionCount(id)).toBe(1);
  });

  it('keeps the text and reports a failed save', async () => {
    const { store, fake } = makeStore();
    const id = await openExample(store);
    store.getState().setField(REPLICAS, 5);
    fake.failNext('updateScenario', 'disk full');
    expect(await store.getState().saveScenario()).toBe(false);
    expect(store.getState().saveState).toMatchObject({ state: 'error', message: 'Not saved: disk full' });
    expect(store.getState().text).not.toBe(store.getState().savedText);
    expect(await store.getState().saveScenario()).toBe(true);
    expect(fake.versionCount(id)).toBe(2);
  });
});

describe('editor: autosave', () => {
  it('saves once typing has paused for AUTOSAVE_MS, each edit restarting the pause', async () => {
    const { store, fake } = makeStore();
    const id = await openExample(store);
    store.getState().setField(REPLICAS, 3);
    await vi.advanceTimersByTimeAsync(AUTOSAVE_MS - 1);
    store.getState().setField(CONCURRENCY, 6);
    await vi.advanceTimersByTimeAsync(AUTOSAVE_MS - 1);
    await settle();
    expect(fake.versionCount(id)).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    await settle();
    expect(fake.versionCount(id)).toBe(2);
    expect(store.getState().text).toBe(store.getState().savedText);
    expect(store.getState().saveState).toEqual({ state: 'saved', version: 2 });
  });

  it('waits quietly while the text is invalid, then saves once it is fixed', async () => {
    const { store, fake } = makeStore();
    const id = await openExample(store);
    store.getState().setField(REPLICAS, 0);
    await vi.advanceTimersByTimeAsync(AUTOSAVE_MS * 2);
    await settle();
    expect(fake.versionCount(id)).toBe(1);
    expect(store.getState().saveState).toEqual({ state: 'idle' });
    store.getState().setField(REPLICAS, 9);
    await vi.advanceTimersByTimeAsync(AUTOSAVE_MS);
    await settle();
    expect(fake.versionCount(id)).toBe(2);
  });
});

describe('editor: leaving a scenario', () => {
  it('keeps invalid edits as a draft and saves valid ones', async () => {
    const { store, fake } = makeStore();
    const first = await openExample(store);
    store.getState().setField(REPLICAS, 0);
    const draft = store.getState().text;
    const second = await openExample(store, 'risk-model-api');
    expect(store.getState().drafts[first]).toBe(draft);
    expect(fake.versionCount(first)).toBe(1);

    store.getState().setField(REPLICAS, 9);
    await store.getState().openScenario(first);
    await settle();
    expect(fake.versionCount(second)).toBe(2);
    expect(store.getState().text).toBe(draft);
    expect(store.getState().drafts).toEqual({});
  });
});
