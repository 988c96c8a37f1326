// The state of a run at one instant (simulation/present/state-at.ts): the bucket that holds the
// instant, per service and pool, and the first sampled pipeline run's tasks; and the span and
// step playback moves over.
import { describe, expect, it } from 'vitest';
import type { ResultDocument, Scenario } from '../../../simulation';
import { playbackSpan, playbackStep, stateAt } from '../../../simulation/present';

const stat = (mean: number) => ({ mean, ci95: [mean, mean] as [number, number] });
const series = {
  bucket_s: 10,
  queue_length: [stat(98), stat(200), stat(380)], busy_slots: [stat(96), stat(96), stat(96)], replicas: [stat(8), stat(8), stat(8)],
};
const doc = {
  horizon_s: 30,
  serving: { api: { series } },
  cluster: { series: { bucket_s: 15, pools: { gpu: { allocated: [0.5, 1], busy: [0.25, 0.75], queued: [0, 2] } } } },
  pipeline: {
    sample_runs: [{
      index: 0, start_s: 0, makespan_s: 40,
      tasks: [
        { id: 'a', state: 'success', trigger_s: 0, finish_s: 10, attempts: 1 },
        { id: 'b', state: 'failed', trigger_s: 10, finish_s: 25, attempts: 2 },
        { id: 'c', state: 'upstream_failed', trigger_s: 25, finish_s: 25, attempts: 0 },
        { id: 'd', state: 'success', trigger_s: 10, finish_s: 40, attempts: 1 },
      ],
    }],
  },
} as unknown as ResultDocument;
const scenario = { cluster: { pools: [{ id: 'gpu', units: 64 }] } } as unknown as Scenario;

describe('stateAt', () => {
  it('reads the bucket holding the instant; the last bucket holds the horizon', () => {
    expect(stateAt(doc, scenario, 12)[0]).toEqual({ subject: 'api', text: 'queue 200 · 96 slots busy · 8.0 replicas serving' });
    expect(stateAt(doc, scenario, 30)[0]!.text).toMatch(/^queue 380/);
    expect(stateAt(doc, scenario, 0)[0]!.text).toMatch(/^queue 98/);
  });

  it('gives busy units of each pool out of its size, and jobs waiting', () => {
    expect(stateAt(doc, scenario, 16)[1]).toEqual({ subject: 'gpu pool', text: '48 of 64 units busy · 2.0 jobs waiting' });
    expect(stateAt(doc, null, 1)[1]).toEqual({ subject: 'gpu pool', text: '25% busy' });
  });

  it('lists the sampled run\'s running and failed tasks at the instant', () => {
    expect(stateAt(doc, scenario, 12)[2]!.text).toBe('running b, d · 1 of 4 tasks final');
    expect(stateAt(doc, scenario, 30)[2]!.text).toBe('running d · failed b · 3 of 4 tasks final');
    expect(stateAt(doc, scenario, 40)[2]!.text).toBe('ended at 40 s · failed b · 4 of 4 tasks final');
  });
});

describe('playbackSpan and playbackStep', () => {
  it('spans the horizon when the run has time series, even when a sampled run lasts longer', () => {
    expect(playbackSpan(doc)).toBe(30);
    expect(playbackStep(doc)).toBe(30 / 200);
    const long = { ...doc, horizon_s: 20_000 } as ResultDocument;
    expect(playbackStep(long)).toBe(10);
  });

  it('spans the longest sampled run of a pipeline-only result', () => {
    const p = { horizon_s: 3600, pipeline: doc.pipeline } as unknown as ResultDocument;
    expect(playbackSpan(p)).toBe(40);
    expect(playbackStep(p)).toBe(0.2);
  });
});
