// The library slice: listing, reopening the last scenario, search, creating from an example,
// and deleting to the trash with an Undo.
import { describe, expect, it, vi } from 'vitest';
import { EXAMPLES, makeStore, openExample, RISK_MODEL, settle, SMALL, stubBrowserForEachTest } from './store-harness';
import { FakeBackend } from './fake-backend';

const browser = stubBrowserForEachTest();

/** A backend that already holds the small example and then the risk model (the newer). */
async function twoScenarios(): Promise<{ fake: FakeBackend; small: string; risk: string }> {
  const fake = new FakeBackend(EXAMPLES);
  const small = await fake.api.createScenario(SMALL);
  const risk = await fake.api.createScenario(RISK_MODEL);
  if (!small.ok || !risk.ok) throw new Error('the examples must validate');
  fake.calls.length = 0;
  return { fake, small: small.scenario.id, risk: risk.scenario.id };
}

describe('library: loading', () => {
  it('lists the newest first with the examples, and opens the newest', async () => {
    const { fake, small, risk } = await twoScenarios();
    const { store } = makeStore(fake);
    await store.getState().initLibrary();
    const s = store.getState();
    expect(s.libraryStatus).toBe('ready');
    expect(s.scenarios.map((x) => x.id)).toEqual([risk, small]);
    expect(s.examples.map((x) => x.id)).toEqual(EXAMPLES.map((x) => x.id));
    expect(s.selectedScenarioId).toBe(risk);
    expect(s.editorScenarioId).toBe(risk);
    expect(s.runsStatus).toBe('ready');
  });

  it("reopens the session's last scenario", async () => {
    const { fake, small } = await twoScenarios();
    browser.session.setItem('headroom.selectedScenario', small);
    const { store } = makeStore(fake);
    await store.getState().initLibrary();
    expect(store.getState().editorScenarioId).toBe(small);
  });

  it('remembers the open scenario for the session', async () => {
    const { store } = makeStore();
    const id = await openExample(store);
    expect(browser.session.getItem('headroom.selectedScenario')).toBe(id);
  });

  it('says why the library could not be loaded', async () => {
    const { store, fake } = makeStore();
    fake.failNext('listScenarios', 'the library file is locked');
    await store.getState().initLibrary();
    expect(store.getState().libraryStatus).toBe('error');
    expect(store.getState().libraryError).toBe('the library file is locked');
  });

  it('stays on the open scenario when another cannot be opened', async () => {
    const { fake, small, risk } = await twoScenarios();
    const { store } = makeStore(fake);
    await store.getState().initLibrary();
    fake.failNext('getScenario', 'gone');
    await store.getState().openScenario(small);
    expect(store.getState().libraryError).toBe('Cannot open the scenario: gone');
    expect(store.getState().selectedScenarioId).toBe(risk);
    expect(store.getState().editorScenarioId).toBe(risk);
  });
});

describe('library: search', () => {
  it('searches after a pause in typing, and an empty box clears the hits', async () => {
    const { fake, risk } = await twoScenarios();
    const { store } = makeStore(fake);
    await store.getState().initLibrary();
    store.getState().setSearchQuery('ris');
    store.getState().setSearchQuery('risk');
    await vi.advanceTimersByTimeAsync(149);
    expect(fake.calls.filter((c) => c === 'searchScenarios')).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    await settle();
    expect(fake.calls.filter((c) => c === 'searchScenarios')).toHaveLength(1);
    expect(store.getState().searchHits?.map((x) => x.id)).toEqual([risk]);
    store.getState().setSearchQuery('  ');
    await vi.advanceTimersByTimeAsync(0);
    expect(store.getState().searchHits).toBeNull();
  });
});

describe('library: creating', () => {
  it('creates a scenario from an example and opens it', async () => {
    const { store, fake } = makeStore();
    const id = await openExample(store, 'risk-model-api');
    expect(fake.liveIds()).toEqual([id]);
    expect(store.getState().scenarios.map((x) => x.name)).toEqual(['Risk model API — the article\'s worked example']);
    expect(store.getState().text).toBe(RISK_MODEL);
  });

  it('names the fields of an example that does not validate', async () => {
    const { store, fake } = makeStore();
    await store.getState().initLibrary();
    await store.getState().createFromExample('broken');
    expect(store.getState().libraryError).toMatch(/^The example did not validate: .*name: /);
    expect(fake.liveIds()).toEqual([]);
  });
});

describe('library: deleting', () => {
  it('moves the open scenario to the trash, opens the next, and Undo brings it back', async () => {
    const { fake, small, risk } = await twoScenarios();
    const { store } = makeStore(fake);
    await store.getState().initLibrary();
    await store.getState().deleteScenario(risk);
    await settle();
    let s = store.getState();
    expect(s.scenarios.map((x) => x.id)).toEqual([small]);
    expect(s.editorScenarioId).toBe(small);
    expect(fake.liveIds()).toEqual([small]);
    expect(s.toast?.message).toBe('Deleted “Risk model API — the article\'s worked example”');

    await s.toast?.action?.run();
    await settle();
    s = store.getState();
    expect(s.scenarios.map((x) => x.id).sort()).toEqual([risk, small].sort());
    expect(s.editorScenarioId).toBe(risk);
    expect(fake.liveIds().sort()).toEqual([risk, small].sort());
  });

  it('saves valid pending edits before deleting, so the trash holds them', async () => {
    const { store, fake } = makeStore();
    const id = await openExample(store);
    store.getState().setField(['serving', 'services', 0, 'replicas'], 7);
    await store.getState().deleteScenario(id);
    expect(fake.versionCount(id)).toBe(2);
    expect(store.getState().editorScenarioId).toBeNull();
    expect(store.getState().scenarios).toEqual([]);
  });

  it('keeps the scenario when the delete fails', async () => {
    const { store, fake } = makeStore();
    const id = await openExample(store);
    fake.failNext('deleteScenario', 'read-only library');
    await store.getState().deleteScenario(id);
    expect(store.getState().libraryError).toBe('Cannot delete the scenario: read-only library');
    expect(store.getState().scenarios.map((x) => x.id)).toEqual([id]);
    expect(store.getState().editorScenarioId).toBe(id);
  });
});
