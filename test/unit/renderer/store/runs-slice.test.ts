// The runs slice: starting (saving first), live status and progress from run events, cancel,
// finishing with a result, and a failure recorded with its error.
import { describe, expect, it } from 'vitest';
import type { FakeBackend } from './fake-backend';
import { makeStore, openExample, REPLICAS, settle, stubBrowserForEachTest, type AppStore } from './store-harness';

stubBrowserForEachTest();

/** A store with the small example open and one run of it started. */
async function startExampleRun(): Promise<{ store: AppStore; fake: FakeBackend; scenarioId: string; runId: string }> {
  const { store, fake } = makeStore();
  const scenarioId = await openExample(store);
  await store.getState().startRun();
  return { store, fake, scenarioId, runId: store.getState().activeRunId! };
}

describe('runs: a run from start to result', () => {
  it('shows the queued run, its progress, and loads the result when it is done', async () => {
    const { store, fake, runId } = await startExampleRun();
    expect(store.getState().selectedRunId).toBe(runId);
    expect(store.getState().runs.map((r) => [r.id, r.status])).toEqual([[runId, 'queued']]);

    fake.progressRun(runId, 0.5);
    expect(store.getState().runs[0]?.status).toBe('running');
    expect(store.getState().progress[runId]).toMatchObject({ fraction: 0.5, replicationsDone: 1, replications: 2 });

    fake.finishRun(runId, 'done');
    await settle();
    const s = store.getState();
    expect(s.runs[0]).toMatchObject({ status: 'done', error: null, replicationsStored: 2 });
    expect(s.resultStatus).toBe('ready');
    expect(s.results[runId]).toMatchObject({ seed: 1, replications: 2 });
  });

  it('saves a dirty text first, so the run records the new version', async () => {
    const { store, fake } = makeStore();
    const id = await openExample(store);
    store.getState().setField(REPLICAS, 3);
    await store.getState().startRun();
    expect(fake.versionCount(id)).toBe(2);
    expect(store.getState().runs[0]?.scenarioVersion).toBe(2);
  });

  it('refuses to run invalid text, and a second start while one is in flight', async () => {
    const { store, fake } = makeStore();
    await openExample(store);
    store.getState().setField(REPLICAS, 0);
    await store.getState().startRun();
    expect(store.getState().runError).toBe('Not run: the scenario has problems (see the list above the editor)');
    expect(fake.calls).not.toContain('startRun');

    store.getState().undo();
    await store.getState().startRun();
    await store.getState().startRun();
    expect(fake.calls.filter((c) => c === 'startRun')).toHaveLength(1);
    expect(store.getState().runs).toHaveLength(1);
  });

  it('reports a run the backend would not start', async () => {
    const { store, fake } = makeStore();
    await openExample(store);
    fake.failNext('startRun', 'cannot run yet: serving.services[0].arrivals: trace not found');
    await store.getState().startRun();
    expect(store.getState().runError).toBe('Not run: cannot run yet: serving.services[0].arrivals: trace not found');
    expect(store.getState().runs).toEqual([]);
  });
});

describe('runs: cancel and failure', () => {
  it('cancels the active run, after which another can start', async () => {
    const { store, fake, runId: first } = await startExampleRun();
    fake.progressRun(first, 0.25);
    await store.getState().cancelRun();
    expect(store.getState().runs.find((r) => r.id === first)?.status).toBe('cancelled');
    expect(store.getState().results[first]).toBeUndefined();

    await store.getState().startRun();
    expect(store.getState().activeRunId).not.toBe(first);
    expect(store.getState().runs).toHaveLength(2);
  });

  it('records a failed run with its error and no result', async () => {
    const { store, fake, runId } = await startExampleRun();
    fake.finishRun(runId, 'failed', 'out of memory in replication 2');
    await settle();
    expect(store.getState().runs[0]).toMatchObject({ status: 'failed', error: 'out of memory in replication 2' });
    expect(fake.calls).not.toContain('getRunResult');
    expect(store.getState().resultStatus).toBe('idle');
  });
});

describe('runs: events and listing', () => {
  it("ignores another scenario's run events, and lists them when it is opened again", async () => {
    const { store, fake, scenarioId: first, runId } = await startExampleRun();
    await openExample(store, 'risk-model-api');
    fake.finishRun(runId, 'truncated');
    await settle();
    expect(store.getState().runs).toEqual([]);

    await store.getState().openScenario(first);
    await settle();
    expect(store.getState().runs.map((r) => [r.id, r.status])).toEqual([[runId, 'truncated']]);
    expect(store.getState().selectedRunId).toBe(runId);
    expect(store.getState().activeRunId).toBeNull();
    expect(store.getState().results[runId]).toMatchObject({ truncated: { reason: 'max-events' } });
  });

  it('selects the newest run with a result when opening a scenario', async () => {
    const { store, fake, scenarioId: id, runId: done } = await startExampleRun();
    fake.finishRun(done, 'done');
    await store.getState().startRun();
    fake.finishRun(store.getState().activeRunId!, 'failed');
    await openExample(store, 'risk-model-api');
    await store.getState().openScenario(id);
    await settle();
    expect(store.getState().runs).toHaveLength(2);
    expect(store.getState().selectedRunId).toBe(done);
    expect(store.getState().resultStatus).toBe('ready');
  });
});
