// The runs slice's meaning per run: labels set and cleared through the contract (and a refusal
// that keeps the old one), and what changed since the run before, as the backend says it.
import { describe, expect, it } from 'vitest';
import { makeStore, openExample, REPLICAS, settle, stubBrowserForEachTest } from './store-harness';

stubBrowserForEachTest();

describe('runs: labels', () => {
  it('labels a run, replaces and clears the label, and keeps it across a reload of the list', async () => {
    const { store, fake } = makeStore();
    const scenarioId = await openExample(store);
    await store.getState().startRun();
    const runId = store.getState().activeRunId!;
    fake.finishRun(runId, 'done');
    await settle();

    expect(await store.getState().setRunLabel(runId, '  baseline ')).toBe(true);
    expect(store.getState().runs[0]).toMatchObject({ id: runId, label: 'baseline', status: 'done' });
    expect(await store.getState().setRunLabel(runId, 'ten replicas')).toBe(true);
    await store.getState().loadRuns(scenarioId);
    expect(store.getState().runs[0]!.label).toBe('ten replicas');
    expect(await store.getState().setRunLabel(runId, null)).toBe(true);
    expect(store.getState().runs[0]!.label).toBeNull();
    expect(store.getState().runsError).toBeNull();
  });

  it('says why a label was not saved, naming the field, and keeps the old one', async () => {
    const { store, fake } = makeStore();
    await openExample(store);
    await store.getState().startRun();
    const runId = store.getState().activeRunId!;
    await store.getState().setRunLabel(runId, 'kept');

    expect(await store.getState().setRunLabel(runId, 'x'.repeat(81))).toBe(false);
    expect(store.getState().runsError).toMatch(/^Label not saved: label: must be a string of at most 80 characters/);
    fake.failNext('setRunLabel', 'Could not label the run: the disk is full');
    expect(await store.getState().setRunLabel(runId, 'new')).toBe(false);
    expect(store.getState().runsError).toBe('Label not saved: Could not label the run: the disk is full');
    expect(store.getState().runs[0]!.label).toBe('kept');

    expect(await store.getState().setRunLabel(runId, 'new')).toBe(true);
    expect(store.getState().runsError).toBeNull();
  });
});

describe('runs: what changed and the headline', () => {
  it('shows each run’s changes since the one before and the headline its status event brings', async () => {
    const { store, fake } = makeStore();
    await openExample(store);
    await store.getState().startRun();
    const first = store.getState().activeRunId!;
    fake.finishRun(first, 'done');
    await settle();
    expect(store.getState().runs[0]).toMatchObject({ changes: ['first run'], headline: { tone: 'good', text: `fake verdict of ${first}` } });

    store.getState().setField(REPLICAS, 3);
    await store.getState().startRun();
    await settle();
    expect(store.getState().runs.map((r) => r.changes)).toEqual([['replicas 2 → 3'], ['first run']]);
    expect(store.getState().runs[0]!.headline).toBeNull(); // not finished yet
  });
});
