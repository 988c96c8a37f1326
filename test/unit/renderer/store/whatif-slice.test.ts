// The what-if slice over the contract: only the newest live preview's answer is shown (a late
// one after Reset or a newer move is dropped), an analysis's progress is followed under its own
// request id, and a refused analysis keeps its issues, naming the field.
import { describe, expect, it } from 'vitest';
import type { AnalysisOutcome, PreviewOutcome, ResultDocument } from '../../../../electron/common/contract';
import { makeStore, openExample, settle, stubBrowserForEachTest } from './store-harness';

stubBrowserForEachTest();

const answer = (name: string): PreviewOutcome => ({
  ok: true, result: { scenario: { name } } as unknown as ResultDocument, reduced: { replications: 1, horizon_s: 50, warmup_s: 10 }, wallMs: 5,
});

describe('live preview', () => {
  it('drops an answer that arrives after a newer move or after Reset', async () => {
    const { store, fake } = makeStore();
    await openExample(store);
    const pending: ((o: PreviewOutcome) => void)[] = [];
    fake.whatIf.previewRun = () => new Promise((resolve) => pending.push(resolve));

    store.getState().setSliderValue('serving.services[0].replicas', 9);
    const first = store.getState().runPreview();
    store.getState().setSliderValue('serving.services[0].replicas', 10);
    const second = store.getState().runPreview();
    await settle();
    pending[1]!(answer('newest'));
    pending[0]!(answer('older'));
    await Promise.all([first, second]);
    expect(store.getState().preview?.result.scenario.name).toBe('newest');
    expect(store.getState().previewStatus).toBe('ready');

    const third = store.getState().runPreview();
    await settle();
    store.getState().resetSliders();
    pending[2]!(answer('after reset'));
    await third;
    expect(store.getState().preview).toBeNull();
    expect(store.getState().sliderValues).toEqual({});
  });
});

describe('analyses', () => {
  it('follows progress under its request id and keeps the refusal\'s issues', async () => {
    const { store, fake } = makeStore();
    await openExample(store);
    let release: ((o: AnalysisOutcome) => void) | null = null;
    let asked: string | undefined;
    fake.whatIf.runAnalysis = (_id, request) => {
      asked = request.requestId;
      return new Promise((resolve) => { release = resolve; });
    };
    const running = store.getState().startAnalysis({ kind: 'sweep', sets: [{ path: 'serving.services[0].replicas', from: 0, to: 2 }] });
    await settle();
    expect(store.getState().analysisJob).toMatchObject({ kind: 'sweep', fraction: 0 });
    store.getState().handleAnalysisEvent({ type: 'analysis', requestId: 'someone-else', fraction: 0.9, label: 'x' });
    store.getState().handleAnalysisEvent({ type: 'analysis', requestId: asked!, fraction: 0.5, label: 'point 2 of 3' });
    expect(store.getState().analysisJob).toMatchObject({ fraction: 0.5, label: 'point 2 of 3' });
    release!({ ok: false, reason: 'invalid', message: 'serving.services[0].replicas: must be an integer from 1 to 10000 (with serving.services[0].replicas = 0)', errors: [{ path: 'serving.services[0].replicas', message: 'must be an integer from 1 to 10000 (with serving.services[0].replicas = 0)' }] });
    expect(await running).toBe(false);
    expect(store.getState().analysisJob).toBeNull();
    expect(store.getState().analysisIssues).toEqual([{ path: 'serving.services[0].replicas', message: expect.stringMatching(/with serving.services\[0\].replicas = 0/) }]);
    expect(store.getState().analysisError).toMatch(/^serving.services\[0\].replicas: /);
  });
});
